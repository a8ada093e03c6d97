import Foundation

/// A fresh, empty folder under the system's temporary directory, for one test; `remove()` deletes it with
/// everything in it (call it in a `defer`).
public struct TemporaryDirectory: Sendable {
  /// The folder.
  public let url: URL

  /// The folder's path.
  public var path: String { url.path }

  /// Creates `<tmp>/<label>-<pid>-<UUID>`; the label only helps to tell leftovers apart.
  public init(_ label: String = "mtlf-tests") throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "\(label)-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  /// The URL of `name` (a file name or a relative path) inside the folder; nothing is created.
  public func fileURL(_ name: String) -> URL {
    url.appendingPathComponent(name)
  }

  /// The path of `name` (a file name or a relative path) inside the folder; nothing is created.
  public func file(_ name: String) -> String {
    fileURL(name).path
  }

  /// Writes `text` (UTF-8) to `name` inside the folder and returns its path.
  @discardableResult
  public func write(_ text: String, to name: String) throws -> String {
    let target = fileURL(name)
    try Data(text.utf8).write(to: target)
    return target.path
  }

  /// Deletes the folder and everything in it (errors are ignored).
  public func remove() {
    try? FileManager.default.removeItem(at: url)
  }
}
