import ArgumentParser
import Reports

/// The default subcommand: search for formulas, or fit one given with `--fit`.
struct SearchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "search",
    abstract: "Search for formulas explaining the target (default), or fit a given formula with --fit.",
    discussion: """
      Columns named as in the core paper's CSV are renamed automatically \
      (n_tasks -> T, n_tokens_per_task -> n, mutual_info -> AMI); --rename overrides.
      """)

  @OptionGroup var common: CommonOptions

  @Option(
    help: ArgumentHelp(
      "Fit this formula instead of searching; identifiers that are not columns are constants.",
      valueName: "formula"))
  var fit: String?

  @Option(
    name: .customLong("start"),
    help: ArgumentHelp(
      "Start value of a constant for --fit (repeatable; default 1).",
      valueName: "name=value"))
  var starts: [String] = []

  @Option(
    name: .customLong("group-by"), help: "With --fit: fit per group of rows (e.g. method), test shared constants.")
  var groupBy: String?

  @Option(help: "Folds of the grouped cross-validation (0 to skip).")
  var folds: Int = 5

  @OptionGroup(title: "Search") var search: SearchOptions

  @OptionGroup(title: "Report") var report: ReportOptions

  func validate() throws {
    if fit == nil, !starts.isEmpty { throw ValidationError("--start applies to --fit only") }
    if groupBy != nil, fit == nil || report.report != nil { throw ValidationError("--group-by applies to --fit only") }
  }

  func run() throws {
    let input = try ResultsInput(common.request)
    let configuration = try search.configuration(seed: common.seed, threads: common.threads, folds: folds)
    let starts = try FixedFormAnalysis.starts(parsing: starts)
    switch (fit, report.report) {
    case (let fit?, nil):
      try FixedFormRun.run(input, formula: fit, starts: starts, folds: folds, groupBy: groupBy, common: common)
    case (let fit?, _?):
      try ReportRun.run(input, fit: fit, starts: starts, common: common, report: report, folds: folds)
    case (nil, nil): try SearchRun.run(input, configuration: configuration, common: common)
    case (nil, _?): try ReportRun.run(input, configuration: configuration, common: common, report: report, folds: folds)
    }
  }
}
