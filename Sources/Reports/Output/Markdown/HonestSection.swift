import Expressions
import SymbolicRegression

/// Honest uncertainty: structure chosen on one grouped half, constants from the other.
enum HonestSection: MarkdownSection {
  static func markdown(_ report: Report, plotNames: [String]) -> String {
    section(
      "Honest uncertainty", report.honest,
      absent:
        "Mode: **all rows**. The formula was chosen and its constants estimated on the same rows, so the intervals above are optimistic. Rerun with `--honest` to select on one grouped half and estimate on the other."
    ) { h in
      var md =
        "Mode: **honest**. The structure was chosen by \(h.selectionMethod) on \(h.selectionRows.count) rows (one grouped half); constants, CIs and R² come from a refit on the other \(h.estimationRows.count) rows.\n\n"
      md +=
        "Structure: `\(h.formula)`. R² on the selection half \(fmt(h.selectionR2)); the selection-half fit scores R² \(fmt(h.estimationR2OfSelectionFit)) on the estimation half"
      if let fit = h.fit {
        md += "; the refit on the estimation half has R² \(fmt(fit.goodness.r2)).\n\n"
      } else {
        md += "; the refit failed (\(h.failure ?? "unknown reason")).\n\n"
      }
      return md
    }
  }
}
