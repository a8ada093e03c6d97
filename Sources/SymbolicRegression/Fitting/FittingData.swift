/// Rows to fit a formula to: named feature columns, the target and optional weights.
public struct FittingData: Sendable {
  /// Feature columns by name, each `rowCount` long.
  public var columns: [String: [Double]]
  /// Observed target values.
  public var target: [Double]
  /// Optional positive per-row weights (weighted least squares).
  public var weights: [Double]?

  public var rowCount: Int { target.count }

  public init(columns: [String: [Double]], target: [Double], weights: [Double]? = nil) {
    self.columns = columns
    self.target = target
    self.weights = weights
  }

  /// The same data restricted to `rows` (in that order).
  public func selecting(_ rows: [Int]) -> FittingData {
    FittingData(
      columns: columns.mapValues { column in rows.map { column[$0] } },
      target: rows.map { target[$0] },
      weights: weights.map { w in rows.map { w[$0] } })
  }
}
