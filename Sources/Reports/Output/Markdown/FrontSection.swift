import Expressions
import SymbolicRegression

/// The Pareto front table, the plot and why the selected member won.
enum FrontSection: MarkdownSection {
  static func markdown(_ report: Report, plotNames: [String]) -> String {
    var md = ""
    md += "## Pareto front\n\n"
    md +=
      "| | complexity | formula | R² | R² validation | R² test | AICc | BIC | CV R² |\n|---|---:|---|---:|---:|---:|---:|---:|---:|\n"
    for (i, e) in report.entries.enumerated() {
      md +=
        "| \(i == report.selected ? "**→**" : "") | \(e.complexity) | `\(e.expression)` | \(fmt(e.r2)) | \(fmt(e.r2Validation)) | \(fmt(e.r2Test)) | \(fmt(e.aicc, 6)) | \(fmt(e.bic, 6)) | \(fmt(e.crossValidation?.r2Mean)) |\n"
    }
    md += "\n![Pareto front](plots/pareto.svg)\n\n"
    md += SelectionReason.markdown(report)
    for note in report.notes where note.hasPrefix("Front") { md += note + "\n\n" }
    return md
  }
}
