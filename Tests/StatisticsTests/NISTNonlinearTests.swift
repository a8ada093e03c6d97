import Statistics
import Testing

@Suite("NIST StRD nonlinear least squares")
struct NISTNonlinearTests {
  @Test(
    "Parameters, standard errors and RSS to >= 6 significant digits", arguments: NISTNonlinearModel.allCases, [1, 2])
  func certified(model: NISTNonlinearModel, start: Int) throws {
    let problem = try NISTNonlinearProblem(name: model.rawValue)
    let x = problem.x
    let p = problem.certifiedValues.count
    let fit = try NonlinearLeastSquares().fit(targets: problem.y, start: problem.starts[start - 1]) {
      b, values, jacobian in
      for i in x.indices {
        let (y, gradient) = model.evaluate(b, x[i])
        values?[i] = y
        if let jacobian { for j in 0..<p { jacobian[i * p + j] = gradient[j] } }
      }
    }
    let label =
      "\(model) start \(start) [\(fit.method), \(fit.attempts.map { "\($0.method): \($0.status) \($0.chiSquared ?? .nan)" })]"
    #expect(fit.converged, "\(label)")
    let errors = try #require(fit.standardErrors, "\(label): no covariance")
    for j in 0..<p {
      #expect(
        significantDigits(fit.parameters[j], problem.certifiedValues[j]) >= 6,
        "\(label) b\(j + 1) = \(fit.parameters[j]), certified \(problem.certifiedValues[j])")
      #expect(
        significantDigits(errors[j], problem.certifiedErrors[j]) >= 6,
        "\(label) se b\(j + 1) = \(errors[j]), certified \(problem.certifiedErrors[j])")
    }
    #expect(
      significantDigits(fit.chiSquared, problem.certifiedRSS) >= 6,
      "\(label) RSS = \(fit.chiSquared), certified \(problem.certifiedRSS)")
  }

  @Test(
    "A fit started at the optimum is accepted as converged", arguments: [NISTNonlinearModel.Misra1a, .Thurber, .MGH09])
  func startedAtOptimum(model: NISTNonlinearModel) throws {
    let problem = try NISTNonlinearProblem(name: model.rawValue)
    let x = problem.x
    let p = problem.certifiedValues.count
    let first = try NonlinearLeastSquares().fit(targets: problem.y, start: problem.starts[1]) { b, values, jacobian in
      for i in x.indices {
        let (y, gradient) = model.evaluate(b, x[i])
        values?[i] = y
        if let jacobian { for j in 0..<p { jacobian[i * p + j] = gradient[j] } }
      }
    }
    let again = try NonlinearLeastSquares().fit(targets: problem.y, start: first.parameters) { b, values, jacobian in
      for i in x.indices {
        let (y, gradient) = model.evaluate(b, x[i])
        values?[i] = y
        if let jacobian { for j in 0..<p { jacobian[i * p + j] = gradient[j] } }
      }
    }
    #expect(again.converged, "\(model): \(again.attempts.map(\.status))")
    #expect(significantDigits(again.chiSquared, problem.certifiedRSS) >= 6)
  }

  @Test("Concurrent fits give the same results as a serial fit")
  func concurrent() async throws {
    let problem = try NISTNonlinearProblem(name: "Thurber")
    let x = problem.x
    let y = problem.y
    let start = problem.starts[0]
    @Sendable func fit() throws -> NonlinearFit {
      try NonlinearLeastSquares().fit(targets: y, start: start) { b, values, jacobian in
        for i in x.indices {
          let (value, gradient) = NISTNonlinearModel.Thurber.evaluate(b, x[i])
          values?[i] = value
          if let jacobian { for j in 0..<7 { jacobian[i * 7 + j] = gradient[j] } }
        }
      }
    }
    let serial = try fit()
    let results = try await withThrowingTaskGroup(of: NonlinearFit.self) { group in
      for _ in 0..<4 { group.addTask { try fit() } }
      return try await group.reduce(into: []) { $0.append($1) }
    }
    #expect(results.count == 4)
    for result in results { #expect(result.parameters == serial.parameters && result.chiSquared == serial.chiSquared) }
  }
}
