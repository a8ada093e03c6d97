import Expressions
import SymbolicRegression

/// The theory comparison: each form ranked by AICc, with BIC, cross-validation and nested F tests.
enum TheorySection: MarkdownSection {
  static func markdown(_ report: Report, plotNames: [String]) -> String {
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
}
