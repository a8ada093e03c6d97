import Statistics
import Support
import SymbolicRegression

/// A report's input rows: feature columns (the design), any further columns formulas may use, target and weights.
public struct ReportData: Sendable {
  /// Name of the explained column.
  public var targetName: String
  /// Feature columns in report order (grouping, summaries, plots).
  public private(set) var features: [String]
  /// Every column a formula may use as a variable, by name (includes all features).
  public private(set) var columns: [String: [Double]]
  /// Observed target values.
  public private(set) var target: [Double]
  /// Optional positive per-row weights.
  public private(set) var weights: [Double]?

  /// Number of rows.
  public var rowCount: Int { target.count }

  /// Checks that every feature has a column and all columns have one value per row.
  public init(
    targetName: String, features: [String], columns: [String: [Double]], target: [Double],
    weights: [Double]? = nil
  ) throws {
    guard !target.isEmpty else { throw ReportError("no rows to report on") }
    for name in features where columns[name] == nil {
      throw ReportError("feature '\(name)' has no column")
    }
    for (name, column) in columns where column.count != target.count {
      throw ReportError("column '\(name)' has \(column.count) values, the target has \(target.count)")
    }
    if let weights {
      guard weights.count == target.count else {
        throw ReportError("weights have \(weights.count) values, the target has \(target.count)")
      }
      if let bad = weights.firstIndex(where: { !($0 > 0) || !$0.isFinite }) {
        throw ReportError("weight of row \(bad + 1) is \(weights[bad]); weights must be positive and finite")
      }
    }
    self.targetName = targetName
    self.features = features
    self.columns = columns
    self.target = target
    self.weights = weights
  }

  /// The rows in the form `FormulaFit` takes.
  public var fittingData: FittingData { FittingData(columns: columns, target: target, weights: weights) }

  /// Rows that share every feature value form one group (kept together by grouped splits).
  public var groups: RowGroups {
    RowGroups(rows: (0..<rowCount).map { i in features.map { columns[$0]![i] } })
  }

  /// The same data restricted to `rows` (in that order, repeats allowed).
  public func selecting(_ rows: [Int]) -> ReportData {
    var copy = self
    copy.columns = columns.mapValues { column in rows.map { column[$0] } }
    copy.target = rows.map { target[$0] }
    copy.weights = weights.map { w in rows.map { w[$0] } }
    return copy
  }
}

/// A report analysis could not run; `description` is one line. `setting` names the ``ReportSettings`` or
/// input setting the message is about (`bootstrapReplicates`, `sdFloor`, …), when it is about one.
public typealias ReportError = SettingError<ReportInput>

/// The reports' settings and input domain (see ``ReportError``).
public enum ReportInput {}
