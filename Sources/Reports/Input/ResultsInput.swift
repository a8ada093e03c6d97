import DataTable

/// A results table read once for every mode (search, fixed form, report): column renames applied, the target
/// resolved, the file's SHA-256 kept for the result document.
public struct ResultsInput: Sendable {
  public let request: InputRequest
  public let table: DataTable
  /// The column explained.
  public let target: String
  /// Renames applied automatically (paper's column names) or by the rename list, in order.
  public let renames: [(from: String, to: String)]
  public let sha256: String?

  /// Columns the toolkit writes as outputs, and the relatedness readouts (opt-in features: blank where T = 1);
  /// never used as default features.
  public static let outputColumns: Set<String> = [
    "std_fscore", "stl_fscore", "mtl_fscore", "fscore", "benefit", "seconds", "precision", "recall", "reps", "seed",
    "point", "alpha", "fscore_sd", "std_fscore_sd", "stl_fscore_sd", "benefit_sd",
    "n_tokens_total",  // T·n, derived from two features
    "readout_grad_cosine", "readout_method",
  ]

  public init(_ request: InputRequest) throws {
    let path = request.path
    let (table, renames) = try ColumnRenames.apply(
      to: try DataTable(contentsOfFile: path), list: request.rename, source: path)
    let target: String
    if let given = request.target {
      target = given
    } else if table.hasColumn("fscore") {
      target = "fscore"
    } else {
      throw ReportError(setting: "target", "needed: \(path) has no 'fscore' column")
    }
    guard table.hasColumn(target) else {
      throw ReportError("target column '\(target)' not found in \(path) (columns: \(table.columnList))")
    }
    self.request = request
    self.table = table
    self.target = target
    self.renames = renames
    self.sha256 = InputDigest.sha256(ofFile: path)
  }

  private init(
    request: InputRequest, table: DataTable, target: String, renames: [(from: String, to: String)], sha256: String?
  ) {
    self.request = request
    self.table = table
    self.target = target
    self.renames = renames
    self.sha256 = sha256
  }

  /// The same input restricted to `rows` (0-based, in order).
  public func selectingRows(_ rows: [Int]) -> ResultsInput {
    ResultsInput(
      request: request, table: table.selectingRows(rows), target: target, renames: renames, sha256: sha256)
  }

  /// The rows of each distinct value of `column` (setting `groupBy`), in order of first appearance.
  public func rowGroups(by column: String) throws -> [(value: String, rows: [Int])] {
    guard table.hasColumn(column) else {
      throw ReportError(setting: "groupBy", "column '\(column)' not found in \(path) (columns: \(table.columnList))")
    }
    var order: [String] = []
    var rows: [String: [Int]] = [:]
    for (r, value) in try table.textColumn(column).enumerated() {
      if rows[value] == nil { order.append(value) }
      rows[value, default: []].append(r)
    }
    guard order.count >= 2 else {
      throw ReportError(
        setting: "groupBy", "column '\(column)' has one value ('\(order.first ?? "")'): nothing to compare")
    }
    return order.map { ($0, rows[$0]!) }
  }

  /// The file read.
  public var path: String { request.path }

  /// One line describing the renames, or nil when none were applied.
  public var renameSummary: String? {
    renames.isEmpty ? nil : "renamed columns: " + renames.map { "\($0.from) -> \($0.to)" }.joined(separator: ", ")
  }

  /// The target column's values.
  public func targetValues() throws -> [Double] { try table.numericColumn(target) }

  /// The requested feature columns, or every numeric column except the target, the weights and the toolkit's
  /// output columns; a column equal to an earlier one (n_tokens_main = n in balanced grids) or constant adds
  /// nothing and is left out.
  public func featureNames() throws -> [String] {
    if let list = request.features { return try checkedFeatures(list) }
    var names: [String] = []
    var kept: [[Double]] = []
    for name in table.columnNames
    where name != target && name != request.weights && !Self.outputColumns.contains(name) {
      guard let values = try? table.numericColumn(name), let first = values.first,
        values.contains(where: { $0 != first }), !kept.contains(values)
      else { continue }
      names.append(name)
      kept.append(values)
    }
    guard !names.isEmpty else {
      throw ReportError(
        setting: "features", "\(path) has no numeric feature column besides the target '\(target)'; name them")
    }
    return names
  }

  private func checkedFeatures(_ list: String) throws -> [String] {
    let names = list.split(separator: ",").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
    guard !names.isEmpty else { throw ReportError(setting: "features", "the list is empty") }
    for name in names {
      guard table.hasColumn(name) else {
        throw ReportError(
          setting: "features", "column '\(name)' not found in \(path) (columns: \(table.columnList))")
      }
      if name == target { throw ReportError(setting: "features", "'\(name)' is the target column") }
    }
    if Set(names).count != names.count { throw ReportError(setting: "features", "a column is listed twice") }
    return names
  }
}

extension Substring {
  fileprivate func trimmingSpaces() -> String {
    String(drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
  }
}
