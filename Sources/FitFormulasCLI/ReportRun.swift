import DataTable
import Expressions
import Foundation
import Reports
import Statistics
import Support
import SymbolicRegression

/// `--report DIR`: runs the search (or fits `--fit`), computes the report's analyses and writes the folder.
enum ReportRun {
  /// Report of a formula search.
  static func run(
    _ input: LoadedInput, search: SearchOptions, common: CommonOptions, report options: ReportOptions,
    folds: Int
  ) throws {
    let clock = ContinuousClock.now
    let features = try SearchRun.featureNames(input: input, common: common)
    let data = try reportData(input: input, features: features, extraFormulas: [], common: common, options: options)
    var configuration: SearchConfiguration
    do {
      configuration = try search.configuration(seed: common.seed, threads: common.threads, folds: folds)
    } catch {
      throw InputError(description: "\(error)")
    }
    let reruns = options.bootstrap + (options.honest ? 1 : 0)
    let plan = ReportTimePlan(total: configuration.timeLimit, reruns: reruns)
    configuration.timeLimit = plan.mainSearch
    if let summary = input.renameSummary { print(summary) }
    print("target: \(input.target)   features: \(features.joined(separator: ", "))   rows: \(data.data.rowCount)")
    if let line = plan.description { print(line) }
    let result = try SearchRun.search(
      problem(data.data, features: features), configuration: configuration, label: "search")
    var candidates: [ReportCandidate] = []
    var kept: [Int] = []
    for (i, e) in result.front.enumerated() {
      guard let formula = e.expression(featureNames: features), !e.constants.isEmpty else { continue }
      kept.append(i)
      candidates.append(
        ReportCandidate(
          formula: formula, starts: e.constantValues, complexity: e.complexity,
          r2Validation: e.r2Validation, r2Test: e.r2Test,
          rmseTest: e.testLoss.map { $0.squareRoot() }))
    }
    guard !candidates.isEmpty else {
      throw RunFailure(description: "the search found no formula with constants to report on")
    }
    let selected = kept.firstIndex(of: result.selected ?? kept[0]) ?? 0
    print(
      "search: \(result.evaluations) evaluations in \(ReportTimePlan.seconds(result.seconds)), stopped by \(result.stopReason); front of \(candidates.count) formulas"
    )
    let searchAgain = rerunSearch(result: result, configuration: configuration, features: features, plan: plan)
    if plan.total == nil, reruns > 0 {
      print(
        "reruns: \(reruns) searches (bootstrap\(options.honest ? " and --honest" : "")) of the same budget, about "
          + "\(ReportTimePlan.seconds(Double(reruns) * result.seconds)) (--bootstrap 0 or --time-limit shortens this)")
    }
    var settings = try settings(options: options, common: common, folds: folds, notes: data.notes)
    settings.searchDescription = "symbolic regression (seed \(common.seed), \(result.evaluations) evaluations)"
    settings.selection = result.selection?.keeping(kept)
    settings.rerunDescription =
      plan.rerunBudget.map {
        "a warm-started search (initial populations hold the main search's front) of about \(ReportTimePlan.seconds($0 / Double(max(1, reruns))))"
      }
      ?? "a warm-started search (initial populations hold the main search's front) of the main search's budget"
    let split = SplitInfo(
      testFraction: configuration.testFraction, validationFraction: configuration.validationFraction,
      grouped: configuration.groupedSplits, seed: configuration.seed, fitRows: "all")
    try finish(
      input: input, data: data.data, candidates: candidates, selected: selected, settings: settings,
      split: split, evaluations: result.evaluations, threads: configuration.threads, clock: clock,
      common: common, options: options, search: searchAgain)
  }

  /// Report of a fixed form (`--fit FORMULA --report DIR`): the front is that one formula.
  static func run(
    _ input: LoadedInput, fit formula: String, starts: [String: Double], common: CommonOptions,
    report options: ReportOptions, folds: Int
  ) throws {
    let clock = ContinuousClock.now
    let expression: Expressions.Expression
    do {
      expression = try Expressions.Expression(parsing: formula)
    } catch let error as ExpressionParseError {
      throw InputError(description: "--fit: \(error.description)")
    }
    var features = try SearchRun.featureNames(input: input, common: common)
    for name in expression.orderedSymbols where input.table.hasColumn(name) && !features.contains(name) {
      features.append(name)
    }
    if features.contains(input.target) || expression.contains(symbol: input.target) {
      throw InputError(description: "--fit: the formula uses the target column '\(input.target)' as a variable")
    }
    let data = try reportData(
      input: input, features: features, extraFormulas: [expression], common: common, options: options)
    if let summary = input.renameSummary { print(summary) }
    var settings = try settings(options: options, common: common, folds: folds, notes: data.notes)
    settings.searchDescription = "fitting the given form (--fit)"
    try finish(
      input: input, data: data.data, candidates: [ReportCandidate(formula: expression, starts: starts)],
      selected: 0, settings: settings, split: nil, evaluations: nil, threads: 1, clock: clock,
      common: common, options: options, search: nil)
  }

  private static func problem(_ data: ReportData, features: [String]) -> SearchProblem {
    SearchProblem(
      featureNames: features, columns: features.map { data.columns[$0] ?? [] }, target: data.target,
      weights: data.weights, targetName: data.targetName)
  }

  /// The search the bootstrap and `--honest` rerun: warm-started from the main front, each rerun limited to an
  /// equal share of what is left of the plan's rerun budget; progress with ETA on stderr.
  private static func rerunSearch(
    result: SearchResult, configuration: SearchConfiguration, features: [String],
    plan: ReportTimePlan
  ) -> FormulaSearch {
    var rerun = configuration
    rerun.checkpointPath = nil
    rerun.resume = false
    rerun.seedPrograms = result.front.map(\.program)
    let base = rerun
    let progress = RerunProgress(total: plan.reruns)
    let deadline = plan.rerunBudget.map { Date().addingTimeInterval($0) }
    return { rows, seed in
      var c = base
      c.seed = seed
      if let deadline {
        let left = max(0, deadline.timeIntervalSinceNow)
        c.timeLimit = max(0.2, left / Double(max(1, plan.reruns - progress.done)))
      }
      defer { progress.finishedOne() }
      let again = try SearchRun.search(problem(rows, features: features), configuration: c, label: "rerun", quiet: true)
      guard let selected = again.selectedEntry?.expression(featureNames: features) else { return nil }
      return SearchOutcome(selected: selected, front: again.front.compactMap { $0.expression(featureNames: features) })
    }
  }

  private static func finish(
    input: LoadedInput, data: ReportData, candidates: [ReportCandidate], selected: Int,
    settings: ReportSettings, split: SplitInfo?, evaluations: Int?, threads: Int,
    clock: ContinuousClock.Instant, common: CommonOptions, options: ReportOptions,
    search: FormulaSearch?
  ) throws {
    guard let directory = options.report else { return }
    let runInfo = { (seconds: Double) in
      RunInfo(
        version: ToolInfo.version, commit: ToolInfo.commit(), command: ToolInfo.commandLine(name: "fit-formulas"),
        seed: common.seed, threads: threads > 0 ? threads : ProcessInfo.processInfo.activeProcessorCount,
        seconds: seconds, evaluations: evaluations, inputSHA256: input.sha256)
    }
    let report: Report
    do {
      report = try Report(
        data: data, candidates: candidates, selected: selected, settings: settings,
        run: runInfo(0), split: split, search: search)
    } catch let error as ReportError {
      throw InputError(description: error.description)
    }
    let elapsed = (ContinuousClock.now - clock).components
    var final = report
    final.document.run = runInfo(Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18)
    let document = final.document
    do {
      try ReportWriter.write(final, to: directory)
      if let path = common.json { try AtomicFile.write(document.text(), to: path) }
    } catch let error as ReportError {
      throw RunFailure(description: error.description)
    } catch {
      throw RunFailure(description: "cannot write the report to '\(directory)': \(error)")
    }
    let fit = final.selectedFit
    print("selected: \(input.target) = \(fit.displayed.readable)   (R² \(Format.optional(fit.goodness.r2, digits: 4)))")
    if let best = final.comparison.best { print("theory comparison: lowest AICc \(best.name)") }
    print("wrote \((directory as NSString).appendingPathComponent("report.md"))")
  }

  /// The report's rows: feature columns plus any column a user hypothesis or the fitted formula names; weights.
  private static func reportData(
    input: LoadedInput, features: [String], extraFormulas: [Expressions.Expression],
    common: CommonOptions, options: ReportOptions
  ) throws -> (data: ReportData, notes: [String]) {
    let table = input.table
    var columns: [String: [Double]] = [:]
    for name in features { columns[name] = try table.numericColumn(name) }
    let formulas = extraFormulas + (try userHypotheses(options)).map(\.formula)
    for formula in formulas {
      for name in formula.orderedSymbols where columns[name] == nil && table.hasColumn(name) && name != input.target {
        columns[name] = try table.numericColumn(name)
      }
    }
    let target = try table.numericColumn(input.target)
    var notes: [String] = []
    if let summary = input.renameSummary {
      notes.append("Columns " + summary.replacingOccurrences(of: "renamed columns: ", with: "renamed: ") + ".")
    }
    let (weights, note) = try input.rowWeights(common)
    if let note { notes.append(note) }
    do {
      return (
        try ReportData(
          targetName: input.target, features: features, columns: columns, target: target,
          weights: weights), notes
      )
    } catch let error as ReportError {
      throw InputError(description: error.description)
    }
  }

  private static func userHypotheses(_ options: ReportOptions) throws -> [Hypothesis] {
    var list: [Hypothesis] = []
    do {
      for text in options.hypotheses { list.append(try Hypothesis(parsing: text)) }
      if let path = options.hypothesesFile {
        guard let data = FileManager.default.contents(atPath: path) else {
          throw InputError(description: "--hypotheses: cannot read '\(path)'")
        }
        list += try HypothesisLibrary.parseFile(text: String(decoding: data, as: UTF8.self), source: path)
      }
    } catch let error as ReportError {
      throw InputError(description: "--hypothesis: \(error.description)")
    }
    return list
  }

  private static func settings(options: ReportOptions, common: CommonOptions, folds: Int, notes: [String]) throws
    -> ReportSettings
  {
    var s = ReportSettings()
    s.hypotheses = try userHypotheses(options)
    s.includeBuiltIns = !options.noBuiltInHypotheses
    s.folds = folds
    s.seed = common.seed
    s.honest = options.honest
    s.bootstrapReplicates = options.bootstrap
    s.notes = notes
    if let text = options.extrapolate {
      do {
        s.extrapolation = try ExtrapolationRule(parsing: text)
      } catch let error as ReportError {
        throw InputError(description: error.description)
      }
    }
    return s
  }
}
