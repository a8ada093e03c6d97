import Expressions
import SymbolicRegression

/// The plain-text summaries the command line prints: a search's front and a fixed form's fit.
public enum TerminalSummary {
  private typealias F = TerminalFormat

  /// The split line, the front table (constants at the digits their CI supports), the selection reason and the
  /// selected formula with its intervals.
  public static func front(
    result: SearchResult, document: ResultDocument, configuration: SearchConfiguration, target: String
  ) -> String {
    let split = result.split
    var lines = [
      "split: \(split.train.count) train, \(split.validation.count) validation, \(split.test.count) test rows "
        + "(\(configuration.groupedSplits ? "grouped, " : "")\(split.groups) distinct feature rows); "
        + "\(result.evaluations) evaluations, stopped by \(result.stopReason)", "",
    ]
    var cells: [[String]] = [["", "complexity", "R² fit", "CV R²", "R² test"]]
    for (i, e) in document.front.enumerated() {
      cells.append([
        i == document.selected ? "*" : "", "\(e.complexity)", F.optional(e.r2, digits: 4),
        F.optional(result.front[i].r2CV, digits: 4), F.optional(e.r2Test, digits: 4),
      ])
    }
    let formulas = ["formula"] + document.front.map { "\(target) = \($0.sympy)" }
    for (line, formula) in zip(F.table(cells).split(separator: "\n", omittingEmptySubsequences: false), formulas) {
      lines.append("\(line)  \(formula)")
    }
    let rows = result.constantsFittedOn == .trainAndValidation ? "training + validation" : "training"
    lines += [
      "",
      "constants, R² fit and CV R² (grouped \(result.selection?.folds ?? 0)-fold) are on the \(rows) rows; "
        + "R² test on the held-out test rows",
    ]
    if let selection = result.selection {
      lines.append("selected (*) by \(selection.rule.rawValue): \(selection.reason)")
    }
    if document.front.indices.contains(document.selected) {
      let chosen = document.front[document.selected]
      let values = chosen.constants.map { c in
        "\(c.name) = \(ConstantPrecision.text(c.value, halfWidth: c.ci95.map { ($0.1 - $0.0) / 2 }))"
          + (c.ci95.map { " [\(F.number($0.0, digits: 4)), \(F.number($0.1, digits: 4))]" } ?? "")
      }
      lines.append(
        "selected: \(target) = \(chosen.expression)"
          + (values.isEmpty ? "" : "   with " + values.joined(separator: ", ")))
    }
    return lines.joined(separator: "\n")
  }

  /// The line after a report's main search.
  public static func searchFinished(_ result: SearchResult, candidates: Int) -> String {
    "search: \(result.evaluations) evaluations in \(ReportTimePlan.seconds(result.seconds)), stopped by "
      + "\(result.stopReason); front of \(candidates) formulas"
  }

  /// What a report run prints last: the selected formula, the theory form with the lowest AICc, the file.
  public static func reportWritten(_ report: Report, target: String, file: String) -> String {
    let fit = report.selectedFit
    var lines = ["selected: \(target) = \(fit.displayed.readable)   (R² \(F.optional(fit.goodness.r2, digits: 4)))"]
    if let best = report.comparison.best { lines.append("theory comparison: lowest AICc \(best.name)") }
    return (lines + ["wrote \(file)"]).joined(separator: "\n")
  }

  /// The fit of a given formula: constants with intervals, goodness of fit, cross-validation, the fitted formula.
  /// A grouped fixed-form fit: each group's constants (digits their intervals support) and R², then the test of
  /// shared constants.
  public static func groupedFixedForm(_ grouped: GroupedFixedFormAnalysis, target: String) -> String {
    let pooled = grouped.pooled
    var lines = [
      "\(target) ~ \(pooled.fit.expression)    fitted per \(grouped.column) (\(grouped.groups.count) groups, "
        + "\(pooled.rows) rows)"
    ]
    if let note = pooled.weightsNote { lines.append(note) }
    var cells: [[String]] = [[grouped.column, "rows"] + pooled.constantNames.map { "\($0) [95% CI]" } + ["R²"]]
    for g in grouped.groups {
      let fit = g.analysis.fit
      let constants = fit.constants.map { c -> String in
        let value = ConstantPrecision.text(c.value, halfWidth: c.halfWidth)
        guard let l = c.lower, let u = c.upper else { return value }
        return "\(value) [\(F.number(l, digits: 4)), \(F.number(u, digits: 4))]"
      }
      cells.append([g.value, "\(g.analysis.rows)"] + constants + [F.optional(fit.goodness.r2, digits: 4)])
    }
    let shared = pooled.fit.constants.map { ConstantPrecision.text($0.value, halfWidth: $0.halfWidth) }
    cells.append(["(shared)", "\(pooled.rows)"] + shared + [F.optional(pooled.fit.goodness.r2, digits: 4)])
    lines += ["", F.table(cells), ""]
    if let f = grouped.f {
      let verdict = (grouped.p ?? 1) < 0.05 ? "the groups' constants differ" : "no evidence that the constants differ"
      lines.append(
        "shared constants: F = \(F.number(f, digits: 4)) (df \(grouped.df1), \(grouped.df2)), p = \(F.p(grouped.p)): "
          + verdict + " (at 5%)")
    } else {
      lines.append("shared constants: no test (too few rows for \(grouped.groups.count) separate fits)")
    }
    return lines.joined(separator: "\n")
  }

  public static func fixedForm(_ analysis: FixedFormAnalysis, target: String) -> String {
    let fit = analysis.fit
    let constants = analysis.constantNames.isEmpty ? "none" : analysis.constantNames.joined(separator: ", ")
    var lines = [
      "variables (columns): \(analysis.variables.joined(separator: ", "))", "constants (fitted):  \(constants)",
    ]
    if let note = analysis.weightsNote { lines.append(note) }
    lines += [
      "",
      "\(target) ~ \(fit.expression)    (\(analysis.rows) rows, \(analysis.groups.groupCount) distinct feature rows; "
        + "\(fit.method))", "",
    ]
    var cells: [[String]] = [["constant", "value", "std. error", "95% CI", "t", "p"]]
    for c in fit.constants {
      let ci = if let l = c.lower, let u = c.upper { "[\(F.number(l)), \(F.number(u))]" } else { "-" }
      cells.append([
        c.name, ConstantPrecision.text(c.value, halfWidth: c.halfWidth), F.optional(c.standardError), ci,
        F.optional(c.t, digits: 4), F.p(c.p),
      ])
    }
    let g = fit.goodness
    lines += [
      F.table(cells), "",
      "R² \(F.optional(g.r2, digits: 4))   adjusted R² \(F.optional(g.adjustedR2, digits: 4))   "
        + "RMSE \(F.optional(g.rmse, digits: 4))   MAE \(F.optional(g.mae, digits: 4))",
      "AIC \(F.optional(g.aic, digits: 6))   AICc \(F.optional(g.aicc, digits: 6))   BIC \(F.optional(g.bic, digits: 6))   "
        + "log-likelihood \(F.optional(g.logLikelihood, digits: 6))",
    ]
    if let cv = analysis.crossValidation {
      lines.append(
        "\(cv.k)-fold grouped CV R²: \(F.optional(cv.r2Mean, digits: 4)) ± \(F.optional(cv.r2SD, digits: 2))")
    }
    lines.append("fitted: \(target) = \(fit.displayed.readable)")
    return lines.joined(separator: "\n")
  }
}
