/// Columns, target and names of a regression problem.
public struct SearchProblem: Sendable {
  public var featureNames: [String]
  /// One array per feature, all as long as `target`.
  public var columns: [[Double]]
  public var target: [Double]
  public var weights: [Double]?
  /// Name of the target (used by the `units` setting).
  public var targetName: String

  public init(
    featureNames: [String], columns: [[Double]], target: [Double], weights: [Double]? = nil, targetName: String = "y"
  ) {
    self.featureNames = featureNames
    self.columns = columns
    self.target = target
    self.weights = weights
    self.targetName = targetName
  }

  /// Throws when names and columns disagree, there are fewer than 2 rows, or a value is not finite.
  func validate() throws(SearchConfigurationError) {
    guard columns.count == featureNames.count else {
      throw SearchConfigurationError("\(columns.count) feature columns but \(featureNames.count) names")
    }
    guard target.count >= 2 else {
      throw SearchConfigurationError("need at least 2 rows, got \(target.count)")
    }
    if let bad = target.firstIndex(where: { !$0.isFinite }) {
      throw SearchConfigurationError("target value in row \(bad + 1) is not a finite number")
    }
    for (f, c) in columns.enumerated() {
      if let bad = c.firstIndex(where: { !$0.isFinite }) {
        throw SearchConfigurationError("feature '\(featureNames[f])' in row \(bad + 1) is not a finite number")
      }
    }
  }
}
