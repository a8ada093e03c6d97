import DataTable
import Expressions
import Foundation
import Support

/// A saved formula evaluated on new rows: the input columns plus `prediction`, `se`, `lower95` and `upper95`
/// (the 95% confidence band of the mean by the delta method; empty without a stored covariance).
public struct PredictionTable {
  /// The front member used.
  public let entry: FormulaEntry
  /// The CSV text.
  public let csv: String
  public let rowCount: Int

  /// Evaluates front member `index` (nil: the selected one) of `document` on the CSV file at `path`, after the
  /// automatic renames of the paper's column names that the formula needs and the rename list `rename`.
  public init(document: ResultDocument, source: String, index: Int?, path: String, rename: String?) throws {
    let chosen = index ?? document.selected
    guard document.front.indices.contains(chosen) else {
      throw ReportError(
        setting: "index", "\(chosen) is not a formula of \(source) (it has formulas 0 to \(document.front.count - 1))")
    }
    let entry = document.front[chosen]
    let expression: Expressions.Expression
    do {
      expression = try Expressions.Expression(parsing: entry.expression)
    } catch {
      throw ReportError("\(source): front[\(chosen)] expression: \(error)")
    }
    let constantNames = entry.constants.map(\.name)
    let variables = expression.orderedSymbols.filter { !constantNames.contains($0) }
    let (table, _) = try ColumnRenames.apply(
      to: try DataTable(contentsOfFile: path), list: rename, source: path, wanted: variables.contains)
    var columns: [String: [Double]] = [:]
    for name in variables {
      guard table.hasColumn(name) else {
        throw ReportError(
          "column '\(name)' (a variable of \(entry.expression)) not found in \(path) (columns: \(table.columnList))")
      }
      columns[name] = try table.numericColumn(name)
    }
    let band = ConfidenceBand(
      expression: expression, constants: entry.constants.map { ($0.name, $0.value) },
      covariance: entry.covariance, degreesOfFreedom: entry.degreesOfFreedom, columns: columns,
      rowCount: table.rowCount)
    var writer = CSVWriter(header: table.columnNames + ["prediction", "se", "lower95", "upper95"])
    let text = try table.columnNames.map { try table.textColumn($0) }
    for row in 0..<table.rowCount {
      func cell(_ values: [Double]?) -> String {
        guard let value = values?[row], value.isFinite else { return "" }
        return CSVWriter.format(value)
      }
      try writer.appendRow(
        text.map { $0[row] } + [cell(band.predictions), cell(band.standardErrors), cell(band.lower), cell(band.upper)])
    }
    self.entry = entry
    self.csv = writer.text
    self.rowCount = table.rowCount
  }
}

extension ResultDocument {
  /// Reads a result document (a report's formulas.json or a `--json` output) from a file (setting `model`).
  public init(contentsOfFile path: String) throws {
    guard let bytes = FileManager.default.contents(atPath: path) else {
      throw ReportError(setting: "model", "cannot read '\(path)': no such file")
    }
    do {
      try self.init(json: try JSONValue(parsing: String(decoding: bytes, as: UTF8.self), source: path), source: path)
    } catch {
      throw ReportError(setting: "model", "\(error)")
    }
  }
}
