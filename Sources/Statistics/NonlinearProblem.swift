import CGSL

/// Internal state shared with GSL's C callbacks during one `NonlinearLeastSquares.fit`.
final class NonlinearProblem {
  /// Residual used in place of a NaN/∞ one, so the trust region rejects the step instead of failing.
  static let rejectedResidual = 1e100

  let targets: [Double]
  let weights: [Double]?
  let parameterCount: Int
  let model: NonlinearLeastSquares.Model
  var rowCount: Int { targets.count }

  init(targets: [Double], weights: [Double]?, parameterCount: Int, model: @escaping NonlinearLeastSquares.Model) {
    self.targets = targets
    self.weights = weights
    self.parameterCount = parameterCount
    self.model = model
  }

  struct Evaluation {
    let predictions: [Double]
    let chiSquared: Double
  }

  /// Predictions and χ² at `parameters`, or nil when any prediction is not finite.
  func evaluate(_ parameters: [Double]) -> Evaluation? {
    var predictions = [Double](repeating: .nan, count: rowCount)
    parameters.withUnsafeBufferPointer { theta in
      predictions.withUnsafeMutableBufferPointer { values in model(theta, values, nil) }
    }
    var chi = 0.0
    for i in 0..<rowCount {
      guard predictions[i].isFinite else { return nil }
      let r = predictions[i] - targets[i]
      chi += (weights?[i] ?? 1) * r * r
    }
    return chi.isFinite ? Evaluation(predictions: predictions, chiSquared: chi) : nil
  }

  /// (JᵀWJ)⁻¹ at `parameters` via `gsl_multifit_nlinear_covar`; nil when rank-deficient or not finite.
  func covariance(at parameters: [Double], rankTolerance: Double) throws -> [[Double]]? {
    let n = rowCount
    let p = parameterCount
    var jacobian = [Double](repeating: .nan, count: n * p)
    parameters.withUnsafeBufferPointer { theta in
      jacobian.withUnsafeMutableBufferPointer { j in model(theta, nil, j) }
    }
    let matrix = GSLMatrix(rows: n, columns: p)
    for i in 0..<n {
      let scale = weights.map { $0[i].squareRoot() } ?? 1
      for j in 0..<p {
        let value = jacobian[i * p + j] * scale
        guard value.isFinite else { return nil }
        matrix[i, j] = value
      }
    }
    let covariance = GSLMatrix(rows: p, columns: p)
    let status = gsl_multifit_nlinear_covar(matrix.pointer, rankTolerance, covariance.pointer)
    guard status == cgsl_success() else {
      throw StatisticsError.gslFailure(routine: "gsl_multifit_nlinear_covar", code: status, message: gslMessage(status))
    }
    let rows = covariance.rowArrays
    for j in 0..<p where !(rows[j][j] > 0 && rows[j][j].isFinite) { return nil }
    return rows
  }
}

/// Calls `body` with the constants in `x` as a contiguous buffer (no copy when GSL's vector is contiguous).
private func withParameters<R>(_ x: UnsafePointer<gsl_vector>, count: Int, _ body: (UnsafeBufferPointer<Double>) -> R)
  -> R
{
  if x.pointee.stride == 1, let data = x.pointee.data {
    return body(UnsafeBufferPointer(start: data, count: count))
  }
  let copy = (0..<count).map { gsl_vector_get(x, $0) }
  return copy.withUnsafeBufferPointer(body)
}

extension NonlinearProblem {
  /// The problem behind a GSL callback's `params` pointer.
  static func unwrap(_ params: UnsafeMutableRawPointer?) -> NonlinearProblem? {
    params.map { Unmanaged<NonlinearProblem>.fromOpaque($0).takeUnretainedValue() }
  }
}

/// GSL `f` callback: residuals ŷᵢ − yᵢ (GSL applies the weights itself). Non-finite residuals become
/// `rejectedResidual`, so the trust region rejects that trial step.
func nonlinearResidualCallback(
  _ x: UnsafePointer<gsl_vector>?, _ params: UnsafeMutableRawPointer?,
  _ f: UnsafeMutablePointer<gsl_vector>?
) -> Int32 {
  guard let x, let problem = NonlinearProblem.unwrap(params), let f, f.pointee.stride == 1, let data = f.pointee.data
  else { return cgsl_edom() }
  let n = problem.rowCount
  let values = UnsafeMutableBufferPointer(start: data, count: n)
  values.initialize(repeating: .nan)
  withParameters(x, count: problem.parameterCount) { theta in problem.model(theta, values, nil) }
  problem.targets.withUnsafeBufferPointer { y in
    for i in 0..<n {
      let r = values[i] - y[i]
      values[i] = r.isFinite ? r : NonlinearProblem.rejectedResidual
    }
  }
  return cgsl_success()
}

/// GSL `df` callback: the Jacobian ∂ŷᵢ/∂θⱼ (GSL applies the weights itself). Non-finite entries stop the attempt.
func nonlinearJacobianCallback(
  _ x: UnsafePointer<gsl_vector>?, _ params: UnsafeMutableRawPointer?,
  _ df: UnsafeMutablePointer<gsl_matrix>?
) -> Int32 {
  guard let x, let problem = NonlinearProblem.unwrap(params), let df, df.pointee.tda == problem.parameterCount,
    let data = df.pointee.data
  else { return cgsl_edom() }
  let p = problem.parameterCount
  let jacobian = UnsafeMutableBufferPointer(start: data, count: problem.rowCount * p)
  jacobian.initialize(repeating: .nan)
  withParameters(x, count: p) { theta in problem.model(theta, nil, jacobian) }
  for value in jacobian where !value.isFinite { return cgsl_edom() }
  return cgsl_success()
}
