/// Feature columns, target and optional weights of the rows a search works on, stored column-major
/// in one contiguous buffer (feature `f`, row `r` at `f * rowCount + r`).
public struct Dataset: Sendable {
  public let featureCount: Int
  public let rowCount: Int
  /// Feature-major values.
  public let columns: [Double]
  public let target: [Double]
  /// Row weights (all 1 when none were given).
  public let weights: [Double]
  public let sumOfWeights: Double

  /// Builds a dataset from feature columns (each `rowCount` long), the target and optional weights.
  public init(columns: [[Double]], target: [Double], weights: [Double]? = nil) throws {
    let n = target.count
    for (i, c) in columns.enumerated() where c.count != n {
      throw SearchConfigurationError("feature column \(i) has \(c.count) rows, the target has \(n)")
    }
    if let w = weights {
      guard w.count == n else { throw SearchConfigurationError("weights have \(w.count) rows, the target has \(n)") }
      if let bad = w.firstIndex(where: { !($0.isFinite && $0 >= 0) }) {
        throw SearchConfigurationError("weight in row \(bad + 1) is negative or not finite")
      }
    }
    self.featureCount = columns.count
    self.rowCount = n
    self.columns = columns.flatMap { $0 }
    self.target = target
    self.weights = weights ?? Array(repeating: 1, count: n)
    self.sumOfWeights = self.weights.reduce(0, +)
  }

  /// The rows at `rows` (in that order) as a new dataset.
  public func subset(rows: [Int]) -> Dataset {
    let cols = (0..<featureCount).map { f in rows.map { columns[f * rowCount + $0] } }
    // Cannot fail: shapes are consistent by construction.
    return (try? Dataset(columns: cols, target: rows.map { target[$0] }, weights: rows.map { weights[$0] }))!
  }

  /// Value of feature `f` in row `r`.
  public func value(feature f: Int, row r: Int) -> Double { columns[f * rowCount + r] }

  /// Weighted mean of the target.
  public var targetMean: Double {
    guard sumOfWeights > 0 else { return 0 }
    var s = 0.0
    for i in 0..<rowCount { s += weights[i] * target[i] }
    return s / sumOfWeights
  }

  /// Weighted mean squared deviation of the target from its mean (the loss of the best constant).
  public var targetVariance: Double {
    guard sumOfWeights > 0 else { return 0 }
    let m = targetMean
    var s = 0.0
    for i in 0..<rowCount { s += weights[i] * (target[i] - m) * (target[i] - m) }
    return s / sumOfWeights
  }
}
