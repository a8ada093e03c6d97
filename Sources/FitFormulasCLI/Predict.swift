import ArgumentParser

/// `fit-formulas predict --model formulas.json DATA.csv` (stub until the reports issue lands).
struct Predict: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "Evaluate a saved formula on new rows.")

  @Option(help: "Result document (formulas.json or --json output).")
  var model: String

  @Argument(help: "Rows to evaluate (CSV).")
  var data: String

  func run() throws {
    throw InputError(description: "predict is not built yet")
  }
}
