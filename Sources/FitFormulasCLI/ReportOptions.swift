import ArgumentParser
import Reports

/// Options of `--report DIR` (the paper-style report of a search or of a fixed form).
struct ReportOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Write a report folder: report.md, plots/*.svg, formulas.tex, formulas.json, front.csv.",
      valueName: "DIR"))
  var report: String?

  @Option(
    name: .customLong("hypothesis"),
    help: ArgumentHelp(
      "Add a named form to the theory comparison (repeatable), e.g. \"mine=a + b/sqrt(n*T)\".",
      valueName: "name=formula"))
  var hypotheses: [String] = []

  @Option(
    name: .customLong("hypotheses"),
    help: ArgumentHelp(
      "File of name=formula lines to add to the theory comparison ('#' starts a comment).",
      valueName: "FILE"))
  var hypothesesFile: String?

  @Flag(
    help:
      "Choose the structure on one grouped half of the rows, report constants, CIs and R² from a refit on the other half."
  )
  var honest = false

  @Option(
    help: ArgumentHelp(
      "Hold out these rows, fit on the rest and report the error on them, e.g. \"n>20000\".",
      valueName: "FEATURE>VALUE"))
  var extrapolate: String?

  @Option(help: ArgumentHelp("Grouped bootstrap resamples on which the search is rerun (0 to skip).", valueName: "B"))
  var bootstrap: Int = 20

  @Flag(help: "Leave the built-in theory forms out of the comparison.")
  var noBuiltInHypotheses = false

  func validate() throws {
    if report == nil {
      let used = [
        !hypotheses.isEmpty ? "--hypothesis" : nil, hypothesesFile != nil ? "--hypotheses" : nil,
        honest ? "--honest" : nil, extrapolate != nil ? "--extrapolate" : nil,
        noBuiltInHypotheses ? "--no-built-in-hypotheses" : nil,
      ].compactMap { $0 }
      if let first = used.first { throw ValidationError("\(first) applies to --report only") }
    }
    if bootstrap < 0 { throw ValidationError("--bootstrap must be 0 (skip) or positive") }
  }

  /// The report's settings for these options.
  func settings(seed: UInt64, folds: Int) throws -> ReportSettings {
    var s = ReportSettings()
    s.hypotheses = try HypothesisLibrary.user(texts: hypotheses, file: hypothesesFile)
    s.includeBuiltIns = !noBuiltInHypotheses
    s.folds = folds
    s.seed = seed
    s.honest = honest
    s.bootstrapReplicates = bootstrap
    s.extrapolation = try extrapolate.map(ExtrapolationRule.init(parsing:))
    return s
  }
}
