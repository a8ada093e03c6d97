import Expressions
import SymbolicRegression

/// How to reproduce the report: command, version, commit, seed, input digest.
enum ReproduceSection: MarkdownSection {
  static func markdown(_ report: Report, plotNames: [String]) -> String {
    let run = report.document.run
    var md = ""
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
}
