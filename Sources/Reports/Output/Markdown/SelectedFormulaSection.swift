import Expressions
import SymbolicRegression

/// The selected formula: constants with intervals at the precision they support, and its goodness of fit.
enum SelectedFormulaSection: MarkdownSection {
  static func markdown(_ report: Report, plotNames: [String]) -> String {
    let data = report.data
    let s = report.summary
    let entry = report.entries[report.selected]
    let fit = report.selectedFit
    var md = ""
    md += "## Selected formula\n\n"
    md += "`\(data.targetName) = \(fit.expression)` (\(entry.complexity) nodes; \(fit.method)).\n\n"
    let constantsSource = ReportWriter.constantsEntry(report)
    md += "| constant | estimate | std. error | 95% CI | t | p |\n|---|---:|---:|---|---:|---:|\n"
    for c in constantsSource.constants {
      let ci = c.ci95.map { "[\(fmt($0.0)), \(fmt($0.1))]" } ?? "–"
      let half = c.ci95.map { ($0.1 - $0.0) / 2 }
      md +=
        "| \(c.name) | \(ConstantPrecision.text(c.value, halfWidth: half)) | \(fmt(c.standardError, 3)) | \(ci) | \(fmt(c.t, 3)) | \(ReportFormat.p(c.p)) |\n"
    }
    let all = fit.constants.allSatisfy(\.excludesZero)
    md +=
      "\n"
      + (all
        ? "Every constant's 95% CI excludes 0.\n\n"
        : "At least one constant's 95% CI includes 0: that term is not clearly needed.\n\n")
    md += "| R² | adjusted R² | RMSE | MAE | AICc | BIC | CV R² (mean ± sd) |\n|---:|---:|---:|---:|---:|---:|---|\n"
    let cvText =
      entry.crossValidation.map { "\(fmt($0.r2Mean)) ± \(fmt($0.r2SD, 2)) (\($0.k) grouped folds)" } ?? "not run"
    md +=
      "| \(fmt(entry.r2)) | \(fmt(entry.adjustedR2)) | \(fmt(entry.rmse)) | \(fmt(entry.mae)) | \(fmt(entry.aicc, 6)) | \(fmt(entry.bic, 6)) | \(cvText) |\n\n"
    if let ceiling = s.noiseCeilingR2, let r2 = entry.r2 {
      md +=
        "The formula reaches \(ReportFormat.number(100 * r2 / ceiling, digits: 3))% of the replicate-noise ceiling.\n\n"
    }
    md += "![Predicted vs observed](plots/predicted_vs_observed.svg)\n\n"
    return md
  }
}
