import DataTable
import Foundation
import TestSupport
import Testing

@Suite("Paper data")
struct PaperDataTests {
  /// The paper's published table, read in place from the shared folder; never copied into the repository.
  @Test(.enabled(if: SharedData.paperBalancedAvailable, "needs ../shared/data/paper-balanced.csv"))
  func readsPaperTable() throws {
    let table = try DataTable(contentsOfFile: try SharedData.paperBalanced().path)
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
