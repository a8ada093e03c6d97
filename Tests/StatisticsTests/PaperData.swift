import Foundation

/// The paper's balanced data (`../shared/data/paper-balanced.csv`), which must not be copied into the repository.
/// Returns nil (the caller skips) when the file is absent.
enum PaperData {
  static func locate(filePath: String = #filePath) -> URL? {
    var candidates: [URL] = []
    if let shared = ProcessInfo.processInfo.environment["MTLF_SHARED"] {
      candidates.append(URL(fileURLWithPath: shared).appendingPathComponent("data/paper-balanced.csv"))
    }
    var folder = URL(fileURLWithPath: filePath).deletingLastPathComponent()
    while folder.path != "/" {
      if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
        candidates.append(folder.deletingLastPathComponent().appendingPathComponent("shared/data/paper-balanced.csv"))
        break
      }
      folder = folder.deletingLastPathComponent()
    }
    candidates.append(URL(fileURLWithPath: "/work/shared/data/paper-balanced.csv"))
    return candidates.first { FileManager.default.fileExists(atPath: $0.path) }
  }

  /// Columns by header name, or nil when the file is absent.
  static func columns() throws -> [String: [Double]]? {
    guard let url = locate() else { return nil }
    let lines = try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline)
    guard let header = lines.first?.split(separator: ",").map(String.init) else { return nil }
    var columns = [String: [Double]]()
    for line in lines.dropFirst() {
      let cells = line.split(separator: ",", omittingEmptySubsequences: false)
      for (name, cell) in zip(header, cells) { columns[name, default: []].append(Double(cell) ?? .nan) }
    }
    return columns
  }

  static let missingMessage =
    "skipped: ../shared/data/paper-balanced.csv not found (set MTLF_SHARED to the shared folder)"
}
