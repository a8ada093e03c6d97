import DataTable
import Expressions
import Foundation
import Reports
import Statistics
import SymbolicRegression

/// `--report DIR`: runs the search (or fits `--fit`), computes the report's analyses and writes the folder.
enum ReportRun {
  /// Report of a formula search.
  static func run(_ input: LoadedInput, search: SearchOptions, common: CommonOptions, report options: ReportOptions,
                  folds: Int) throws {
    let clock = ContinuousClock.now
    let features = try SearchRun.featureNames(input: input, common: common)
    let data = try reportData(input: input, features: features, extraFormulas: [], common: common, options: options)
    let configuration: SearchConfiguration
    do {
      configuration = try search.configuration(seed: common.seed, threads: common.threads)
    } catch {
      throw InputError(description: "\(error)")
    }
    if let summary = input.renameSummary { print(summary) }
    print("target: \(input.target)   features: \(features.joined(separator: ", "))   rows: \(data.data.rowCount)")
    let result = try runSearch(data.data, features: features, configuration: configuration)
    var candidates: [ReportCandidate] = []
    var selected = 0
    for (i, e) in result.front.enumerated() {
      guard let formula = e.expression(featureNames: features), !e.constants.isEmpty else { continue }
      if i == (result.selected ?? 0) { selected = candidates.count }
      candidates.append(ReportCandidate(formula: formula, starts: e.constantValues, complexity: e.complexity,
                                        r2Validation: e.r2Validation, r2Test: e.r2Test,
                                        rmseTest: e.testLoss.map { $0.squareRoot() }))
    }
    guard !candidates.isEmpty else { throw RunFailure(description: "the search found no formula with constants to report on") }
    print("search: \(result.evaluations) evaluations, stopped by \(result.stopReason); front of \(candidates.count) formulas")
    var rerun = configuration
    rerun.checkpointPath = nil
    rerun.resume = false
    let searchAgain: FormulaSearch = { rows, seed in
      var c = rerun
      c.seed = seed
      let again = try runSearch(rows, features: features, configuration: c)
      return again.selectedEntry?.expression(featureNames: features)
    }
    var settings = try settings(options: options, common: common, folds: folds, notes: data.notes)
    settings.searchDescription = "symbolic regression (seed \(common.seed), \(result.evaluations) evaluations)"
    let split = SplitInfo(testFraction: configuration.testFraction, validationFraction: configuration.validationFraction,
                          grouped: configuration.groupedSplits, seed: configuration.seed, fitRows: "all")
    try finish(input: input, data: data.data, candidates: candidates, selected: selected, settings: settings,
               split: split, evaluations: result.evaluations, threads: configuration.threads, clock: clock,
               common: common, options: options, search: searchAgain)
  }

  /// Report of a fixed form (`--fit FORMULA --report DIR`): the front is that one formula.
  static func run(_ input: LoadedInput, fit formula: String, starts: [String: Double], common: CommonOptions,
                  report options: ReportOptions, folds: Int) throws {
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
    let data = try reportData(input: input, features: features, extraFormulas: [expression], common: common, options: options)
    if let summary = input.renameSummary { print(summary) }
    var settings = try settings(options: options, common: common, folds: folds, notes: data.notes)
    settings.searchDescription = "fitting the given form (--fit)"
    try finish(input: input, data: data.data, candidates: [ReportCandidate(formula: expression, starts: starts)],
               selected: 0, settings: settings, split: nil, evaluations: nil, threads: 1, clock: clock,
               common: common, options: options, search: nil)
  }

  private static func runSearch(_ data: ReportData, features: [String], configuration: SearchConfiguration) throws -> SearchResult {
    let problem = SearchProblem(featureNames: features, columns: features.map { data.columns[$0] ?? [] },
                                target: data.target, weights: data.weights)
    do {
      return try Search.run(problem, configuration: configuration)
    } catch let error as SearchConfigurationError {
      throw InputError(description: error.description)
    } catch let error as CheckpointError {
      throw RunFailure(description: error.description)
    }
  }

  private static func finish(input: LoadedInput, data: ReportData, candidates: [ReportCandidate], selected: Int,
                             settings: ReportSettings, split: SplitInfo?, evaluations: Int?, threads: Int,
                             clock: ContinuousClock.Instant, common: CommonOptions, options: ReportOptions,
                             search: FormulaSearch?) throws {
    guard let directory = options.report else { return }
    let runInfo = { (seconds: Double) in
      RunInfo(version: ToolInfo.version, commit: ToolInfo.commit(), command: ToolInfo.commandLine(name: "fit-formulas"),
              seed: common.seed, threads: threads > 0 ? threads : ProcessInfo.processInfo.activeProcessorCount,
              seconds: seconds, evaluations: evaluations, inputSHA256: input.sha256)
    }
    let report: Report
    do {
      report = try Report(data: data, candidates: candidates, selected: selected, settings: settings,
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
    print("selected: \(input.target) = \(fit.fitted)   (R² \(Format.optional(fit.goodness.r2, digits: 4)))")
    if let best = final.comparison.best { print("theory comparison: lowest AICc \(best.name)") }
    print("wrote \((directory as NSString).appendingPathComponent("report.md"))")
  }

  /// The report's rows: feature columns plus any column a user hypothesis or the fitted formula names; weights.
  private static func reportData(input: LoadedInput, features: [String], extraFormulas: [Expressions.Expression],
                                 common: CommonOptions, options: ReportOptions) throws -> (data: ReportData, notes: [String]) {
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
    if let summary = input.renameSummary { notes.append("Columns " + summary.replacingOccurrences(of: "renamed columns: ", with: "renamed: ") + ".") }
    var weights: [Double]?
    if let name = common.weights {
      let w = try table.numericColumn(name)
      if let bad = w.firstIndex(where: { !($0 > 0) }) {
        throw InputError(description: "\(input.path) row \(bad + 1), column '\(name)': weight \(w[bad]) is not positive")
      }
      weights = w
      notes.append("Weights are taken from column `\(name)`.")
    } else {
      let sdColumn = options.weightsFromSD ?? (table.hasColumn("std_fscore") ? "std_fscore" : nil)
      if let sdColumn, sdColumn != "none" {
        guard table.hasColumn(sdColumn) else {
          throw InputError(description: "--weights-from-sd: column '\(sdColumn)' not found in \(input.path) (columns: \(table.columnNames.joined(separator: ", ")))")
        }
        let sd = try table.numericColumn(sdColumn)
        if options.weightsFromSD == nil, options.sdFloor == nil, !sd.contains(where: { $0 > 0 }) {
          // Found automatically but uninformative (e.g. one row per repetition): fit unweighted.
          notes.append("Column `\(sdColumn)` is 0 on every row (one row per repetition?), so fits are unweighted.")
        } else {
        do {
          let w = try WeightsFromSD(standardDeviations: sd, floor: options.sdFloor)
          weights = w.weights
          notes.append("Weights are 1/max(sd, floor)² from column `\(sdColumn)` with floor \(ReportFormat.number(w.floor)) (\(w.flooredRows) rows raised to the floor)\(options.sdFloor == nil ? ", the 10th percentile of the positive standard deviations" : "").")
        } catch let error as ReportError {
          throw InputError(description: "--weights-from-sd \(sdColumn): \(error.description)")
        }
        }
      }
    }
    do {
      return (try ReportData(targetName: input.target, features: features, columns: columns, target: target,
                             weights: weights), notes)
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

  private static func settings(options: ReportOptions, common: CommonOptions, folds: Int, notes: [String]) throws -> ReportSettings {
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
