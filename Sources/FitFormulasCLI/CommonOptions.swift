import ArgumentParser
import Reports

/// Options shared by every mode that reads a results table.
struct CommonOptions: ParsableArguments {
  @Argument(help: "Results table (CSV with a header row).")
  var data: String

  @Option(help: "Column to explain (default: fscore when present).")
  var target: String?

  @Option(help: "Comma-separated feature columns (search mode; default: every numeric input column).")
  var features: String?

  @Option(
    help: ArgumentHelp(
      "Rename columns before use, e.g. n_tasks:T,n_tokens_per_task:n,mutual_info:AMI.",
      valueName: "old:new,..."))
  var rename: String?

  @Option(help: "Column of per-row weights for weighted least squares.")
  var weights: String?

  @Option(
    name: .customLong("weights-from-sd"),
    help: ArgumentHelp(
      "Column of per-point standard deviations: weights 1/max(sd, floor)². Default: std_fscore when present and --weights is not given; 'none' to turn off.",
      valueName: "column"))
  var weightsFromSD: String?

  @Option(
    help: ArgumentHelp(
      "Floor of the standard deviations for --weights-from-sd (default: their 10th percentile among positive values).",
      valueName: "sd"))
  var sdFloor: Double?

  @Option(help: "Seed of every random choice (splits, folds, search).")
  var seed: UInt64 = 1

  @Option(
    help: "Worker threads, 0 for every core (results are identical for any count when the budget is counted in work).")
  var threads: Int?

  @Option(help: "Write the result document (JSON) to this file.")
  var json: String?

  /// What to read from the table.
  var request: InputRequest {
    InputRequest(
      path: data, target: target, features: features, rename: rename, weights: weights, weightsFromSD: weightsFromSD,
      sdFloor: sdFloor)
  }

  /// The `run` block of the result document.
  func runInfo(_ input: ResultsInput, threads: Int, seconds: Double? = nil, evaluations: Int? = nil) -> RunInfo {
    .current(
      tool: "fit-formulas", seed: seed, threads: threads, seconds: seconds, evaluations: evaluations,
      inputSHA256: input.sha256)
  }
}
