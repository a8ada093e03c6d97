import ArgumentParser
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
    let document = try ResultDocument(contentsOfFile: model)
    let table = try PredictionTable(document: document, source: model, index: index, path: data, rename: rename)
    guard let out else { return print(table.csv, terminator: "") }
    try AtomicFile.write(table.csv, to: out)
    print("wrote \(table.rowCount) predictions of \(document.target) = \(table.entry.expression) to \(out)")
  }
}
