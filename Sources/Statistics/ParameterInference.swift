import CGSL

/// Per-constant inference from estimates, their covariance and the residual degrees of freedom:
/// standard error, Student-t confidence interval, t statistic and two-sided p-value.
///
/// SE = √Cᵢᵢ; CI = θ̂ ± t₍(1+level)/2, dof₎·SE with the quantile from `gsl_cdf_tdist_Pinv`;
/// t = θ̂/SE; p = 2·Q(|t|; dof) with the upper tail from `gsl_cdf_tdist_Q`.
public struct ParameterInference: Sendable, Equatable {
  /// Inference for one constant. Values that are not finite (e.g. SE of a non-identifiable constant) are nil.
  public struct Estimate: Sendable, Equatable {
    public let value: Double
    public let standardError: Double?
    /// Lower and upper confidence bounds at `ParameterInference.level`.
    public let confidenceInterval: (lower: Double, upper: Double)?
    /// t = value / standardError.
    public let t: Double?
    /// Two-sided p-value of H₀: constant = 0.
    public let p: Double?

    public static func == (a: Estimate, b: Estimate) -> Bool {
      a.value == b.value && a.standardError == b.standardError && a.t == b.t && a.p == b.p
        && a.confidenceInterval?.lower == b.confidenceInterval?.lower
        && a.confidenceInterval?.upper == b.confidenceInterval?.upper
    }
  }

  /// Confidence level of the intervals (e.g. 0.95).
  public let level: Double
  /// Residual degrees of freedom used for the t distribution.
  public let degreesOfFreedom: Int
  /// The t quantile t₍(1+level)/2, dof₎ (nil when dof < 1).
  public let criticalValue: Double?
  /// One entry per constant, in the order given.
  public let estimates: [Estimate]

  /// - Parameters:
  ///   - estimates: fitted constants.
  ///   - covariance: their p×p covariance (already scaled), or nil when unavailable (then only values are kept).
  ///   - degreesOfFreedom: residual degrees of freedom n − p.
  ///   - level: confidence level in (0, 1), default 0.95.
  public init(estimates: [Double], covariance: [[Double]]?, degreesOfFreedom: Int, level: Double = 0.95) throws {
    guard level > 0, level < 1 else {
      throw StatisticsError.invalidArgument("confidence level \(level) is not between 0 and 1")
    }
    if let covariance {
      guard covariance.count == estimates.count else {
        throw StatisticsError.lengthMismatch(
          what: "covariance rows", expected: estimates.count, actual: covariance.count)
      }
      for (index, row) in covariance.enumerated() where row.count != estimates.count {
        throw StatisticsError.lengthMismatch(
          what: "covariance row \(index)", expected: estimates.count, actual: row.count)
      }
    }
    prepareGSL()
    self.level = level
    self.degreesOfFreedom = degreesOfFreedom
    let critical =
      degreesOfFreedom >= 1
      ? finiteOrNil(gsl_cdf_tdist_Pinv((1 + level) / 2, Double(degreesOfFreedom))) : nil
    criticalValue = critical
    self.estimates = estimates.enumerated().map { index, value in
      let variance = covariance?[index][index]
      guard value.isFinite, let variance, variance.isFinite, variance >= 0, degreesOfFreedom >= 1 else {
        return Estimate(value: value, standardError: nil, confidenceInterval: nil, t: nil, p: nil)
      }
      let se = variance.squareRoot()
      let interval = critical.map { (lower: value - $0 * se, upper: value + $0 * se) }
      let t = se > 0 ? value / se : nil
      let p = t.flatMap { finiteOrNil(2 * gsl_cdf_tdist_Q(abs($0), Double(degreesOfFreedom))) }
      return Estimate(value: value, standardError: se, confidenceInterval: interval, t: t, p: p)
    }
  }

  /// The Student-t quantile at probability `probability` with `degreesOfFreedom` (`gsl_cdf_tdist_Pinv`).
  public static func tQuantile(_ probability: Double, degreesOfFreedom: Double) -> Double? {
    prepareGSL()
    guard probability > 0, probability < 1, degreesOfFreedom > 0 else { return nil }
    return finiteOrNil(gsl_cdf_tdist_Pinv(probability, degreesOfFreedom))
  }

  /// The chi-squared quantile at probability `probability` with `degreesOfFreedom` (`gsl_cdf_chisq_Pinv`).
  public static func chiSquaredQuantile(_ probability: Double, degreesOfFreedom: Double) -> Double? {
    prepareGSL()
    guard probability > 0, probability < 1, degreesOfFreedom > 0 else { return nil }
    return finiteOrNil(gsl_cdf_chisq_Pinv(probability, degreesOfFreedom))
  }

  /// The Student-t upper tail P(T > t) with `degreesOfFreedom` (`gsl_cdf_tdist_Q`).
  public static func tUpperTail(_ t: Double, degreesOfFreedom: Double) -> Double? {
    prepareGSL()
    guard !t.isNaN, degreesOfFreedom > 0 else { return nil }
    return finiteOrNil(gsl_cdf_tdist_Q(t, degreesOfFreedom))
  }
}

/// The value when finite, else nil.
@inline(__always) func finiteOrNil(_ value: Double) -> Double? { value.isFinite ? value : nil }
