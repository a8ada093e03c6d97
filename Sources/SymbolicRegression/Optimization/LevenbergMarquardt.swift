/// A small Levenberg–Marquardt least-squares minimiser working on the normal equations.
///
/// The caller supplies the objective `S(θ)` (mean weighted squared residual) and, at a point, the Gauss–Newton
/// matrix `A = JᵀWJ/Σw` and `g = JᵀW r/Σw` (J = ∂f/∂θ, r = y − f). Each step solves `(A + λ·diag(A)) δ = g`
/// by Cholesky, accepting it when S decreases (λ shrinks) and otherwise raising λ (Marquardt's scaling, as in
/// MINPACK / GSL's `trs_lm`).
public struct LevenbergMarquardt: Sendable {
  /// Maximum number of accepted or rejected steps (each costs one objective evaluation).
  public var maxIterations: Int
  /// Stop when the relative decrease of S in an accepted step falls below this.
  public var relativeTolerance: Double
  /// Initial damping.
  public var initialDamping: Double
  /// When positive, convergence also needs every relative step below this (for flat valleys such as NIST MGH09;
  /// 0, the default used by the search, stops on the loss test alone).
  public var stepTolerance: Double

  public init(
    maxIterations: Int = 100, relativeTolerance: Double = 1e-12, initialDamping: Double = 1e-3,
    stepTolerance: Double = 0
  ) {
    self.maxIterations = maxIterations
    self.relativeTolerance = relativeTolerance
    self.initialDamping = initialDamping
    self.stepTolerance = stepTolerance
  }

  /// Outcome of a minimisation.
  public struct Result: Sendable {
    public var parameters: [Double]
    public var loss: Double
    public var iterations: Int
    public var converged: Bool
  }

  /// Minimises from `start`. `objective` returns S (or +inf when undefined); `normalEquations` returns
  /// `(S, A row-major p×p, g)` or nil when undefined.
  public func minimize(
    start: [Double],
    objective: ([Double]) -> Double,
    normalEquations: ([Double]) -> (loss: Double, a: [Double], g: [Double])?
  ) -> Result {
    let p = start.count
    var theta = start
    guard p > 0 else { return Result(parameters: theta, loss: objective(theta), iterations: 0, converged: true) }
    guard var current = normalEquations(theta), current.loss.isFinite else {
      return Result(parameters: theta, loss: .infinity, iterations: 0, converged: false)
    }
    var lambda = initialDamping
    var iterations = 0
    var converged = false
    var m = [Double](repeating: 0, count: p * p)
    outer: while iterations < maxIterations {
      if current.loss == 0 {
        converged = true
        break
      }
      var accepted = false
      while iterations < maxIterations {
        iterations += 1
        for i in 0..<(p * p) { m[i] = current.a[i] }
        for j in 0..<p {
          let d = current.a[j * p + j]
          m[j * p + j] += lambda * (d > 0 ? d : 1e-12) + 1e-300
        }
        guard let delta = Self.solveCholesky(m, current.g, p) else {
          lambda *= 10
          if lambda > 1e16 { break outer }
          continue
        }
        var trial = theta
        for j in 0..<p { trial[j] += delta[j] }
        let s = objective(trial)
        if s.isFinite && s <= current.loss {
          let decrease = current.loss - s
          theta = trial
          lambda = max(lambda / 3, 1e-15)
          var stepSmall = true
          if stepTolerance > 0 {
            for j in 0..<p where Swift.abs(delta[j]) > stepTolerance * (Swift.abs(theta[j]) + 1e-12) {
              stepSmall = false
            }
          }
          let small = decrease <= relativeTolerance * current.loss && stepSmall
          guard iterations < maxIterations, let next = normalEquations(theta) else {
            current.loss = s
            if small { converged = true }
            break outer
          }
          iterations += 1
          current = next
          accepted = true
          if small {
            converged = true
            break outer
          }
          break
        } else {
          lambda *= 4
          if lambda > 1e16 {
            converged = true
            break outer
          }
        }
      }
      if !accepted { break }
    }
    return Result(parameters: theta, loss: current.loss, iterations: iterations, converged: converged)
  }

  /// Solves the symmetric positive-definite system `m x = b` (row-major p×p); nil when not positive definite.
  public static func solveCholesky(_ m: [Double], _ b: [Double], _ p: Int) -> [Double]? {
    var l = [Double](repeating: 0, count: p * p)
    for i in 0..<p {
      for j in 0...i {
        var s = m[i * p + j]
        for k in 0..<j { s -= l[i * p + k] * l[j * p + k] }
        if i == j {
          guard s > 0, s.isFinite else { return nil }
          l[i * p + i] = s.squareRoot()
        } else {
          l[i * p + j] = s / l[j * p + j]
        }
      }
    }
    var y = [Double](repeating: 0, count: p)
    for i in 0..<p {
      var s = b[i]
      for k in 0..<i { s -= l[i * p + k] * y[k] }
      y[i] = s / l[i * p + i]
    }
    var x = [Double](repeating: 0, count: p)
    for i in stride(from: p - 1, through: 0, by: -1) {
      var s = y[i]
      for k in (i + 1)..<p { s -= l[k * p + i] * x[k] }
      x[i] = s / l[i * p + i]
    }
    for v in x where !v.isFinite { return nil }
    return x
  }

  /// Builds `(S, A, g)` from residuals `r = y − f` and the Jacobian `∂f/∂θ` (n rows × p, row-major), unweighted.
  public static func normalEquations(residuals r: [Double], jacobian j: [Double], parameters p: Int)
    -> (loss: Double, a: [Double], g: [Double])
  {
    let n = r.count
    var a = [Double](repeating: 0, count: p * p)
    var g = [Double](repeating: 0, count: p)
    var s = 0.0
    for i in 0..<n {
      s += r[i] * r[i]
      for u in 0..<p {
        let ju = j[i * p + u]
        g[u] += ju * r[i]
        for v in 0..<p { a[u * p + v] += ju * j[i * p + v] }
      }
    }
    let inv = n > 0 ? 1 / Double(n) : 0
    return (s * inv, a.map { $0 * inv }, g.map { $0 * inv })
  }
}

/// Fits the free constants of programs on a dataset with ``LevenbergMarquardt`` and forward-mode derivatives.
public struct ConstantOptimizer: Sendable {
  public var solver: LevenbergMarquardt

  public init(maxIterations: Int) {
    solver = LevenbergMarquardt(maxIterations: maxIterations)
  }

  /// Returns the program with fitted constants and its loss (never worse than the starting loss).
  public func optimize(_ program: Program, with evaluator: Evaluator) -> (program: Program, loss: Double) {
    let start = program.constants
    var work = program
    let initial = evaluator.loss(program)
    guard !start.isEmpty else { return (program, initial) }
    let result = solver.minimize(
      start: start,
      objective: { theta in
        work.constants = theta
        return evaluator.loss(work)
      },
      normalEquations: { theta in
        work.constants = theta
        return evaluator.normalEquations(work)
      })
    if result.loss.isFinite, !(result.loss > initial) {
      work.constants = result.parameters
      return (work, result.loss)
    }
    return (program, initial)
  }
}
