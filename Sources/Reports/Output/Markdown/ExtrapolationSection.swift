import Expressions
import SymbolicRegression

/// Extrapolation: forms fitted on some rows and scored on held-out ones.
enum ExtrapolationSection: MarkdownSection {
  static func markdown(_ report: Report, plotNames: [String]) -> String {
    section(
      "Extrapolation", report.extrapolation,
      absent: "Not requested (use `--extrapolate \"n>20000\"` to fit on the other rows and score the held-out ones)."
    ) { x in
      var md =
        "Rows with \(x.rule) (\(x.heldOutRows)) were held out; each form was fitted on the other \(x.fittedRows) rows and scored on them.\n\n"
      md += "| name | RMSE | MAE | R² | bias (observed − predicted) |\n|---|---:|---:|---:|---:|\n"
      for r in x.results.sorted(by: { ($0.rmse ?? .infinity) < ($1.rmse ?? .infinity) }) {
        md += "| \(r.name) | \(fmt(r.rmse)) | \(fmt(r.mae)) | \(fmt(r.r2)) | \(fmt(r.bias)) |\n"
      }
      md +=
        "\nR² on held-out rows can be negative when they span a narrow range of the target; compare RMSE across forms.\n\n"
      return md
    }
  }
}
