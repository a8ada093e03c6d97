import CommandLineSupport
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
    var settings = try options.settings(seed: common.seed, folds: folds)
    let features = try input.featureNames()
    let (data, notes) = try input.reportRows(features: features, formulas: [], hypotheses: settings.hypotheses)
    settings.notes = notes
    let plan = ReportTimePlan(total: configuration.timeLimit, reruns: settings.reruns)
    if let summary = input.renameSummary { print(summary) }
    print("target: \(input.target)   features: \(features.joined(separator: ", "))   rows: \(data.rowCount)")
    if let line = plan.description { print(line) }
    var events = SearchedReport.Events()
    events.searched = { result, count in
      print(TerminalSummary.searchFinished(result, candidates: count))
      if let line = plan.rerunEstimate(searchSeconds: result.seconds, honest: options.honest) { print(line) }
    }
    events.rerunFinished = StepProgress(label: "reruns", total: plan.reruns).finishedOne
    let run = common.runInfo(input, threads: configuration.threads)
    let (report, _) = try SearchedReport.make(
      data: data, problem: try input.searchProblem(features: features, weights: data.weights),
      configuration: configuration, settings: settings, run: run, events: events
    ) { try SearchRun.search($0, configuration: $1, label: "search") }
    try write(report, started: clock, input: input, common: common, directory: options.report)
  }

  /// Report of a fixed form (`--fit FORMULA --report DIR`): the front is that one formula.
  static func run(
    _ input: ResultsInput, fit formula: String, starts: [String: Double], common: CommonOptions,
    report options: ReportOptions, folds: Int
  ) throws {
    let clock = ContinuousClock.now
    let settings = try options.settings(seed: common.seed, folds: folds)
    let run = common.runInfo(input, threads: 1)
    let report = try FixedFormReport.make(
      input: input, formula: formula, starts: starts, settings: settings, run: run)
    if let summary = input.renameSummary { print(summary) }
    try write(report, started: clock, input: input, common: common, directory: options.report)
  }

  /// Writes the folder (and `--json`) with the run's time, then prints the selected formula.
  private static func write(
    _ report: Report, started: ContinuousClock.Instant, input: ResultsInput, common: CommonOptions,
    directory: String?
  ) throws {
    guard let directory else { return }
    var report = report
    report.document.run.seconds = (ContinuousClock.now - started).seconds
    try ReportWriter.write(report, to: directory)
    if let path = common.json { try AtomicFile.write(report.document.text(), to: path) }
    let file = (directory as NSString).appendingPathComponent("report.md")
    print(TerminalSummary.reportWritten(report, target: input.target, file: file))
  }
}
