import Foundation
import TestSupport

/// The paper's balanced data (`../shared/data/paper-balanced.csv`), read in place (never copied into the
/// repository); the tests that use it are enabled only when `SharedData.paperBalancedAvailable`.
enum PaperData {
  /// Columns by header name.
  static func columns() throws -> [String: [Double]] {
    let lines = try String(contentsOf: SharedData.paperBalanced(), encoding: .utf8).split(whereSeparator: \.isNewline)
    guard let header = lines.first?.split(separator: ",").map(String.init) else {
      throw FixtureError("paper-balanced.csv has no header")
    }
    var columns = [String: [Double]]()
    for line in lines.dropFirst() {
      let cells = line.split(separator: ",", omittingEmptySubsequences: false)
      for (name, cell) in zip(header, cells) { columns[name, default: []].append(Double(cell) ?? .nan) }
    }
    return columns
  }
}
