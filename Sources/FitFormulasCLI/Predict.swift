import ArgumentParser
import DataTable
import Expressions
import Foundation
import Reports
import Support

/// `fit-formulas predict --model formulas.json DATA.csv`: evaluates a saved formula with a 95% confidence band.
struct Predict: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Evaluate a saved formula on new rows, with a 95% confidence band of the mean (delta method).",
    discussion: """
      Writes the input columns plus prediction, se, lower95 and upper95. The band uses the covariance of the \
      constants and the residual degrees of freedom stored in the result document; without them se and the band are empty.
      """)

  @Option(help: "Result document (formulas.json of a report, or --json output).")
  var model: String

  @Argument(help: "Rows to evaluate (CSV with the formula's variables as columns).")
  var data: String

  @Option(help: "Write the rows with predictions to this CSV file (default: standard output).")
  var out: String?

  @Option(help: "Index of the front formula to use (default: the selected one).")
  var index: Int?

  @Option(help: ArgumentHelp("Rename columns of DATA.csv before use.", valueName: "old:new,..."))
  var rename: String?

  func run() throws {
    guard let bytes = FileManager.default.contents(atPath: model) else {
      throw InputError(description: "cannot read --model '\(model)': no such file")
    }
    let document: ResultDocument
    do {
      document = try ResultDocument(
        json: try JSONValue(parsing: String(decoding: bytes, as: UTF8.self), source: model),
        source: model)
    } catch {
      throw InputError(description: "--model: \(error)")
    }
    let chosen = index ?? document.selected
    guard document.front.indices.contains(chosen) else {
      throw InputError(description: "--index \(chosen): \(model) has formulas 0 to \(document.front.count - 1)")
    }
    let entry = document.front[chosen]
    let expression: Expressions.Expression
    do {
      expression = try Expressions.Expression(parsing: entry.expression)
    } catch {
      throw InputError(description: "\(model): front[\(chosen)] expression: \(error)")
    }
    let constantNames = entry.constants.map(\.name)
    let variables = expression.orderedSymbols.filter { !constantNames.contains($0) }

    var table = try DataTable(contentsOfFile: data)
    var mapping: [String: String] = [:]
    let explicit = try rename.map(parseRenameList) ?? [:]
    for (from, to) in LoadedInput.paperColumns
    where table.hasColumn(from) && !table.hasColumn(to)
      && explicit[from] == nil && variables.contains(to)
    {
      mapping[from] = to
    }
    for (from, to) in explicit {
      guard table.hasColumn(from) else {
        throw InputError(
          description:
            "--rename: column '\(from)' not found in \(data) (columns: \(table.columnNames.joined(separator: ", ")))")
      }
      mapping[from] = to
    }
    if !mapping.isEmpty { table = try table.renamingColumns(mapping) }
    var columns: [String: [Double]] = [:]
    for name in variables {
      guard table.hasColumn(name) else {
        throw InputError(
          description:
            "column '\(name)' (a variable of \(entry.expression)) not found in \(data) (columns: \(table.columnNames.joined(separator: ", ")))"
        )
      }
      columns[name] = try table.numericColumn(name)
    }
    let band = ConfidenceBand(
      expression: expression, constants: entry.constants.map { ($0.name, $0.value) },
      covariance: entry.covariance, degreesOfFreedom: entry.degreesOfFreedom,
      columns: columns, rowCount: table.rowCount)
    var writer = CSVWriter(header: table.columnNames + ["prediction", "se", "lower95", "upper95"])
    let text = try table.columnNames.map { try table.textColumn($0) }
    for row in 0..<table.rowCount {
      func cell(_ values: [Double]?) -> String {
        guard let value = values?[row], value.isFinite else { return "" }
        return CSVWriter.format(value)
      }
      try writer.appendRow(
        text.map { $0[row] } + [
          cell(band.predictions), cell(band.standardErrors), cell(band.lower),
          cell(band.upper),
        ])
    }
    if let out {
      do {
        try AtomicFile.write(writer.text, to: out)
      } catch {
        throw RunFailure(description: "cannot write --out '\(out)': \(error)")
      }
      print("wrote \(table.rowCount) predictions of \(document.target) = \(entry.expression) to \(out)")
    } else {
      print(writer.text, terminator: "")
    }
  }
}
