import Expressions
import Statistics

/// A formula fitted to data by least squares, with its constants' uncertainty and fit statistics.
///
/// Identifiers of the formula that name a column of the data are variables; all others are constants.
/// A formula that is linear in its constants is solved exactly by linear least squares
/// (`gsl_multifit_wlinear_tsvd`), any other by GSL's trust-region nonlinear least squares with the
/// exact Jacobian from symbolic derivatives (`Expression.derivative`).
public struct FormulaFit: Sendable {
  /// The formula with symbolic constants.
  public let expression: Expression
  /// Variables (columns) the formula uses, in order of first appearance.
  public let variables: [String]
  /// The fitted constants, in order of first appearance in the formula.
  public let constants: [FittedConstant]
  /// Covariance of the constants (scaled by the residual variance); nil when not identifiable.
  public let covariance: [[Double]]?
  /// Residual degrees of freedom (rows − constants).
  public let degreesOfFreedom: Int
  /// Fit statistics on the fitted rows.
  public let goodness: GoodnessOfFit
  /// Predictions on the fitted rows.
  public let predictions: [Double]
  /// Whether the formula is linear in its constants (solved exactly).
  public let isLinearInConstants: Bool
  /// The solver that produced the estimates.
  public let method: String

  /// Names of the constants.
  public var constantNames: [String] { constants.map(\.name) }

  /// Constant values by name.
  public var values: [String: Double] {
    Dictionary(uniqueKeysWithValues: constants.map { ($0.name, $0.value) })
  }

  /// The formula with the fitted values substituted.
  public var fitted: Expression { expression.substituting(values) }

  /// The formula with each constant rounded to the digits its confidence interval supports
  /// (``ConstantPrecision``): what the CLI, the Markdown report, LaTeX and the `sympy` field print.
  public var displayed: Expression {
    expression.substituting(Dictionary(uniqueKeysWithValues: constants.map { ($0.name, $0.displayValue) }))
  }

  /// Fits `expression` to `data`.
  /// - Parameters:
  ///   - starts: start values of constants for the nonlinear solver (default 1 each).
  ///   - level: confidence level of the intervals (default 0.95).
  public init(expression: Expression, data: FittingData, starts: [String: Double] = [:], level: Double = 0.95) throws {
    let columnNames = Set(data.columns.keys)
    let variables = expression.orderedSymbols.filter(columnNames.contains)
    guard !variables.isEmpty else {
      throw FormulaFitError.noVariables(formula: expression.description, columns: data.columns.keys.sorted())
    }
    let names = expression.constants(variables: columnNames)
    guard !names.isEmpty else { throw FormulaFitError.noConstants(formula: expression.description) }
    for name in starts.keys.sorted() where !names.contains(name) {
      throw FormulaFitError.unknownStart(name: name, constants: names)
    }
    let n = data.rowCount
    let derivatives = names.map { expression.derivative(withRespectTo: $0) }
    let linear = derivatives.allSatisfy { d in names.allSatisfy { !d.contains(symbol: $0) } }

    var estimates: [Double]
    var covariance: [[Double]]?
    var dof: Int
    var predictions: [Double]
    var method: String
    do {
      if linear, let solved = try Self.solveLinear(expression, names: names, derivatives: derivatives, data: data) {
        (estimates, covariance, dof, predictions) = solved
        method = "linear least squares (gsl_multifit_wlinear_tsvd)"
      } else {
        let start = names.map { starts[$0] ?? 1 }
        let startValues = Dictionary(uniqueKeysWithValues: zip(names, start))
        let atStart = expression.evaluate(columns: data.columns, constants: startValues, rowCount: n)
        if let bad = atStart.firstIndex(where: { !$0.isFinite }) {
          let shown = zip(names, start).map { "\($0)=\($1)" }.joined(separator: ", ")
          throw FormulaFitError.notFiniteAtStart(row: bad, constants: shown)
        }
        let fit = try Self.solveNonlinear(expression, names: names, derivatives: derivatives, data: data, start: start)
        estimates = fit.parameters
        covariance = fit.covariance
        dof = fit.degreesOfFreedom
        predictions = fit.predictions
        method = "nonlinear least squares (gsl_multifit_nlinear, \(fit.method))"
      }
    } catch let error as StatisticsError {
      throw FormulaFitError.fit(error.description)
    }
    let inference = try? ParameterInference(
      estimates: estimates, covariance: covariance, degreesOfFreedom: dof, level: level)
    self.expression = expression
    self.variables = variables
    self.constants = names.indices.map { j in
      let e = inference?.estimates[j]
      return FittedConstant(
        name: names[j], value: estimates[j], standardError: e?.standardError,
        ci: e?.confidenceInterval.map { ($0.lower, $0.upper) }, t: e?.t, p: e?.p)
    }
    self.covariance = covariance
    self.degreesOfFreedom = dof
    self.predictions = predictions
    self.isLinearInConstants = linear
    self.method = method
    do {
      self.goodness = try GoodnessOfFit(
        observed: data.target, predicted: predictions, weights: data.weights,
        parameterCount: names.count)
    } catch let error as StatisticsError {
      throw FormulaFitError.fit(error.description)
    }
  }

  /// Predictions of the fitted formula on other rows (NaN where it is not defined).
  public func predict(columns: [String: [Double]], rowCount: Int) -> [Double] {
    expression.evaluate(columns: columns, constants: values, rowCount: rowCount)
  }

  /// Exact solution for formulas affine in their constants: f = f₀(x) + Σ cⱼ·∂f/∂cⱼ(x).
  private static func solveLinear(
    _ expression: Expression, names: [String], derivatives: [Expression],
    data: FittingData
  ) throws -> ([Double], [[Double]]?, Int, [Double])? {
    let n = data.rowCount
    let zeros = Dictionary(uniqueKeysWithValues: names.map { ($0, 0.0) })
    let offset = expression.evaluate(columns: data.columns, constants: zeros, rowCount: n)
    let design = derivatives.map { $0.evaluate(columns: data.columns, constants: zeros, rowCount: n) }
    guard offset.allSatisfy(\.isFinite), design.allSatisfy({ $0.allSatisfy(\.isFinite) }) else { return nil }
    let adjusted = zip(data.target, offset).map { $0 - $1 }
    let fit = try LinearLeastSquares().fit(columns: design, targets: adjusted, weights: data.weights)
    let predictions = zip(fit.predictions, offset).map { $0 + $1 }
    return (fit.coefficients, fit.covariance, fit.degreesOfFreedom, predictions)
  }

  private static func solveNonlinear(
    _ expression: Expression, names: [String], derivatives: [Expression],
    data: FittingData, start: [Double]
  ) throws -> NonlinearFit {
    let n = data.rowCount
    let p = names.count
    let fit = try NonlinearLeastSquares().fit(targets: data.target, start: start, weights: data.weights) {
      params, values, jacobian in
      var constants: [String: Double] = [:]
      for j in 0..<p { constants[names[j]] = params[j] }
      if let values {
        let f = expression.evaluate(columns: data.columns, constants: constants, rowCount: n)
        for i in 0..<n { values[i] = f[i] }
      }
      if let jacobian {
        for j in 0..<p {
          let d = derivatives[j].evaluate(columns: data.columns, constants: constants, rowCount: n)
          for i in 0..<n { jacobian[i * p + j] = d[i] }
        }
      }
    }
    return try fit.requireConverged()
  }
}

/// A fitted constant with its standard error, confidence interval, t and two-sided p value.
public struct FittedConstant: Sendable, Equatable {
  public let name: String
  public let value: Double
  public let standardError: Double?
  public let lower: Double?
  public let upper: Double?
  public let t: Double?
  public let p: Double?

  public init(name: String, value: Double, standardError: Double?, ci: (Double, Double)?, t: Double?, p: Double?) {
    self.name = name
    self.value = value
    self.standardError = standardError
    self.lower = ci?.0
    self.upper = ci?.1
    self.t = t
    self.p = p
  }

  /// Half-width of the confidence interval (nil when unknown).
  public var halfWidth: Double? {
    guard let lower, let upper else { return nil }
    return (upper - lower) / 2
  }

  /// The value rounded to the digits its confidence interval supports.
  public var displayValue: Double { ConstantPrecision.rounded(value, halfWidth: halfWidth) }

  /// Whether the confidence interval excludes zero (false when unknown).
  public var excludesZero: Bool {
    guard let lower, let upper else { return false }
    return lower > 0 || upper < 0
  }
}
