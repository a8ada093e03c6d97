import Expressions
import SymbolicRegression

/// The exponent analysis: fitted Box–Cox exponents of n, T and AMI against 0.5, −0.5 and 0 (log).
enum ExponentSection: MarkdownSection {
  static func markdown(_ report: Report, plotNames: [String]) -> String {
    var md = "## Exponent analysis\n\n"
    let models = report.exponents.models
    if models.isEmpty {
      return md + "Not run: no feature n, T or AMI with at least three distinct values.\n\n"
    }
    md +=
      "Instead of assuming square roots, the exponents are fitted. Each term is written in Box–Cox form b·(x^p − 1)/p, the same curve as a power x^p up to the intercept, which becomes b·log x as p → 0; so an exponent near 0 means a logarithmic law. Nonlinear least squares, started from the linear fit at exponents ±0.5.\n\n"
    for model in models {
      md += "**`\(report.data.targetName) = \(model.formula)`**"
      if let fit = model.fit {
        md += " (R² \(fmt(fit.goodness.r2)), AICc \(fmt(fit.goodness.aicc, 6))"
        if model.excludedRows > 0 {
          md +=
            "; \(model.excludedRows) rows where a powered term is 0 are left out, since a power's exponent is undefined there"
        }
        md += ")\n\n"
        md +=
          "| term | exponent | std. error | 95% CI | contains 0.5 | contains −0.5 | contains 0 (log) |\n|---|---:|---:|---|---|---|---|\n"
        for e in model.exponents {
          let ci = e.lower.flatMap { l in e.upper.map { "[\(fmt(l)), \(fmt($0))]" } } ?? "–"
          func yn(_ b: Bool?) -> String { b.map { $0 ? "yes" : "no" } ?? "–" }
          md +=
            "| \(e.term) | \(fmt(e.value)) | \(fmt(e.standardError, 3)) | \(ci) | \(yn(e.containsHalf)) | \(yn(e.containsMinusHalf)) | \(yn(e.containsZero)) |\n"
        }
        md += "\n"
        for e in model.exponents { md += "- \(e.verdict)\n" }
        md += "\n"
      } else {
        md += ": the fit failed (\(model.failure ?? "no convergence")).\n\n"
      }
    }
    return md
  }
}
