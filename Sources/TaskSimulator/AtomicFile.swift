import Foundation

/// Writes files atomically: the data goes to a temporary file in the same folder, which is then renamed.
public enum AtomicFile {
  /// Writes `data` to `url` atomically, creating parent folders.
  public static func write(_ data: Data, to url: URL) throws(TaskSimulatorError) {
    do {
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try data.write(to: url, options: .atomic)
    } catch {
      throw TaskSimulatorError("\(url.path): cannot write file (\(error.localizedDescription))")
    }
  }

  /// Writes UTF-8 text atomically.
  public static func write(_ text: String, to url: URL) throws(TaskSimulatorError) {
    try write(Data(text.utf8), to: url)
  }
}
