import DataTable
import Foundation
import Reports

/// A results table read from disk, with column renames applied.
struct LoadedInput {
  let path: String
  let table: DataTable
  let target: String
  /// Renames applied automatically (paper's column names) or by `--rename`, in order.
  let renames: [(from: String, to: String)]
  let sha256: String?

  /// Column names of the core paper's published CSV, recognised without flags.
  static let paperColumns: [(String, String)] = [
    ("n_tasks", "T"), ("n_tokens_per_task", "n"), ("mutual_info", "AMI"),
    ("Tokens NER", "n_main"), ("Tokens Aux", "n_aux"),
  ]

  init(options: CommonOptions) throws {
    let table = try DataTable(contentsOfFile: options.data)
    var mapping: [String: String] = [:]
    var renames: [(from: String, to: String)] = []
    let explicit = try options.rename.map(parseRenameList) ?? [:]
    for (from, to) in Self.paperColumns
    where table.hasColumn(from) && !table.hasColumn(to)
      && explicit[from] == nil && !explicit.values.contains(to)
    {
      mapping[from] = to
      renames.append((from, to))
    }
    for (from, to) in explicit.sorted(by: { $0.key < $1.key }) {
      guard table.hasColumn(from) else {
        throw InputError(
          description:
            "--rename: column '\(from)' not found in \(options.data) (columns: \(table.columnNames.joined(separator: ", ")))"
        )
      }
      mapping[from] = to
      renames.append((from, to))
    }
    let renamed = mapping.isEmpty ? table : try table.renamingColumns(mapping)
    let target: String
    if let given = options.target {
      target = given
    } else if renamed.hasColumn("fscore") {
      target = "fscore"
    } else {
      throw InputError(description: "--target is required: \(options.data) has no 'fscore' column")
    }
    guard renamed.hasColumn(target) else {
      throw InputError(
        description:
          "target column '\(target)' not found in \(options.data) (columns: \(renamed.columnNames.joined(separator: ", ")))"
      )
    }
    self.path = options.data
    self.table = renamed
    self.target = target
    self.renames = renames
    self.sha256 = InputDigest.sha256(ofFile: options.data)
  }

  /// One line describing the renames, or nil when none were applied.
  var renameSummary: String? {
    renames.isEmpty ? nil : "renamed columns: " + renames.map { "\($0.from) -> \($0.to)" }.joined(separator: ", ")
  }
}

extension LoadedInput {
  /// Row weights, the same in every mode (search, `--fit`, `--report`): the `--weights` column; else
  /// 1/max(sd, floor)² from `--weights-from-sd COLUMN`, or from `std_fscore` when the table has it and it is not 0
  /// on every row; else none. Returns the weights and a sentence for the report.
  func rowWeights(_ options: CommonOptions) throws -> (weights: [Double]?, note: String?) {
    if let name = options.weights {
      let w = try table.numericColumn(name)
      if let bad = w.firstIndex(where: { !($0 > 0 && $0.isFinite) }) {
        throw InputError(
          description: "\(path) row \(bad + 1), column '\(name)': weight \(w[bad]) is not a positive number")
      }
      return (w, "Weights are taken from column `\(name)`.")
    }
    guard let column = options.weightsFromSD ?? (table.hasColumn("std_fscore") ? "std_fscore" : nil), column != "none"
    else {
      return (nil, nil)
    }
    guard table.hasColumn(column) else {
      throw InputError(
        description:
          "--weights-from-sd: column '\(column)' not found in \(path) (columns: \(table.columnNames.joined(separator: ", ")))"
      )
    }
    let sd = try table.numericColumn(column)
    if options.weightsFromSD == nil, options.sdFloor == nil, !sd.contains(where: { $0 > 0 }) {
      // Found automatically but uninformative (e.g. one row per repetition): fit unweighted.
      return (nil, "Column `\(column)` is 0 on every row (one row per repetition?), so fits are unweighted.")
    }
    do {
      let w = try WeightsFromSD(standardDeviations: sd, floor: options.sdFloor)
      let floorSource = options.sdFloor == nil ? ", the 10th percentile of the positive standard deviations" : ""
      return (
        w.weights,
        "Weights are 1/max(sd, floor)² from column `\(column)` with floor \(ReportFormat.number(w.floor)) "
          + "(\(w.flooredRows) rows raised to the floor)\(floorSource)."
      )
    } catch let error as ReportError {
      throw InputError(description: "--weights-from-sd \(column): \(error.description)")
    }
  }
}
