import Expressions
import SymbolicRegression

/// The curve and residual plots.
enum PlotsSection: MarkdownSection {
  static func markdown(_ report: Report, plotNames: [String]) -> String {
    var md = ""
    md += "## Plots\n\n"
    for name in plotNames where name.hasPrefix("curve_") || name.hasPrefix("residuals_") {
      md += "![\(name)](plots/\(name))\n\n"
    }
    md +=
      "Curves show the fitted formula against one feature with the others at their median; the shaded band is the 95% confidence band of the mean (delta method with the constants' covariance). Points are the observations, coloured by a second feature.\n\n"
    return md
  }
}
