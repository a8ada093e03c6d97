import Expressions
import SymbolicRegression

/// Bootstrap structure stability: how often each structure is selected and on the front across resamples.
enum BootstrapSection: MarkdownSection {
  static func markdown(_ report: Report, plotNames: [String]) -> String {
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
}
