/// How much worse than the best a simpler formula's cross-validated loss may be and still count as equally good
/// (the cv-1se rule accepts members within the larger of this margin and one standard error of the best).
///
/// The margin is the smaller of `relative` × the best loss and `varianceShare` × the target variance: a simpler
/// formula qualifies when its held-out mean squared error is at most 50% above the best's *and* its CV R² at most
/// 0.02 below. Where the best formula fits to the noise (exact laws, or noise without systematic misfit) the first
/// bound makes the margin a fraction of the noise variance, so true terms are never traded away; where every
/// member is an approximation (real grids), it trades a small loss in CV R² for a much shorter formula.
public struct PracticalEquivalence: Codable, Sendable, Equatable {
    public var relative: Double
    public var varianceShare: Double

    public init(relative: Double = 0.5, varianceShare: Double = 0.02) {
        self.relative = relative
        self.varianceShare = varianceShare
    }

    /// No margin: the plain one-standard-error rule.
    public static let none = PracticalEquivalence(relative: 0, varianceShare: 0)

    /// The margin in loss units.
    public func margin(bestLoss: Double, targetVariance: Double) -> Double {
        guard bestLoss.isFinite, targetVariance.isFinite else { return 0 }
        return max(0, min(relative * bestLoss, varianceShare * targetVariance))
    }
}
