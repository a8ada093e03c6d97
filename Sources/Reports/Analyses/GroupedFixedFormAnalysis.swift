import Statistics
import Support
import SymbolicRegression

/// One formula fitted on each group of rows (e.g. each MTL method of a results table), every group with its own
/// constants, against the fit with constants shared by all groups: the F-test of "the groups share the constants"
/// compares the pooled residual sum of squares with the groups' total. Weights are the whole table's, so each
/// group's fit and the pooled one weight every row alike.
public struct GroupedFixedFormAnalysis: Sendable {
  /// One group's fit.
  public struct Group: Sendable {
    public let value: String
    public let analysis: FixedFormAnalysis
  }

  /// The column the rows are grouped by.
  public let column: String
  public let groups: [Group]
  /// The fit with constants shared by every group.
  public let pooled: FixedFormAnalysis
  /// F = ((RSS_pooled − Σ RSS_g) / df1) / (Σ RSS_g / df2), df1 = p(G − 1), df2 = N − pG; nil when not defined.
  public let f: Double?
  public let df1: Int
  public let df2: Int
  /// Upper-tail p value of `f`.
  public let p: Double?

  public init(
    formula: String, input: ResultsInput, column: String, starts: [String: Double], folds: Int, seed: UInt64
  ) throws {
    let weights = try input.rowWeights()
    pooled = try FixedFormAnalysis(
      formula: formula, input: input, starts: starts, folds: folds, seed: seed, rowWeights: weights)
    var groups: [Group] = []
    for (value, rows) in try input.rowGroups(by: column) {
      let subset = (weights.weights.map { w in rows.map { w[$0] } }, weights.note)
      do {
        let analysis = try FixedFormAnalysis(
          formula: formula, input: input.selectingRows(rows), starts: starts, folds: folds, seed: seed,
          rowWeights: subset)
        groups.append(Group(value: value, analysis: analysis))
      } catch let error as ReportError {
        throw ReportError(origin: error.origin, setting: error.setting, "group \(column) = \(value): \(error.problem)")
      }
    }
    self.column = column
    self.groups = groups
    let p = pooled.constantNames.count
    let n = pooled.rows
    df1 = p * (groups.count - 1)
    df2 = n - p * groups.count
    let separate = groups.reduce(0.0) { $0 + ($1.analysis.fit.goodness.residualSumOfSquares ?? .nan) }
    if let shared = pooled.fit.goodness.residualSumOfSquares, df1 > 0, df2 > 0, separate > 0, separate.isFinite {
      let value = max(0, (shared - separate) / Double(df1)) / (separate / Double(df2))
      f = value
      self.p = FDistribution.upperTail(value, d1: Double(df1), d2: Double(df2))
    } else {
      f = nil
      self.p = nil
    }
  }

  /// The result document: the pooled formula as the front, each group's fit and the test under `group_fits`.
  public func document(target: String, run: RunInfo) -> ResultDocument {
    var base = pooled.document(target: target, run: run)
    let entries: [JSONValue] = groups.map { g in
      .object([
        ("value", .string(g.value)), ("rows", .integer(g.analysis.rows)),
        ("formula", FormulaEntry(fit: g.analysis.fit, crossValidation: g.analysis.crossValidation).json),
      ])
    }
    base.extra.append(
      (
        "group_fits",
        .object([
          ("column", .string(column)), ("members", .array(entries)),
          (
            "shared_constants_test",
            .object([("f", .number(f)), ("df1", .integer(df1)), ("df2", .integer(df2)), ("p", .number(p))])
          ),
        ])
      ))
    return base
  }
}
