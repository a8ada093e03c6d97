import CGSL

/// Nonlinear least squares by GSL's trust-region solver (`gsl_multifit_nlinear_trust`) with an analytic
/// Jacobian supplied by the caller.
///
/// The caller's `Model` fills predictions ŷᵢ(θ) and the Jacobian ∂ŷᵢ/∂θⱼ; the solver minimises
/// χ² = Σ wᵢ (ŷᵢ − yᵢ)². With the default `.robust` strategy it first runs Levenberg–Marquardt with
/// geodesic acceleration (`trs_lmaccel`, Moré scaling). An attempt fails when it does not converge, ends at
/// non-finite values, or ends where the Jacobian is rank-deficient (a degenerate point). After a failure it runs
/// plain Levenberg–Marquardt (`trs_lm`) from the same start, and after a second failure geodesic LM again with
/// Levenberg (identity) scaling. The attempt with the lowest χ² wins and is recorded in `NonlinearFit.method`.
///
/// Trial steps where the model gives NaN or ±∞ are rejected (their residuals are treated as huge), so a
/// model such as `log(b·x)` that leaves its domain during the search does not crash the fit.
public struct NonlinearLeastSquares: Sendable {
  /// The model: given the constants θ (p values), write the n predictions into `values` and the row-major
  /// n×p Jacobian ∂ŷᵢ/∂θⱼ (entry `i * p + j`) into `jacobian`. Either buffer may be `nil` when the
  /// solver does not need it; fill every buffer that is not `nil`.
  public typealias Model = (
    _ parameters: UnsafeBufferPointer<Double>,
    _ values: UnsafeMutableBufferPointer<Double>?,
    _ jacobian: UnsafeMutableBufferPointer<Double>?
  ) -> Void

  /// Which trust-region method(s) to run.
  public enum Strategy: String, Sendable, Hashable, CaseIterable {
    /// Geodesic LM, then plain LM, then rescaled geodesic LM, each only if the previous ones failed.
    case robust
    /// Levenberg–Marquardt with geodesic acceleration only.
    case geodesicLevenbergMarquardt
    /// Plain Levenberg–Marquardt only.
    case levenbergMarquardt
  }

  /// Maximum iterations per attempt (default 2000).
  public var maxIterations: Int
  /// Step tolerance `xtol`: stop when every |Δθⱼ| ≤ xtol·(|θⱼ| + xtol) (default 1e-12).
  public var stepTolerance: Double
  /// Gradient tolerance `gtol`: stop when maxⱼ |gⱼ|·max(|θⱼ|, 1) ≤ gtol·max(χ²/2, 1) (default 1e-14).
  public var gradientTolerance: Double
  /// How the covariance of the constants is scaled (default: by χ²/dof).
  public var covarianceScaling: CovarianceScaling
  /// The method(s) to run (default `.robust`).
  public var strategy: Strategy
  /// Relative tolerance for rank deficiency in the covariance (`gsl_multifit_nlinear_covar`'s `epsrel`).
  public var covarianceRankTolerance: Double

  public init(
    maxIterations: Int = 2000, stepTolerance: Double = 1e-12, gradientTolerance: Double = 1e-14,
    covarianceScaling: CovarianceScaling = .residualVariance, strategy: Strategy = .robust,
    covarianceRankTolerance: Double = 1e-13
  ) {
    self.maxIterations = maxIterations
    self.stepTolerance = stepTolerance
    self.gradientTolerance = gradientTolerance
    self.covarianceScaling = covarianceScaling
    self.strategy = strategy
    self.covarianceRankTolerance = covarianceRankTolerance
  }

  /// Fits the model's constants to `targets`, starting from `start`.
  /// - Parameters:
  ///   - targets: n observed values yᵢ.
  ///   - start: p starting values (p < n).
  ///   - weights: optional n positive weights wᵢ (1/σᵢ² for known errors).
  ///   - model: predictions and Jacobian, see `Model`.
  /// - Returns: the best attempt; check `converged`. Throws only for bad input, or when no attempt
  ///   ends at finite values.
  public func fit(
    targets: [Double], start: [Double], weights: [Double]? = nil,
    model: Model
  ) throws -> NonlinearFit {
    let n = targets.count
    let p = start.count
    guard p > 0 else { throw StatisticsError.invalidArgument("no constants to fit") }
    guard n > p else { throw StatisticsError.tooFewRows(rows: n, parameters: p) }
    guard maxIterations > 0 else { throw StatisticsError.invalidArgument("maxIterations must be positive") }
    guard stepTolerance >= 0, gradientTolerance >= 0, covarianceRankTolerance >= 0 else {
      throw StatisticsError.invalidArgument("tolerances must be non-negative")
    }
    try requireFinite(targets, "targets")
    try requireFinite(start, "start")
    try checkWeights(weights, rowCount: n)
    prepareGSL()

    return try withoutActuallyEscaping(model) { model in
      let problem = NonlinearProblem(targets: targets, weights: weights, parameterCount: p, model: model)
      guard let startEvaluation = problem.evaluate(start), startEvaluation.chiSquared.isFinite else {
        throw StatisticsError.nonFiniteModel(context: "the model is NaN or infinite at the starting values")
      }
      var attempts: [NonlinearAttempt] = []
      switch strategy {
      case .geodesicLevenbergMarquardt:
        attempts.append(run(problem, method: .geodesicLevenbergMarquardt, from: start))
      case .levenbergMarquardt:
        attempts.append(run(problem, method: .levenbergMarquardt, from: start))
      case .robust:
        attempts.append(run(problem, method: .geodesicLevenbergMarquardt, from: start))
        for method in [NonlinearMethod.levenbergMarquardt, .rescaledGeodesicLevenbergMarquardt]
        where !attempts.contains(where: \.succeeded) {
          attempts.append(run(problem, method: method, from: start))
        }
      }
      guard let winner = Self.best(of: attempts), let evaluation = problem.evaluate(winner.parameters) else {
        throw StatisticsError.nonFiniteModel(context: "every fit attempt ended at NaN or infinite values")
      }
      let covariance = try problem.covariance(at: winner.parameters, rankTolerance: covarianceRankTolerance)
      let dof = n - p
      let scale = covarianceScaling == .residualVariance ? evaluation.chiSquared / Double(dof) : 1
      let scaled = covariance.map { $0.map { $0.map { $0 * scale } } }
      return NonlinearFit(
        parameters: winner.parameters, covariance: scaled,
        chiSquared: evaluation.chiSquared, degreesOfFreedom: dof,
        predictions: evaluation.predictions, iterations: winner.iterations,
        converged: winner.converged, method: winner.method, attempts: attempts)
    }
  }

  /// The finite attempt with the lowest χ² (earlier attempts win ties).
  private static func best(of attempts: [NonlinearAttempt]) -> NonlinearAttempt? {
    var best: NonlinearAttempt?
    for attempt in attempts {
      guard let chi = attempt.chiSquared, chi.isFinite else { continue }
      if let current = best?.chiSquared, current <= chi { continue }
      best = attempt
    }
    return best
  }

  private func run(_ problem: NonlinearProblem, method: NonlinearMethod, from start: [Double]) -> NonlinearAttempt {
    var parameters = gsl_multifit_nlinear_default_parameters()
    parameters.solver = cgsl_multifit_nlinear_solver_qr()
    switch method {
    case .geodesicLevenbergMarquardt:
      parameters.trs = cgsl_multifit_nlinear_trs_lmaccel()
      parameters.scale = cgsl_multifit_nlinear_scale_more()
    case .levenbergMarquardt:
      parameters.trs = cgsl_multifit_nlinear_trs_lm()
      parameters.scale = cgsl_multifit_nlinear_scale_more()
    case .rescaledGeodesicLevenbergMarquardt:
      parameters.trs = cgsl_multifit_nlinear_trs_lmaccel()
      parameters.scale = cgsl_multifit_nlinear_scale_levenberg()
    }
    let failed = NonlinearAttempt(
      method: method, parameters: start, chiSquared: nil, iterations: 0,
      converged: false, identifiable: false, status: "could not start")
    guard
      let workspace = gsl_multifit_nlinear_alloc(
        cgsl_multifit_nlinear_trust(), &parameters,
        problem.rowCount, problem.parameterCount)
    else { return failed }
    defer { gsl_multifit_nlinear_free(workspace) }
    let fdf = UnsafeMutablePointer<gsl_multifit_nlinear_fdf>.allocate(capacity: 1)
    defer { fdf.deallocate() }
    let x0 = GSLVector(start)
    let weights = problem.weights.map { GSLVector($0) }

    return withExtendedLifetime(problem) {
      fdf.initialize(to: gsl_multifit_nlinear_fdf())
      fdf.pointee.f = nonlinearResidualCallback
      fdf.pointee.df = nonlinearJacobianCallback
      fdf.pointee.fvv = nil
      fdf.pointee.n = problem.rowCount
      fdf.pointee.p = problem.parameterCount
      fdf.pointee.params = Unmanaged.passUnretained(problem).toOpaque()
      let initStatus =
        weights.map { gsl_multifit_nlinear_winit(x0.pointer, $0.pointer, fdf, workspace) }
        ?? gsl_multifit_nlinear_init(x0.pointer, fdf, workspace)
      guard initStatus == cgsl_success() else { return failed }
      var info: Int32 = 0
      let status = gsl_multifit_nlinear_driver(
        maxIterations, stepTolerance, gradientTolerance, 0,
        nil, nil, &info, workspace)
      let p = problem.parameterCount
      let final = (0..<p).map { gsl_vector_get(workspace.pointee.x, $0) }
      let evaluation = final.allSatisfy(\.isFinite) ? problem.evaluate(final) : nil
      let fullRank =
        evaluation != nil
        && (try? problem.covariance(at: final, rankTolerance: covarianceRankTolerance)) != nil
      var converged = status == cgsl_success()
      if !converged, status == cgsl_enoprog() || info == cgsl_enoprog() {
        // No trial step reduced the cost, e.g. when started exactly at the optimum (GSL's driver then returns
        // GSL_EMAXITER after one iteration with info = GSL_ENOPROG): the point is a minimum to working
        // precision. It counts as converged when the Jacobian there has full rank (checked below).
        converged = true
      }
      let message = converged ? (fullRank ? "converged" : "converged to a rank-deficient point") : gslMessage(status)
      return NonlinearAttempt(
        method: method, parameters: final, chiSquared: evaluation?.chiSquared,
        iterations: Int(gsl_multifit_nlinear_niter(workspace)),
        converged: converged, identifiable: fullRank, status: message)
    }
  }
}

/// One trust-region method as run by `NonlinearLeastSquares`.
public enum NonlinearMethod: String, Sendable, Hashable, CaseIterable {
  /// Levenberg–Marquardt with geodesic acceleration (`trs_lmaccel`, Moré scaling).
  case geodesicLevenbergMarquardt
  /// Plain Levenberg–Marquardt (`trs_lm`, Moré scaling).
  case levenbergMarquardt
  /// LM with geodesic acceleration restarted from the start values with Levenberg (identity) scaling
  /// (`trs_lmaccel`, `scale_levenberg`), which copes with constants of very different magnitudes.
  case rescaledGeodesicLevenbergMarquardt
}

/// The outcome of one attempt inside a `NonlinearLeastSquares` fit.
public struct NonlinearAttempt: Sendable, Equatable {
  public let method: NonlinearMethod
  /// Where the attempt stopped.
  public let parameters: [Double]
  /// χ² at `parameters`, or nil when the model is not finite there.
  public let chiSquared: Double?
  public let iterations: Int
  /// Whether GSL's convergence test was met.
  public let converged: Bool
  /// Whether the Jacobian at `parameters` has full column rank (the covariance exists).
  public let identifiable: Bool
  /// "converged", "converged to a rank-deficient point", or GSL's message for the stopping status.
  public let status: String

  /// Converged at finite values with a full-rank Jacobian.
  public var succeeded: Bool { converged && identifiable && chiSquared?.isFinite == true }
}

/// The result of a nonlinear least-squares fit.
public struct NonlinearFit: Sendable, Equatable {
  /// Estimated constants θ.
  public let parameters: [Double]
  /// Covariance of θ: (JᵀWJ)⁻¹ at θ, times χ²/dof unless `covarianceScaling` is `.none`;
  /// nil when the Jacobian is rank-deficient (some constants are not identifiable) or not finite.
  public let covariance: [[Double]]?
  /// χ² = Σ wᵢ (ŷᵢ − yᵢ)² at θ (the residual sum of squares when unweighted).
  public let chiSquared: Double
  /// Residual degrees of freedom n − p.
  public let degreesOfFreedom: Int
  /// Fitted values ŷᵢ(θ).
  public let predictions: [Double]
  /// Iterations of the winning attempt.
  public let iterations: Int
  /// Whether the winning attempt met the convergence test.
  public let converged: Bool
  /// The method of the winning attempt.
  public let method: NonlinearMethod
  /// Every attempt made, in order.
  public let attempts: [NonlinearAttempt]

  /// Standard errors √diag(covariance), or nil when the covariance is unavailable.
  public var standardErrors: [Double]? {
    covariance.map { c in c.indices.map { c[$0][$0].squareRoot() } }
  }

  /// Returns self when converged, else throws `StatisticsError.didNotConverge`.
  public func requireConverged() throws -> NonlinearFit {
    guard converged else { throw StatisticsError.didNotConverge(iterations: iterations) }
    return self
  }
}
