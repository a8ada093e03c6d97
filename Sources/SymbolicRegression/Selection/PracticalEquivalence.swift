/// How much worse than the best a simpler formula's cross-validated loss may be and still count as equally good
/// (the cv-1se rule accepts members within the larger of this margin and one standard error of the best).
///
/// The margin needs a replicate-noise estimate σ²: it is the smaller of `relative` × the best member's systematic
/// misfit (its CV loss above σ²) and `varianceShare` × the target variance. On real grids, where every member is an
/// approximation (the paper's data: best CV loss about 5 σ²), a formula whose excess loss is at most twice the best's
/// and whose CV R² is at most 0.02 lower counts as equally good, which trades a little CV R² for a much shorter
/// formula. Where the best member fits to the noise, or without replicates (nothing says how far the best is from
/// the noise), the margin is 0 and the plain one-standard-error rule applies, so true terms are never traded away.
public struct PracticalEquivalence: Codable, Sendable, Equatable {
  public var relative: Double
  public var varianceShare: Double

  public init(relative: Double = 1, varianceShare: Double = 0.02) {
    self.relative = relative
    self.varianceShare = varianceShare
  }

  /// No margin: the plain one-standard-error rule.
  public static let none = PracticalEquivalence(relative: 0, varianceShare: 0)

  /// The margin in loss units (0 without a noise estimate).
  public func margin(bestLoss: Double, noiseVariance: Double?, targetVariance: Double) -> Double {
    guard let noise = noiseVariance, bestLoss.isFinite, targetVariance.isFinite else { return 0 }
    return max(0, min(relative * (bestLoss - noise), varianceShare * targetVariance))
  }
}
