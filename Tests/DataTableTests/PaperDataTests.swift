import DataTable
import Foundation
import Testing

/// The paper's published table, read from `../shared/data/paper-balanced.csv` beside the package
/// root (or `$MTLF_SHARED/data/…`, or `/work/shared/data/…`); never copied into the repository.
enum PaperData {
  static let path: String? = {
    var candidates: [String] = []
    if let shared = ProcessInfo.processInfo.environment["MTLF_SHARED"] {
      candidates.append(shared + "/data/paper-balanced.csv")
    }
    // Walk up from this file (not resolving symlinks) to the folder holding Package.swift.
    var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while folder.path != "/" {
      if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
        candidates.append(
          folder.deletingLastPathComponent().appendingPathComponent("shared/data/paper-balanced.csv").path)
        break
      }
      folder = folder.deletingLastPathComponent()
    }
    candidates.append("/work/shared/data/paper-balanced.csv")
    return candidates.first { FileManager.default.fileExists(atPath: $0) }
  }()
}

@Suite("Paper data")
struct PaperDataTests {
  @Test(.enabled(if: PaperData.path != nil, "skipped: ../shared/data/paper-balanced.csv not found"))
  func readsPaperTable() throws {
    let table = try DataTable(contentsOfFile: PaperData.path ?? "")
    #expect(table.rowCount == 1002)
    #expect(table.columnNames == ["n_tasks", "n_tokens_per_task", "n_tokens_total", "mutual_info", "alpha", "fscore"])
    let renamed = try table.renamingColumns(try parseRenameList("n_tasks:T,n_tokens_per_task:n,mutual_info:AMI"))
    let fscore = try renamed.numericColumn("fscore")
    let n = try renamed.numericColumn("n")
    #expect(fscore.count == 1002 && n.count == 1002)
    #expect(fscore.allSatisfy { $0 >= 0 && $0 <= 1 })
    #expect(fscore.first == 0.0884)
    #expect(try renamed.numericColumn("T").first == 2)
    // Writing the table back and reading it again keeps every cell.
    let again = try DataTable(csvText: table.csvText(), source: "copy.csv")
    for name in table.columnNames {
      #expect(try again.textColumn(name) == table.textColumn(name))
    }
  }
}
