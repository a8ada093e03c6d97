import Expressions
import Statistics

/// Predictions of a fitted formula with a confidence band for the mean response (delta method:
/// se(x) = √(gᵀ Σ g) with g = ∂f/∂θ at the estimates and Σ the constants' covariance; band = ŷ ± t(0.975, dof)·se).
public struct ConfidenceBand: Sendable {
  public let predictions: [Double]
  /// Standard errors of the predictions (nil without a covariance).
  public let standardErrors: [Double]?
  public let lower: [Double]?
  public let upper: [Double]?

  /// - Parameters:
  ///   - constants: constant names with their values, in the order of `covariance`.
  public init(
    expression: Expressions.Expression, constants: [(name: String, value: Double)], covariance: [[Double]]?,
    degreesOfFreedom: Int?, columns: [String: [Double]], rowCount: Int, level: Double = 0.95
  ) {
    let values = Dictionary(constants.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
    predictions = expression.evaluate(columns: columns, constants: values, rowCount: rowCount)
    let p = constants.count
    guard let covariance, covariance.count == p, covariance.allSatisfy({ $0.count == p }),
      let dof = degreesOfFreedom, dof > 0,
      let critical = ParameterInference.tQuantile(0.5 + level / 2, degreesOfFreedom: Double(dof))
    else {
      standardErrors = nil
      lower = nil
      upper = nil
      return
    }
    let gradients = constants.map {
      expression.derivative(withRespectTo: $0.name).evaluate(columns: columns, constants: values, rowCount: rowCount)
    }
    var se = [Double](repeating: .nan, count: rowCount)
    for i in 0..<rowCount {
      var total = 0.0
      for j in 0..<p {
        for k in 0..<p { total += gradients[j][i] * covariance[j][k] * gradients[k][i] }
      }
      se[i] = total >= 0 ? total.squareRoot() : .nan
    }
    standardErrors = se
    lower = zip(predictions, se).map { $0 - critical * $1 }
    upper = zip(predictions, se).map { $0 + critical * $1 }
  }
}
