import Foundation

/// Version and provenance of the running tool, for the `run` block of result documents.
public enum ToolInfo {
  /// The toolkit's version.
  public static let version = "0.1.0"

  /// The git commit of the checkout the executable was built in, else of the working directory's checkout
  /// (short hash, `+dirty` when tracked files are modified), or nil outside a checkout.
  public static func commit() -> String? {
    let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath()
    for directory in [executable.deletingLastPathComponent().path, FileManager.default.currentDirectoryPath] {
      guard let hash = git(["-C", directory, "rev-parse", "--short=12", "HEAD"]), !hash.isEmpty else { continue }
      let status = git(["-C", directory, "status", "--porcelain", "--untracked-files=no"]) ?? ""
      return status.isEmpty ? hash : hash + "+dirty"
    }
    return nil
  }

  /// The command line as typed (arguments quoted when needed).
  public static func commandLine(name: String) -> String {
    ([name] + CommandLine.arguments.dropFirst().map(shellQuoted)).joined(separator: " ")
  }

  private static func shellQuoted(_ s: String) -> String {
    let safe = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:,+@%")
    if !s.isEmpty, s.unicodeScalars.allSatisfy(safe.contains) { return s }
    return "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }

  private static func git(_ arguments: [String]) -> String? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git"] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return nil }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { return nil }
    return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
  }
}
