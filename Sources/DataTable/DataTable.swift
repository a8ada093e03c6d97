/// A table read from CSV: a header line of column names and rows of text cells.
///
/// Cells are kept as text; ``numericColumn(_:)`` parses a column only when asked, so only the
/// columns a run uses have to be numeric. Rows in messages are 1-based data rows: the first line
/// after the header is row 1 (empty lines are skipped and not counted; a quoted field that spans
/// lines still belongs to one row).
public struct DataTable: Sendable {
  /// Where the table came from (the path, or the name given to ``init(csvText:source:)``); used in messages.
  public let source: String
  /// Column names in file order (surrounding spaces removed).
  public let columnNames: [String]
  /// Cells by column, then row.
  private let columns: [[String]]
  private let indexByName: [String: Int]

  /// Number of data rows.
  public var rowCount: Int { storedRowCount }
  private let storedRowCount: Int

  /// Reads a CSV file. Throws ``DataTableError`` for a missing or unreadable file, text that is
  /// not UTF-8, an empty file, duplicate column names, a row whose field count differs from the
  /// header, an unclosed quote, or a header without data rows.
  public init(contentsOfFile path: String) throws {
    let bytes = try FileReading.readBytes(path)
    try self.init(csvBytes: bytes, source: path)
  }

  /// Parses CSV text; `source` names it in messages.
  public init(csvText: String, source: String) throws {
    try self.init(csvBytes: Array(csvText.utf8), source: source)
  }

  init(csvBytes bytes: [UInt8], source: String) throws(DataTableError) {
    if String(validating: bytes, as: UTF8.self) == nil {
      throw DataTableError(.invalidText, "cannot read '\(source)': not UTF-8 text")
    }
    let parsed = try CSVParser(source: source).parse(bytes)
    let names = parsed.header.map { $0.trimmingSpaces() }
    if parsed.rows.isEmpty {
      throw DataTableError(.emptyTable, "\(source) has a header but no data rows")
    }
    var columns = [[String]](repeating: [], count: names.count)
    for c in columns.indices { columns[c].reserveCapacity(parsed.rows.count) }
    for row in parsed.rows {
      for (c, cell) in row.enumerated() { columns[c].append(cell) }
    }
    try self.init(source: source, names: names, columns: columns, rowCount: parsed.rows.count)
  }

  private init(source: String, names: [String], columns: [[String]], rowCount: Int) throws(DataTableError) {
    var index: [String: Int] = [:]
    for (i, name) in names.enumerated() {
      if let earlier = index[name] {
        throw DataTableError(
          .duplicateColumn,
          "\(source): duplicate column name '\(name)' (columns \(earlier + 1) and \(i + 1))")
      }
      index[name] = i
    }
    self.source = source
    self.columnNames = names
    self.columns = columns
    self.indexByName = index
    self.storedRowCount = rowCount
  }

  /// True when the table has a column of that name.
  public func hasColumn(_ name: String) -> Bool {
    indexByName[name] != nil
  }

  private func columnIndex(_ name: String) throws(DataTableError) -> Int {
    guard let index = indexByName[name] else {
      throw DataTableError(
        .missingColumn,
        "column '\(name)' not found in \(source) (columns: \(columnNames.joined(separator: ", ")))")
    }
    return index
  }

  /// The cells of a column as text, exactly as read (quotes removed).
  public func textColumn(_ name: String) throws -> [String] {
    columns[try columnIndex(name)]
  }

  /// The column parsed as finite numbers. Throws for a missing column, a cell that is not a
  /// number (`x.csv row 12, column 'fscore': 'abc' is not a number`) or one that is not finite
  /// (`nan`, `inf`).
  public func numericColumn(_ name: String) throws -> [Double] {
    let cells = columns[try columnIndex(name)]
    var values: [Double] = []
    values.reserveCapacity(cells.count)
    for (row, cell) in cells.enumerated() {
      switch NumberParsing.parse(cell) {
      case .number(let value):
        values.append(value)
      case .notANumber:
        throw DataTableError(
          .nonNumericCell,
          "\(source) row \(row + 1), column '\(name)': '\(cell)' is not a number")
      case .notFinite:
        throw DataTableError(
          .nonFiniteCell,
          "\(source) row \(row + 1), column '\(name)': '\(cell)' is not finite")
      }
    }
    return values
  }

  /// A copy with columns renamed (`old -> new`, all at once, so `a:b,b:a` swaps). Throws when an
  /// old name is not a column or when the result would have two columns of one name.
  public func renamingColumns(_ mapping: [String: String]) throws -> DataTable {
    for old in mapping.keys.sorted() where indexByName[old] == nil {
      throw DataTableError(
        .missingColumn,
        "cannot rename column '\(old)': not found in \(source) (columns: \(columnNames.joined(separator: ", ")))")
    }
    let names = columnNames.map { mapping[$0] ?? $0 }
    return try DataTable(source: source, names: names, columns: columns, rowCount: rowCount)
  }

  /// A table of the rows at `indices` (0-based, in the given order, repeats allowed). Indices
  /// outside `0..<rowCount` are skipped.
  public func selectingRows(_ indices: [Int]) -> DataTable {
    let valid = indices.filter { $0 >= 0 && $0 < rowCount }
    let selected = columns.map { column in valid.map { column[$0] } }
    // Names were unique already, so this cannot fail; fall back to self defensively.
    return (try? DataTable(source: source, names: columnNames, columns: selected, rowCount: valid.count)) ?? self
  }

  /// The table as CSV text (header, then rows; fields quoted when needed; LF line ends).
  public func csvText() -> String {
    var writer = CSVWriter(header: columnNames)
    for row in 0..<rowCount {
      writer.appendRowUnchecked(columns.map { $0[row] })
    }
    return writer.text
  }
}
