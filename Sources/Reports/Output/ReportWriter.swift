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

  /// report.md text: the sections in ``MarkdownSection/order``.
  public static func markdown(_ report: Report, plotNames: [String]) -> String {
    MarkdownSections.order.map { $0.markdown(report, plotNames: plotNames) }.joined()
  }
}
