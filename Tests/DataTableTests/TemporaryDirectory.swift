import Foundation

/// A fresh directory under the system temporary directory, removed by `remove()`.
struct TemporaryDirectory {
  let path: String

  init(_ label: String) throws {
    let base = NSTemporaryDirectory()
    path = (base as NSString).appendingPathComponent(
      "datatable-tests-\(ProcessInfo.processInfo.processIdentifier)-\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  func file(_ name: String) -> String {
    (path as NSString).appendingPathComponent(name)
  }

  func write(_ text: String, to name: String) throws -> String {
    let target = file(name)
    try Data(text.utf8).write(to: URL(fileURLWithPath: target))
    return target
  }

  func remove() {
    try? FileManager.default.removeItem(atPath: path)
  }
}
