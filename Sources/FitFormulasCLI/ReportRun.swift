import CommandLineSupport
import Expressions
import Foundation
import Reports
import Support
import SymbolicRegression

/// `--report DIR`: runs the search (or fits `--fit`), computes the report's analyses and writes the folder.
enum ReportRun {
  /// Report of a formula search.
  static func run(
    _ input: ResultsInput, configuration: SearchConfiguration, common: CommonOptions, report options: ReportOptions,
    folds: Int
  ) throws {
    let clock = ContinuousClock.now
    let features = try input.featureNames()
    let (data, notes) = try reportData(input, features: features, formulas: [], options: options)
    let settings = try settings(options, common: common, folds: folds, notes: notes)
    let plan = ReportTimePlan(total: configuration.timeLimit, reruns: settings.reruns)
    if let summary = input.renameSummary { print(summary) }
    print("target: \(input.target)   features: \(features.joined(separator: ", "))   rows: \(data.rowCount)")
    if let line = plan.description { print(line) }
    var events = SearchedReport.Events()
    events.searched = { result, count in
      print(
        "search: \(result.evaluations) evaluations in \(ReportTimePlan.seconds(result.seconds)), stopped by "
          + "\(result.stopReason); front of \(count) formulas")
      if plan.total == nil, plan.reruns > 0 {
        print(
          "reruns: \(plan.reruns) searches (bootstrap\(options.honest ? " and --honest" : "")) of the same budget, "
            + "about \(ReportTimePlan.seconds(Double(plan.reruns) * result.seconds)) (--bootstrap 0 or --time-limit shortens this)"
        )
      }
    }
    events.rerunFinished = RerunProgress(total: plan.reruns).finishedOne
    let run = RunInfo.current(
      tool: "fit-formulas", seed: common.seed, threads: configuration.threads, seconds: nil, evaluations: nil,
      inputSHA256: input.sha256)
    let (report, _) = try SearchedReport.make(
      data: data, problem: try input.searchProblem(features: features, weights: data.weights),
      configuration: configuration, settings: settings, run: run, events: events
    ) { try SearchRun.search($0, configuration: $1, label: "search") }
    try write(report, started: clock, input: input, common: common, options: options)
  }

  /// Report of a fixed form (`--fit FORMULA --report DIR`): the front is that one formula.
  static func run(
    _ input: ResultsInput, fit formula: String, starts: [String: Double], common: CommonOptions,
    report options: ReportOptions, folds: Int
  ) throws {
    let clock = ContinuousClock.now
    let expression = try input.parseFormula(formula)
    var features = try input.featureNames()
    for name in expression.orderedSymbols where input.table.hasColumn(name) && !features.contains(name) {
      features.append(name)
    }
    let (data, notes) = try reportData(input, features: features, formulas: [expression], options: options)
    if let summary = input.renameSummary { print(summary) }
    var settings = try settings(options, common: common, folds: folds, notes: notes)
    settings.searchDescription = "fitting the given form (--fit)"
    let run = RunInfo.current(
      tool: "fit-formulas", seed: common.seed, threads: 1, seconds: nil, evaluations: nil, inputSHA256: input.sha256)
    let report = try Report(
      data: data, candidates: [ReportCandidate(formula: expression, starts: starts)], selected: 0,
      settings: settings, run: run)
    try write(report, started: clock, input: input, common: common, options: options)
  }

  /// Writes the folder (and `--json`) with the run's time, then prints the selected formula.
  private static func write(
    _ report: Report, started: ContinuousClock.Instant, input: ResultsInput, common: CommonOptions,
    options: ReportOptions
  ) throws {
    guard let directory = options.report else { return }
    var report = report
    report.document.run.seconds = (ContinuousClock.now - started).seconds
    try ReportWriter.write(report, to: directory)
    if let path = common.json { try AtomicFile.write(report.document.text(), to: path) }
    let fit = report.selectedFit
    print(
      "selected: \(input.target) = \(fit.displayed.readable)   (R² \(TerminalFormat.optional(fit.goodness.r2, digits: 4)))"
    )
    if let best = report.comparison.best { print("theory comparison: lowest AICc \(best.name)") }
    print("wrote \((directory as NSString).appendingPathComponent("report.md"))")
  }

  /// The report's rows (features plus columns the hypotheses or the fitted formula name) and the notes on renames
  /// and weights.
  private static func reportData(
    _ input: ResultsInput, features: [String], formulas: [Expressions.Expression], options: ReportOptions
  ) throws -> (ReportData, [String]) {
    let hypotheses = try HypothesisLibrary.user(texts: options.hypotheses, file: options.hypothesesFile)
    let (weights, note) = try input.rowWeights()
    let data = try input.reportData(
      features: features, formulas: formulas + hypotheses.map(\.formula), weights: weights)
    let renames = input.renameSummary.map {
      "Columns " + $0.replacingOccurrences(of: "renamed columns: ", with: "renamed: ") + "."
    }
    return (data, [renames, note].compactMap { $0 })
  }

  private static func settings(_ options: ReportOptions, common: CommonOptions, folds: Int, notes: [String]) throws
    -> ReportSettings
  {
    var s = ReportSettings()
    s.hypotheses = try HypothesisLibrary.user(texts: options.hypotheses, file: options.hypothesesFile)
    s.includeBuiltIns = !options.noBuiltInHypotheses
    s.folds = folds
    s.seed = common.seed
    s.honest = options.honest
    s.bootstrapReplicates = options.bootstrap
    s.notes = notes
    s.extrapolation = try options.extrapolate.map(ExtrapolationRule.init(parsing:))
    return s
  }
}
