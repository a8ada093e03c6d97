import Foundation
import Statistics
import TestSupport
import Testing

@Suite(
  "Paper data fits (skipped without ../shared/data/paper-balanced.csv)",
  .enabled(if: SharedData.paperBalancedAvailable, "needs ../shared/data/paper-balanced.csv"))
struct PaperDataFitTests {
  @Test("fscore ~ a + b*sqrt(n) + c*sqrt(T) + d*sqrt(AMI): R² 0.8562, constants to 4 digits; linear = nonlinear")
  func sqrtModel() throws {
    let data = try PaperData.columns()
    let y = try #require(data["fscore"])
    let t = try #require(data["n_tasks"])
    let n = try #require(data["n_tokens_per_task"])
    let ami = try #require(data["mutual_info"])
    let basis = [y.map { _ in 1.0 }, n.map(sqrt), t.map(sqrt), ami.map(sqrt)]
    let linear = try LinearLeastSquares().fit(columns: basis, targets: y)
    let expected = [-0.405706, 0.00585, 0.119303, 0.365449]
    for j in 0..<4 {
      #expect(significantDigits(linear.coefficients[j], expected[j]) >= 3.5, "constant \(j): \(linear.coefficients[j])")
    }
    let gof = try GoodnessOfFit(observed: y, predicted: linear.predictions, parameterCount: 4)
    #expect(abs(try #require(gof.r2) - 0.8562) < 5e-5)
    let nonlinear = try NonlinearLeastSquares().fit(targets: y, start: [1, 1, 1, 1]) { b, values, jacobian in
      for i in y.indices {
        values?[i] = b[0] + b[1] * basis[1][i] + b[2] * basis[2][i] + b[3] * basis[3][i]
        if let jacobian { for j in 0..<4 { jacobian[4 * i + j] = basis[j][i] } }
      }
    }
    #expect(nonlinear.converged)
    for j in 0..<4 {
      #expect(significantDigits(nonlinear.parameters[j], linear.coefficients[j]) >= 8)
      #expect(significantDigits(nonlinear.standardErrors![j], linear.standardErrors[j]) >= 8)
    }
  }

  @Test("fscore ~ a + b*log(n) + c*log(T) + d*sqrt(AMI): R² 0.9143")
  func logModel() throws {
    let data = try PaperData.columns()
    let y = try #require(data["fscore"])
    let t = try #require(data["n_tasks"])
    let n = try #require(data["n_tokens_per_task"])
    let ami = try #require(data["mutual_info"])
    let linear = try LinearLeastSquares().fit(
      columns: [y.map { _ in 1.0 }, n.map(log), t.map(log), ami.map(sqrt)], targets: y)
    let gof = try GoodnessOfFit(observed: y, predicted: linear.predictions, parameterCount: 4)
    #expect(abs(try #require(gof.r2) - 0.9143) < 5e-5)
  }
}
