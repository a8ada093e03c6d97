import Expressions
import SymbolicRegression

/// The data: rows, grid points, feature ranges, the replicate-noise ceiling, weights and notes.
enum DataSection: MarkdownSection {
  static func markdown(_ report: Report, plotNames: [String]) -> String {
    let data = report.data
    let s = report.summary
    var md = ""
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
    return md
  }
}
