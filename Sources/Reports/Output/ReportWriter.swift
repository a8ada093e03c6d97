import DataTable
import Expressions
import Foundation
import Support
import SymbolicRegression

/// Writes a report folder: report.md, plots/*.svg, formulas.tex, formulas.json and front.csv (each atomically).
public enum ReportWriter {
  /// Writes every file of `report` under `directory` (created when missing); returns the written paths.
  @discardableResult
  public static func write(_ report: Report, to directory: String) throws -> [String] {
    let plotsDirectory = (directory as NSString).appendingPathComponent("plots")
    do {
      try FileManager.default.createDirectory(atPath: plotsDirectory, withIntermediateDirectories: true)
    } catch {
      throw ReportError(origin: .run, "cannot create report folder '\(directory)': \(error.localizedDescription)")
    }
    var written: [String] = []
    func put(_ text: String, _ relative: String) throws {
      let path = (directory as NSString).appendingPathComponent(relative)
      try AtomicFile.write(text, to: path)
      written.append(path)
    }
    let plots = ReportPlots.all(report)
    for plot in plots { try put(plot.svg, "plots/" + plot.name) }
    try put(latex(report), "formulas.tex")
    try put(report.document.text(), "formulas.json")
    try put(try frontCSV(report), "front.csv")
    try put(markdown(report, plotNames: plots.map(\.name)), "report.md")
    return written
  }

  /// front.csv: one row per front formula.
  public static func frontCSV(_ report: Report) throws -> String {
    var csv = CSVWriter(header: [
      "selected", "complexity", "expression", "sympy", "r2", "adj_r2", "rmse", "aicc", "bic",
      "r2_validation", "r2_test", "cv_r2_mean", "cv_r2_sd",
    ])
    for (i, e) in report.entries.enumerated() {
      func n(_ x: Double?) -> String { x.map(CSVWriter.format) ?? "" }
      try csv.appendRow([
        i == report.selected ? "1" : "0", String(e.complexity), e.expression, e.sympy, n(e.r2),
        n(e.adjustedR2), n(e.rmse), n(e.aicc), n(e.bic), n(e.r2Validation), n(e.r2Test),
        n(e.crossValidation?.r2Mean), n(e.crossValidation?.r2SD),
      ])
    }
    return csv.text
  }

  /// formulas.tex: a standalone document with the front, constants and theory tables.
  public static func latex(_ report: Report) -> String {
    LatexTables.document(
      title: "Formulas for \(report.data.targetName)",
      tables: [
        LatexTables.frontTable(report.entries, selected: report.selected),
        LatexTables.constantsTable(constantsEntry(report)),
        LatexTables.comparisonTable(report.comparison),
      ])
  }

  /// The entry whose constants the report states: the honest refit in `--honest` mode, else the all-rows fit.
  static func constantsEntry(_ report: Report) -> FormulaEntry {
    if let fit = report.honest?.fit { return FormulaEntry(fit: fit) }
    return report.entries[report.selected]
  }

  static func fmt(_ x: Double?, _ digits: Int = 4) -> String { ReportFormat.optional(x, digits: digits) }

  /// report.md text.
  public static func markdown(_ report: Report, plotNames: [String]) -> String {
    let data = report.data
    let s = report.summary
    let run = report.document.run
    let entry = report.entries[report.selected]
    let fit = report.selectedFit
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

    // Data.
    md += "## Data\n\n"
    md +=
      "\(s.rows) rows, \(s.distinctPoints) distinct grid points of (\(data.features.joined(separator: ", "))), \(s.replicatedPoints) of them repeated. Target `\(data.targetName)` ranges from \(fmt(s.target.minimum)) to \(fmt(s.target.maximum)) (median \(fmt(s.target.median))).\n\n"
    md += "| feature | min | median | max | distinct values |\n|---|---:|---:|---:|---:|\n"
    for r in s.features {
      md += "| \(r.name) | \(fmt(r.minimum, 6)) | \(fmt(r.median, 6)) | \(fmt(r.maximum, 6)) | \(r.distinctValues) |\n"
    }
    md += "\n"
    if let ceiling = s.noiseCeilingR2, let within = s.withinPointFraction {
      md +=
        "**Replicate-noise ceiling.** Rows that share every feature value differ only by noise: the within-point sum of squares is \(ReportFormat.number(100 * within, digits: 3))% of the total, so no function of these features can reach an R² above **\(ReportFormat.number(ceiling, digits: 4))**.\n\n"
    } else {
      md += "No grid point is repeated, so the replicate-noise ceiling on R² cannot be estimated.\n\n"
    }
    if s.singleTaskRowsWithAMIOne > 0 {
      md +=
        "**Single-task rows.** \(s.singleTaskRowsWithAMIOne) rows have T = 1 (no auxiliary task) and are coded with AMI = 1, as in the core paper; AMI carries no relatedness information on those rows.\n\n"
    } else if s.singleTaskRows > 0 {
      md += "\(s.singleTaskRows) rows have T = 1 (single-task training).\n\n"
    }
    if let weights = data.weights {
      md += "Fits are weighted least squares (\(weights.count) weights).\n\n"
    }
    for note in report.settings.notes { md += note + "\n\n" }

    // Front.
    md += "## Pareto front\n\n"
    md +=
      "| | complexity | formula | R² | R² validation | R² test | AICc | BIC | CV R² |\n|---|---:|---|---:|---:|---:|---:|---:|---:|\n"
    for (i, e) in report.entries.enumerated() {
      md +=
        "| \(i == report.selected ? "**→**" : "") | \(e.complexity) | `\(e.expression)` | \(fmt(e.r2)) | \(fmt(e.r2Validation)) | \(fmt(e.r2Test)) | \(fmt(e.aicc, 6)) | \(fmt(e.bic, 6)) | \(fmt(e.crossValidation?.r2Mean)) |\n"
    }
    md += "\n![Pareto front](plots/pareto.svg)\n\n"
    md += selectionSection(report)
    for note in report.notes where note.hasPrefix("Front") { md += note + "\n\n" }

    // Selected formula.
    md += "## Selected formula\n\n"
    md += "`\(data.targetName) = \(fit.expression)` (\(entry.complexity) nodes; \(fit.method)).\n\n"
    let constantsSource = constantsEntry(report)
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

    // Theory comparison.
    md += theorySection(report)
    md += exponentSection(report)
    md += honestSection(report)
    md += extrapolationSection(report)
    md += bootstrapSection(report)

    md += "## Plots\n\n"
    for name in plotNames where name.hasPrefix("curve_") || name.hasPrefix("residuals_") {
      md += "![\(name)](plots/\(name))\n\n"
    }
    md +=
      "Curves show the fitted formula against one feature with the others at their median; the shaded band is the 95% confidence band of the mean (delta method with the constants' covariance). Points are the observations, coloured by a second feature.\n\n"

    md += "## Reproduce\n\n"
    md += "```\n\(run.command)\n```\n\n"
    md += "| | |\n|---|---|\n"
    md += "| tool version | \(run.version) |\n"
    md += "| commit | \(run.commit ?? "unknown (not built from a git checkout)") |\n"
    md += "| seed | \(run.seed.map { String($0) } ?? "none") |\n"
    md += "| input SHA-256 | \(run.inputSHA256 ?? "unavailable") |\n"
    if let seconds = run.seconds { md += "| seconds | \(ReportFormat.number(seconds, digits: 3)) |\n" }
    if let evaluations = run.evaluations { md += "| evaluations | \(evaluations) |\n" }
    md +=
      "\nFiles: `formulas.json` (result document with every statistic), `front.csv`, `formulas.tex` (booktabs tables), `plots/`.\n"
    return md
  }

  static func theorySection(_ report: Report) -> String {
    let c = report.comparison
    var md = "## Theory comparison\n\n"
    md +=
      "Each form is fitted by least squares on all rows and ranked by AICc (lower is better; ΔAICc > 10 means essentially no support). BIC and grouped \(c.folds)-fold cross-validated error are shown as checks.\n\n"
    md +=
      "| rank | name | form | constants | R² | ΔAICc | AICc weight | BIC rank | CV R² | CV RMSE | CV rank |\n|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n"
    let bic = c.bicRanks
    let cv = c.cvRanks
    for (i, r) in c.results.enumerated() {
      guard let fit = r.fit else { continue }
      md +=
        "| \(i + 1) | \(r.name) | `\(r.hypothesis.formula)` | \(fit.constants.count) | \(fmt(fit.goodness.r2)) | \(fmt(r.deltaAICc, 4)) | \(fmt(r.aiccWeight, 3)) | \(bic[r.name].map(String.init) ?? "–") | \(fmt(r.crossValidation?.r2Mean)) | \(fmt(r.crossValidation?.rmseMean, 3)) | \(cv[r.name].map(String.init) ?? "–") |\n"
    }
    md += "\n"
    let failed = c.results.filter { $0.fit == nil }
    if !failed.isEmpty {
      md += "Not fitted: " + failed.map { "\($0.name) (\($0.failure ?? "failed"))" }.joined(separator: "; ") + ".\n\n"
    }
    if let best = c.best {
      md += "**Verdict.** `\(best.name)` has the lowest AICc"
      let runnerUp = c.results.dropFirst().first { $0.fit != nil }
      if let runnerUp, let d = runnerUp.deltaAICc {
        md += "; the next form, `\(runnerUp.name)`, is \(ReportFormat.number(d, digits: 3)) AICc units behind"
      }
      md += ".\n\n"
    }
    if !c.nestedTests.isEmpty {
      md +=
        "**Nested forms (F test).** Where one linear form is a special case of another, the F test asks whether the extra terms explain real variance:\n\n"
      md += "| smaller | larger | F | df | p |\n|---|---|---:|---|---:|\n"
      for t in c.nestedTests {
        md +=
          "| \(t.smaller) | \(t.larger) | \(fmt(t.f, 4)) | \(t.numeratorDegrees), \(t.denominatorDegrees) | \(ReportFormat.p(t.p)) |\n"
      }
      md += "\n"
    }
    return md
  }

  static func exponentSection(_ report: Report) -> String {
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

  static func honestSection(_ report: Report) -> String {
    var md = "## Honest uncertainty\n\n"
    guard let h = report.honest else {
      return md
        + "Mode: **all rows**. The formula was chosen and its constants estimated on the same rows, so the intervals above are optimistic. Rerun with `--honest` to select on one grouped half and estimate on the other.\n\n"
    }
    md +=
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

  static func extrapolationSection(_ report: Report) -> String {
    var md = "## Extrapolation\n\n"
    guard let x = report.extrapolation else {
      return md
        + "Not requested (use `--extrapolate \"n>20000\"` to fit on the other rows and score the held-out ones).\n\n"
    }
    md +=
      "Rows with \(x.rule) (\(x.heldOutRows)) were held out; each form was fitted on the other \(x.fittedRows) rows and scored on them.\n\n"
    md += "| name | RMSE | MAE | R² | bias (observed − predicted) |\n|---|---:|---:|---:|---:|\n"
    for r in x.results.sorted(by: { ($0.rmse ?? .infinity) < ($1.rmse ?? .infinity) }) {
      md += "| \(r.name) | \(fmt(r.rmse)) | \(fmt(r.mae)) | \(fmt(r.r2)) | \(fmt(r.bias)) |\n"
    }
    md +=
      "\nR² on held-out rows can be negative when they span a narrow range of the target; compare RMSE across forms.\n\n"
    return md
  }

  static func bootstrapSection(_ report: Report) -> String {
    var md = "## Bootstrap structure stability\n\n"
    guard let b = report.bootstrap else {
      let reason = report.settings.bootstrapReplicates <= 0 ? "`--bootstrap 0`" : "the front was given, not searched"
      return md + "Not run (\(reason)).\n\n"
    }
    md +=
      "The search was rerun on \(b.replicates) grouped bootstrap resamples (seed \(b.seed))\(report.settings.rerunDescription.map { ", each \($0)" } ?? ""); constants are abstracted as C when comparing structures.\n\n"
    md += "| structure | selected | on the front | example |\n|---|---:|---:|---|\n"
    for s in b.structures {
      md += "| `\(s.key)` | \(s.count)/\(b.replicates) | \(s.onFront)/\(b.replicates) | `\(s.example)` |\n"
    }
    if let r = b.reference, b.replicates > 0 {
      md +=
        "\nThe structure of this report's formula, `\(r.key)`, was selected in \(r.selected) of \(b.replicates) resamples and was on the finished front (found by the search, whichever member was selected) in \(r.onFront).\n"
    }
    if let top = b.structures.first, b.replicates > 1 {
      if top.count == 1 && b.structures.count > 1 {
        md +=
          "\nEvery resample selected a different structure: these data do not pin down the exact form, only which features matter.\n"
      } else if 2 * top.count >= b.replicates {
        md +=
          "\nThe modal structure `\(top.key)` was selected in \(top.count) of \(b.replicates) resamples: a stable finding.\n"
      } else {
        md +=
          "\nThe most frequent structure `\(top.key)` was selected in only \(top.count) of \(b.replicates) resamples: the form is not stable.\n"
      }
    }
    md +=
      "\nFeatures used by the selected formulas: "
      + b.featureCounts.map { "\($0.feature) \($0.count)/\(b.replicates)" }.joined(separator: ", ") + ".\n\n"
    if b.failures > 0 { md += "\(b.failures) resamples returned no formula.\n\n" }
    return md
  }

  /// Why the selected formula won, in the words of the selection rule.
  static func selectionSection(_ report: Report) -> String {
    guard let selection = report.selection else { return "" }
    var md = "**Why this formula.** Rule `\(selection.rule.rawValue)`: \(selection.reason)."
    if selection.rule == .cv1se {
      md +=
        " Every member's constants were refitted on each of \(selection.folds) \(selection.grouped ? "grouped " : "")folds of the search's \(selection.rows) fitting rows (rows of one grid point never straddle folds); the loss is the weighted mean squared error on the held-out rows, and the standard error is that of the paired per-group differences to the best member"
      if let noise = selection.noiseVariance {
        md += "; the replicate-noise level is \(ReportFormat.number(noise, digits: 3))"
      }
      md += ". Other rules: `--select score|aicc|bic`."
    }
    md += "\n\n"
    let scored = selection.members.enumerated().filter { $0.element.cvLoss != nil }
    if !scored.isEmpty {
      md += "| | complexity | CV loss | SE | Δ to best | SE of Δ |\n|---|---:|---:|---:|---:|---:|\n"
      for (i, m) in scored where report.entries.indices.contains(i) {
        let mark = i == selection.selected ? "**→**" : (i == selection.best ? "best" : "")
        md +=
          "| \(mark) | \(report.entries[i].complexity) | \(fmt(m.cvLoss, 4)) | \(fmt(m.cvStandardError, 2)) | \(fmt(m.differenceToBest, 3)) | \(fmt(m.differenceStandardError, 2)) |\n"
      }
      md += "\n"
    }
    return md
  }
}
