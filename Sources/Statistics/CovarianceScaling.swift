/// How a fit's covariance matrix of the constants is scaled.
public enum CovarianceScaling: String, Sendable, Hashable, CaseIterable {
  /// Multiply (JᵀWJ)⁻¹ by the residual variance χ²/dof: weights are relative (or absent). The usual choice.
  case residualVariance
  /// Report (JᵀWJ)⁻¹ unscaled: weights are 1/σᵢ² with known measurement errors σᵢ.
  case none
}
