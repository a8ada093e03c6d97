import ArgumentParser
import Foundation

/// The default subcommand: search for formulas, or fit one given with `--fit`.
struct Discover: ParsableCommand {
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

  @Option(help: "Folds of the grouped cross-validation (0 to skip).")
  var folds: Int = 5

  @OptionGroup(title: "Search") var search: SearchOptions

  @OptionGroup(title: "Report") var report: ReportOptions

  func validate() throws {
    if folds < 0 || folds == 1 { throw ValidationError("--folds must be 0 (skip) or at least 2") }
    if fit == nil, !starts.isEmpty { throw ValidationError("--start applies to --fit only") }
  }

  func run() throws {
    let input = try LoadedInput(options: common)
    if report.report != nil {
      if let fit {
        try ReportRun.run(input, fit: fit, starts: try parseStarts(), common: common, report: report, folds: folds)
      } else {
        try ReportRun.run(input, search: search, common: common, report: report, folds: folds)
      }
      return
    }
    if let fit {
      try FixedFormRun(input: input, formula: fit, starts: try parseStarts(), folds: folds, common: common).run()
    } else {
      try SearchRun.run(input, options: search, common: common, folds: folds)
    }
  }

  private func parseStarts() throws -> [String: Double] {
    var result: [String: Double] = [:]
    for item in starts {
      let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
      guard parts.count == 2, !parts[0].isEmpty, let value = Double(parts[1]), value.isFinite else {
        throw InputError(description: "--start '\(item)': expected name=value with a finite number")
      }
      result[parts[0]] = value
    }
    return result
  }
}
