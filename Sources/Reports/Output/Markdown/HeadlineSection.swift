import Expressions
import SymbolicRegression

/// The title and the selected formula with its fit, first thing a reader sees.
enum HeadlineSection: MarkdownSection {
  static func markdown(_ report: Report, plotNames: [String]) -> String {
    let data = report.data
    let s = report.summary
    let entry = report.entries[report.selected]
    var md = "# What explains \(data.targetName)? Formula report\n\n"
    md += "The selected formula (found by \(report.settings.searchDescription)) is\n\n"
    md += "$$\(data.targetName) = \(entry.latex)$$\n\n"
    md += "with R² \(fmt(entry.r2)) on all \(s.rows) rows"
    if let cv = entry.crossValidation {
      md += " and grouped \(cv.k)-fold cross-validated R² \(fmt(cv.r2Mean)) ± \(fmt(cv.r2SD, 2))"
    }
    md +=
      ". Constants and intervals below are \(report.honest == nil ? "estimated on all rows, the same rows that chose the formula, so they are optimistic (see --honest)" : "from the honest refit on rows that played no part in choosing the formula")."
    md += "\n\n"
    return md
  }
}
