import Foundation

/// Goodness-of-fit statistics of predictions against observations. Statistics that are not finite
/// (or not defined, e.g. AICc when n ≤ k + 1) are nil — never NaN.
///
/// With n rows, p fitted constants, weights wᵢ (1 when absent), residuals rᵢ = yᵢ − ŷᵢ:
/// - RSS = Σ wᵢ rᵢ²; TSS = Σ wᵢ (yᵢ − ȳ_w)² with the weighted mean ȳ_w = Σ wᵢ yᵢ / Σ wᵢ.
/// - R² = 1 − RSS/TSS; adjusted R² = 1 − (1 − R²)(n − 1)/(n − p) (p counts every constant, intercept included).
/// - RMSE = √(RSS / Σ wᵢ) (√(RSS/n) unweighted); MAE = Σ wᵢ |rᵢ| / Σ wᵢ.
/// - Gaussian log-likelihood at the maximum-likelihood σ̂² = RSS/n:
///   ℓ = −n/2 · (ln 2π + ln(RSS/n) + 1) + ½ Σ ln wᵢ.
/// - k = p + 1 (the noise variance σ² counts as a parameter, as R's `AIC(lm)` does):
///   AIC = −2ℓ + 2k; AICc = AIC + 2k(k + 1)/(n − k − 1); BIC = −2ℓ + k·ln n.
public struct GoodnessOfFit: Sendable, Equatable {
  /// Number of rows n.
  public let rowCount: Int
  /// Number of fitted constants p.
  public let parameterCount: Int
  /// Parameters counted by the information criteria, k = p + 1.
  public var informationCriterionParameters: Int { parameterCount + 1 }
  public let residualSumOfSquares: Double?
  public let totalSumOfSquares: Double?
  public let r2: Double?
  public let adjustedR2: Double?
  public let rmse: Double?
  public let mae: Double?
  public let logLikelihood: Double?
  public let aic: Double?
  public let aicc: Double?
  public let bic: Double?

  /// - Parameters:
  ///   - observed: yᵢ.
  ///   - predicted: ŷᵢ (same length). Non-finite predictions make every statistic nil.
  ///   - weights: optional positive weights wᵢ.
  ///   - parameterCount: number of fitted constants p (≥ 0).
  public init(observed: [Double], predicted: [Double], weights: [Double]? = nil, parameterCount: Int) throws {
    let n = observed.count
    guard predicted.count == n else {
      throw StatisticsError.lengthMismatch(what: "predictions", expected: n, actual: predicted.count)
    }
    guard parameterCount >= 0 else { throw StatisticsError.invalidArgument("parameterCount must be non-negative") }
    try requireFinite(observed, "observed")
    try checkWeights(weights, rowCount: n)
    rowCount = n
    self.parameterCount = parameterCount

    let w = weights ?? Array(repeating: 1, count: n)
    let weightSum = w.reduce(0, +)
    var rss = 0.0
    var absSum = 0.0
    var weightedY = 0.0
    var logWeights = 0.0
    for i in 0..<n {
      let r = observed[i] - predicted[i]
      rss += w[i] * r * r
      absSum += w[i] * abs(r)
      weightedY += w[i] * observed[i]
      logWeights += log(w[i])
    }
    let mean = weightedY / weightSum
    var tss = 0.0
    for i in 0..<n { tss += w[i] * (observed[i] - mean) * (observed[i] - mean) }

    let nD = Double(n)
    let pD = Double(parameterCount)
    let k = Double(parameterCount + 1)
    let valid = n > 0 && rss.isFinite
    residualSumOfSquares = valid ? rss : nil
    totalSumOfSquares = n > 0 ? finiteOrNil(tss) : nil
    let r2Value = valid && tss > 0 ? finiteOrNil(1 - rss / tss) : nil
    r2 = r2Value
    adjustedR2 = r2Value.flatMap { n > parameterCount ? finiteOrNil(1 - (1 - $0) * (nD - 1) / (nD - pD)) : nil }
    rmse = valid ? finiteOrNil((rss / weightSum).squareRoot()) : nil
    mae = valid ? finiteOrNil(absSum / weightSum) : nil
    let ll: Double? =
      valid && rss > 0
      ? finiteOrNil(-nD / 2 * (log(2 * Double.pi) + log(rss / nD) + 1) + logWeights / 2) : nil
    logLikelihood = ll
    aic = ll.flatMap { finiteOrNil(-2 * $0 + 2 * k) }
    aicc = ll.flatMap { nD - k - 1 > 0 ? finiteOrNil(-2 * $0 + 2 * k + 2 * k * (k + 1) / (nD - k - 1)) : nil }
    bic = ll.flatMap { finiteOrNil(-2 * $0 + k * log(nD)) }
  }
}
