/// What a selection rule knows of one front member.
public struct SelectionCandidate: Sendable, Equatable {
  /// Complexity (node count with the search's weights).
  public var complexity: Int
  /// Number of fitted constants.
  public var constantCount: Int
  /// Mean weighted squared error on the rows the constants were fitted on.
  public var fitLoss: Double
  /// Held-out loss of each group (its rows' summed weighted squared errors divided by the total weight of all
  /// rows), so that the entries add up to the mean cross-validated loss; empty when cross-validation did not run.
  public var groupLosses: [Double]

  public init(complexity: Int, constantCount: Int, fitLoss: Double, groupLosses: [Double] = []) {
    self.complexity = complexity
    self.constantCount = constantCount
    self.fitLoss = fitLoss
    self.groupLosses = groupLosses
  }

  /// Mean cross-validated loss (nil without cross-validation; infinity when a fold could not be fitted).
  public var cvLoss: Double? { groupLosses.isEmpty ? nil : groupLosses.reduce(0, +) }
}
