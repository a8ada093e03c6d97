import DataTable

/// Renames of a table's columns: the core paper's column names are recognised without being asked for
/// (`n_tasks` → `T`, …), then an explicit rename list applies.
public enum ColumnRenames {
  /// Column names of the core paper's published CSV and the names the toolkit uses for them.
  public static let paperColumns: [(from: String, to: String)] = [
    ("n_tasks", "T"), ("n_tokens_per_task", "n"), ("mutual_info", "AMI"),
    ("Tokens NER", "n_main"), ("Tokens Aux", "n_aux"),
  ]

  /// Applies the automatic renames (those for which `wanted(to)` holds, the new name is free and the rename list
  /// does not mention either name) and then `list`. Returns the renamed table and the renames in order.
  public static func apply(
    to table: DataTable, list: String?, source: String, wanted: (String) -> Bool = { _ in true }
  ) throws -> (table: DataTable, renames: [(from: String, to: String)]) {
    let explicit = try list.map(parseRenameList) ?? [:]
    var mapping: [String: String] = [:]
    var renames: [(from: String, to: String)] = []
    for (from, to) in paperColumns
    where table.hasColumn(from) && !table.hasColumn(to) && explicit[from] == nil && !explicit.values.contains(to)
      && wanted(to)
    {
      mapping[from] = to
      renames.append((from, to))
    }
    for (from, to) in explicit.sorted(by: { $0.key < $1.key }) {
      guard table.hasColumn(from) else {
        throw ReportError(
          setting: "rename", "column '\(from)' not found in \(source) (columns: \(table.columnList))")
      }
      mapping[from] = to
      renames.append((from, to))
    }
    return (mapping.isEmpty ? table : try table.renamingColumns(mapping), renames)
  }
}

extension DataTable {
  /// The column names, comma-separated, for error messages.
  public var columnList: String { columnNames.joined(separator: ", ") }
}
