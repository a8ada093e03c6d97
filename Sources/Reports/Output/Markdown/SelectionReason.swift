import SymbolicRegression

/// Why the selected formula won, in the words of the selection rule (part of the front section).
enum SelectionReason {
  static func markdown(_ report: Report) -> String {
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
