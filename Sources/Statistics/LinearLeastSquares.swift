import CGSL

/// Ordinary or weighted linear least squares, y ≈ X·c, by GSL's column-balanced SVD
/// (`gsl_multifit_wlinear_tsvd`, the routine behind `gsl_multifit_linear` / `gsl_multifit_wlinear`).
///
/// Reproduces the NIST StRD linear certified values, including the ill-conditioned Filip polynomial.
/// The design is checked before fitting: more rows than columns, finite values, full column rank.
public struct LinearLeastSquares: Sendable {
  /// How the covariance is scaled (default: by the residual variance χ²/dof).
  public var covarianceScaling: CovarianceScaling
  /// Singular values below `rankTolerance` × the largest (after column balancing) count as zero;
  /// any such value makes the fit singular. Default `GSL_DBL_EPSILON`, as `gsl_multifit_linear` uses.
  public var rankTolerance: Double

  public init(covarianceScaling: CovarianceScaling = .residualVariance, rankTolerance: Double = Double.ulpOfOne) {
    self.covarianceScaling = covarianceScaling
    self.rankTolerance = rankTolerance
  }

  /// Fits with the design given as rows (`rows[i][j]` = column j of observation i).
  /// - Parameters:
  ///   - rows: n rows of p values each (include a column of ones for an intercept).
  ///   - targets: n observed values.
  ///   - weights: optional n positive weights wᵢ (1/σᵢ² for known errors); χ² becomes Σ wᵢ rᵢ².
  public func fit(rows: [[Double]], targets: [Double], weights: [Double]? = nil) throws -> LinearFit {
    let n = targets.count
    guard rows.count == n else {
      throw StatisticsError.lengthMismatch(what: "design rows", expected: n, actual: rows.count)
    }
    let p = rows.first?.count ?? 0
    for (index, row) in rows.enumerated() where row.count != p {
      throw StatisticsError.lengthMismatch(what: "design row \(index)", expected: p, actual: row.count)
    }
    return try solve(n: n, p: p, targets: targets, weights: weights) { rows[$0][$1] }
  }

  /// Fits with the design given as columns (`columns[j][i]` = column j of observation i).
  public func fit(columns: [[Double]], targets: [Double], weights: [Double]? = nil) throws -> LinearFit {
    let n = targets.count
    for (index, column) in columns.enumerated() where column.count != n {
      throw StatisticsError.lengthMismatch(what: "design column \(index)", expected: n, actual: column.count)
    }
    return try solve(n: n, p: columns.count, targets: targets, weights: weights) { columns[$1][$0] }
  }

  private func solve(
    n: Int, p: Int, targets: [Double], weights: [Double]?,
    element: (Int, Int) -> Double
  ) throws -> LinearFit {
    guard p > 0 else { throw StatisticsError.invalidArgument("the design has no columns") }
    guard n > p else { throw StatisticsError.tooFewRows(rows: n, parameters: p) }
    guard rankTolerance >= 0, rankTolerance.isFinite else {
      throw StatisticsError.invalidArgument("rankTolerance must be finite and non-negative")
    }
    try requireFinite(targets, "targets")
    try checkWeights(weights, rowCount: n)
    prepareGSL()

    let x = GSLMatrix(rows: n, columns: p)
    for i in 0..<n {
      for j in 0..<p {
        let value = element(i, j)
        guard value.isFinite else { throw StatisticsError.nonFiniteInput(what: "design column \(j)", index: i) }
        x[i, j] = value
      }
    }
    let y = GSLVector(targets)
    let w = GSLVector(weights ?? Array(repeating: 1, count: n))
    let c = GSLVector(count: p)
    let cov = GSLMatrix(rows: p, columns: p)
    var chisq = 0.0
    var rank = 0
    guard let work = gsl_multifit_linear_alloc(n, p) else {
      throw StatisticsError.gslFailure(routine: "gsl_multifit_linear_alloc", code: -1, message: "out of memory")
    }
    defer { gsl_multifit_linear_free(work) }
    let status = gsl_multifit_wlinear_tsvd(
      x.pointer, w.pointer, y.pointer, rankTolerance,
      c.pointer, cov.pointer, &chisq, &rank, work)
    guard status == cgsl_success() else {
      throw StatisticsError.gslFailure(routine: "gsl_multifit_wlinear_tsvd", code: status, message: gslMessage(status))
    }
    guard rank == p else { throw StatisticsError.singularFit(rank: rank, parameters: p) }

    let dof = n - p
    let scale = covarianceScaling == .residualVariance ? chisq / Double(dof) : 1
    var covariance = cov.rowArrays
    for i in 0..<p { for j in 0..<p { covariance[i][j] *= scale } }
    let coefficients = c.array
    guard coefficients.allSatisfy(\.isFinite), chisq.isFinite else {
      throw StatisticsError.singularFit(rank: rank, parameters: p)
    }
    var predictions = [Double](repeating: 0, count: n)
    for i in 0..<n {
      var sum = 0.0
      for j in 0..<p { sum += x[i, j] * coefficients[j] }
      predictions[i] = sum
    }
    return LinearFit(
      coefficients: coefficients, covariance: covariance, chiSquared: chisq,
      degreesOfFreedom: dof, predictions: predictions,
      reciprocalConditionNumber: gsl_multifit_linear_rcond(work))
  }
}

/// The result of a linear least-squares fit.
public struct LinearFit: Sendable, Equatable {
  /// Estimated coefficients, one per design column.
  public let coefficients: [Double]
  /// Covariance of the coefficients (p×p, scaled as `LinearLeastSquares.covarianceScaling` says).
  public let covariance: [[Double]]
  /// χ² = Σ wᵢ (yᵢ − ŷᵢ)² (the residual sum of squares when unweighted).
  public let chiSquared: Double
  /// Residual degrees of freedom, n − p.
  public let degreesOfFreedom: Int
  /// Fitted values ŷᵢ = Xᵢ·c.
  public let predictions: [Double]
  /// Reciprocal condition number of the (balanced) design, from `gsl_multifit_linear_rcond`.
  public let reciprocalConditionNumber: Double

  /// Standard errors √diag(covariance).
  public var standardErrors: [Double] { covariance.indices.map { covariance[$0][$0].squareRoot() } }
}
