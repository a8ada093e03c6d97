/// Rows grouped by identical feature values (or by given labels).
///
/// Replicate runs at the same grid point must stay on the same side of any split: the paper's 1002 rows are only
/// 444 distinct feature tuples. Group ids are 0, 1, 2, … in order of first appearance. Plain (ungrouped)
/// resampling is the special case `RowGroups.singletons(rowCount:)`.
public struct RowGroups: Sendable, Equatable {
  /// The group id of each row.
  public let groupOfRow: [Int]
  /// The rows of each group, ascending.
  public let rowsOfGroup: [[Int]]

  public var rowCount: Int { groupOfRow.count }
  public var groupCount: Int { rowsOfGroup.count }

  /// Groups rows that carry equal labels.
  public init<Label: Hashable>(labels: [Label]) {
    var idOfLabel: [Label: Int] = [:]
    var groupOfRow: [Int] = []
    var rowsOfGroup: [[Int]] = []
    groupOfRow.reserveCapacity(labels.count)
    for (row, label) in labels.enumerated() {
      if let id = idOfLabel[label] {
        groupOfRow.append(id)
        rowsOfGroup[id].append(row)
      } else {
        idOfLabel[label] = rowsOfGroup.count
        groupOfRow.append(rowsOfGroup.count)
        rowsOfGroup.append([row])
      }
    }
    self.groupOfRow = groupOfRow
    self.rowsOfGroup = rowsOfGroup
  }

  /// Groups rows whose feature tuples are identical (`rows[i]` = features of row i). Values compare exactly;
  /// 0 and −0 are the same, and all NaNs are the same.
  public init(rows: [[Double]]) {
    self.init(labels: rows.map { $0.map(Self.key) })
  }

  /// Groups rows whose feature tuples are identical, features given as columns of equal length.
  public init(columns: [[Double]]) throws {
    let n = columns.first?.count ?? 0
    for (index, column) in columns.enumerated() where column.count != n {
      throw StatisticsError.lengthMismatch(what: "feature column \(index)", expected: n, actual: column.count)
    }
    self.init(labels: (0..<n).map { row in columns.map { Self.key($0[row]) } })
  }

  /// One group per row (ungrouped resampling).
  public static func singletons(rowCount: Int) -> RowGroups {
    RowGroups(labels: Array(0..<max(0, rowCount)))
  }

  private static func key(_ value: Double) -> UInt64 {
    if value.isNaN { return Double.nan.bitPattern }
    return (value == 0 ? 0.0 : value).bitPattern
  }
}
