import SymbolicRegression

extension FormulaEntry {
  /// The front entry of a fitted formula: constants with uncertainty and statistics on the fitted rows.
  public init(fit: FormulaFit, complexity: Int? = nil, crossValidation: FormulaCrossValidation? = nil) {
    let g = fit.goodness
    self.init(
      complexity: complexity ?? fit.expression.nodeCount,
      expression: fit.expression.description,
      sympy: fit.displayed.sympy(),
      latex: fit.displayed.latex(),
      constants: fit.constants.map { c in
        let ci: (Double, Double)? = if let lower = c.lower, let upper = c.upper { (lower, upper) } else { nil }
        return ConstantEntry(name: c.name, value: c.value, standardError: c.standardError, ci95: ci, t: c.t, p: c.p)
      },
      r2: g.r2, adjustedR2: g.adjustedR2, rmse: g.rmse, mae: g.mae, aic: g.aic, aicc: g.aicc, bic: g.bic,
      logLikelihood: g.logLikelihood, r2Train: g.r2,
      crossValidation: crossValidation.map {
        CrossValidationEntry(k: $0.k, grouped: $0.grouped, r2Mean: $0.r2Mean, r2SD: $0.r2SD, rmseMean: $0.rmseMean)
      },
      covariance: fit.covariance, degreesOfFreedom: fit.degreesOfFreedom)
  }
}
