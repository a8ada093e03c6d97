import Foundation
import Statistics
import Testing

@Suite("Least squares behaviour and errors")
struct LeastSquaresBehaviourTests {
  /// y = 2 + 3x with small deterministic wiggles.
  let x: [Double] = (0..<20).map { Double($0) / 4 }
  var y: [Double] { x.enumerated().map { 2 + 3 * $1 + 0.01 * sin(Double($0) * 1.7) } }

  func straightLine(
    _ b: UnsafeBufferPointer<Double>, _ values: UnsafeMutableBufferPointer<Double>?,
    _ jacobian: UnsafeMutableBufferPointer<Double>?
  ) {
    for i in x.indices {
      values?[i] = b[0] + b[1] * x[i]
      jacobian?[2 * i] = 1
      jacobian?[2 * i + 1] = x[i]
    }
  }

  @Test("Nonlinear and linear least squares agree on a linear model (estimates and covariance)")
  func agree() throws {
    let linear = try LinearLeastSquares().fit(columns: [x.map { _ in 1 }, x], targets: y)
    let nonlinear = try NonlinearLeastSquares().fit(targets: y, start: [1, 1], model: straightLine)
    #expect(nonlinear.converged && nonlinear.method == .geodesicLevenbergMarquardt)
    for j in 0..<2 {
      #expect(abs(nonlinear.parameters[j] - linear.coefficients[j]) < 1e-9)
      #expect(abs(nonlinear.standardErrors![j] - linear.standardErrors[j]) < 1e-9 * linear.standardErrors[j])
    }
    #expect(abs(nonlinear.chiSquared - linear.chiSquared) < 1e-12)
    #expect(linear.degreesOfFreedom == 18 && nonlinear.degreesOfFreedom == 18)
  }

  @Test("Weighted fits: linear and nonlinear agree, and unscaled covariance is (XᵀWX)⁻¹")
  func weighted() throws {
    let w = x.indices.map { 1 + Double($0 % 3) }
    let linear = try LinearLeastSquares().fit(columns: [x.map { _ in 1 }, x], targets: y, weights: w)
    let nonlinear = try NonlinearLeastSquares().fit(targets: y, start: [0, 0], weights: w, model: straightLine)
    for j in 0..<2 { #expect(abs(nonlinear.parameters[j] - linear.coefficients[j]) < 1e-9) }
    #expect(abs(nonlinear.chiSquared - linear.chiSquared) < 1e-12)
    let unscaled = try LinearLeastSquares(covarianceScaling: .none).fit(
      columns: [x.map { _ in 1 }, x], targets: y, weights: w)
    // (XᵀWX)⁻¹ for a 2×2 system by hand
    let s0 = w.reduce(0, +)
    let s1 = zip(w, x).map { $0 * $1 }.reduce(0, +)
    let s2 = zip(w, x).map { $0 * $1 * $1 }.reduce(0, +)
    let det = s0 * s2 - s1 * s1
    #expect(abs(unscaled.covariance[0][0] - s2 / det) < 1e-12)
    #expect(abs(unscaled.covariance[0][1] + s1 / det) < 1e-12)
    #expect(abs(unscaled.covariance[1][1] - s0 / det) < 1e-12)
  }

  @Test("Errors: too few rows, singular design, non-finite input, bad weights")
  func errors() throws {
    let solver = LinearLeastSquares()
    #expect(throws: StatisticsError.tooFewRows(rows: 2, parameters: 2)) {
      try solver.fit(rows: [[1, 1], [1, 2]], targets: [1, 2])
    }
    #expect(throws: StatisticsError.singularFit(rank: 1, parameters: 2)) {
      try solver.fit(columns: [[1, 2, 3, 4], [2, 4, 6, 8]], targets: [1, 2, 3, 5])
    }
    #expect(throws: StatisticsError.nonFiniteInput(what: "targets", index: 1)) {
      try solver.fit(columns: [[1, 1, 1]], targets: [1, .nan, 3])
    }
    #expect(throws: StatisticsError.nonFiniteInput(what: "design column 0", index: 2)) {
      try solver.fit(columns: [[1, 1, .infinity]], targets: [1, 2, 3])
    }
    #expect(throws: StatisticsError.self) {
      try solver.fit(columns: [[1, 1, 1]], targets: [1, 2, 3], weights: [1, -1, 1])
    }
    #expect(throws: StatisticsError.self) {
      try solver.fit(columns: [[1, 1, 1]], targets: [1, 2, 3], weights: [1, 1])
    }
    #expect(throws: StatisticsError.tooFewRows(rows: 20, parameters: 20)) {
      try NonlinearLeastSquares().fit(targets: y, start: Array(repeating: 1, count: 20), model: straightLine)
    }
    for error: StatisticsError in [
      .tooFewRows(rows: 3, parameters: 4), .singularFit(rank: 1, parameters: 2),
      .nonFiniteInput(what: "targets", index: 0), .didNotConverge(iterations: 5),
      .nonFiniteModel(context: "x"), .invalidArgument("y"),
      .lengthMismatch(what: "w", expected: 1, actual: 2),
    ] {
      #expect(!error.description.contains("\n") && !error.description.isEmpty)
    }
  }

  @Test("Non-finite model output: an error at the start, a rejected step during the search")
  func nonFiniteModel() throws {
    // y = log(b*x) with x > 0: the model is NaN for b < 0.
    let xs: [Double] = (1...12).map(Double.init)
    let ys = xs.map { log(0.5 * $0) + 0.001 * sin($0) }
    let model: NonlinearLeastSquares.Model = { b, values, jacobian in
      for i in xs.indices {
        values?[i] = log(b[0] * xs[i])
        jacobian?[i] = 1 / b[0]
      }
    }
    #expect(throws: StatisticsError.self) { try NonlinearLeastSquares().fit(targets: ys, start: [-1], model: model) }
    let fit = try NonlinearLeastSquares().fit(targets: ys, start: [40], model: model)
    #expect(fit.converged && abs(fit.parameters[0] - 0.5) < 1e-3)
    // A model that is NaN everywhere except the start does not crash.
    let cliff: NonlinearLeastSquares.Model = { b, values, jacobian in
      for i in xs.indices {
        values?[i] = b[0] == 40 ? 1 : .nan
        jacobian?[i] = 1
      }
    }
    let stuck = try NonlinearLeastSquares(maxIterations: 50).fit(targets: ys, start: [40], model: cliff)
    #expect(stuck.parameters == [40] && stuck.chiSquared.isFinite)
  }

  @Test("Rat43 from NIST start 1: geodesic LM lands on a degenerate point, plain LM wins")
  func fallback() throws {
    let problem = try NISTNonlinearProblem(name: "Rat43")
    let x = problem.x
    let fit = try NonlinearLeastSquares().fit(targets: problem.y, start: problem.starts[0]) { b, values, jacobian in
      for i in x.indices {
        let (y, gradient) = NISTNonlinearModel.Rat43.evaluate(b, x[i])
        values?[i] = y
        if let jacobian { for j in 0..<4 { jacobian[i * 4 + j] = gradient[j] } }
      }
    }
    #expect(fit.method == .levenbergMarquardt)
    #expect(fit.attempts.map(\.method) == [.geodesicLevenbergMarquardt, .levenbergMarquardt])
    #expect(fit.attempts[0].converged && !fit.attempts[0].identifiable)
    let geodesicOnly = try NonlinearLeastSquares(strategy: .geodesicLevenbergMarquardt).fit(
      targets: problem.y, start: problem.starts[0]
    ) { b, values, jacobian in
      for i in x.indices {
        let (y, gradient) = NISTNonlinearModel.Rat43.evaluate(b, x[i])
        values?[i] = y
        if let jacobian { for j in 0..<4 { jacobian[i * 4 + j] = gradient[j] } }
      }
    }
    #expect(geodesicOnly.covariance == nil && geodesicOnly.chiSquared > 1e5)
  }

  @Test("MGH10 from NIST start 1 with 1000 iterations: only the rescaled geodesic restart converges")
  func rescaledRestart() throws {
    let problem = try NISTNonlinearProblem(name: "MGH10")
    let x = problem.x
    let fit = try NonlinearLeastSquares(maxIterations: 1000).fit(targets: problem.y, start: problem.starts[0]) {
      b, values, jacobian in
      for i in x.indices {
        let (y, gradient) = NISTNonlinearModel.MGH10.evaluate(b, x[i])
        values?[i] = y
        if let jacobian { for j in 0..<3 { jacobian[i * 3 + j] = gradient[j] } }
      }
    }
    #expect(fit.attempts.map(\.converged) == [false, false, true])
    #expect(fit.method == .rescaledGeodesicLevenbergMarquardt && fit.converged)
    #expect(significantDigits(fit.chiSquared, problem.certifiedRSS) >= 6)
    #expect(throws: StatisticsError.didNotConverge(iterations: 1000)) {
      try NonlinearLeastSquares(maxIterations: 1000, strategy: .levenbergMarquardt)
        .fit(targets: problem.y, start: problem.starts[0]) { b, values, jacobian in
          for i in x.indices {
            let (y, gradient) = NISTNonlinearModel.MGH10.evaluate(b, x[i])
            values?[i] = y
            if let jacobian { for j in 0..<3 { jacobian[i * 3 + j] = gradient[j] } }
          }
        }
        .requireConverged()
    }
  }
}
