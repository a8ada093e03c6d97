import DataTable
import Expressions
import Foundation
import Reports
import SymbolicRegression

#if canImport(Glibc)
import Glibc
#endif

/// Runs the formula search, prints the front and writes the result document.
enum SearchRun {
  /// Columns the toolkit writes as outputs; never used as default features.
  static let outputColumns: Set<String> = [
    "std_fscore", "stl_fscore", "mtl_fscore", "fscore", "benefit", "seconds", "precision", "recall", "reps", "seed", "point",
    "alpha", "fscore_sd", "std_fscore_sd", "stl_fscore_sd", "benefit_sd",
    "n_tokens_total",  // T·n, derived from two features
  ]

  static func run(_ input: LoadedInput, options: SearchOptions, common: CommonOptions) throws {
    let table = input.table
    let features = try featureNames(input: input, common: common)
    var columns: [[Double]] = []
    for name in features { columns.append(try table.numericColumn(name)) }
    let target = try table.numericColumn(input.target)
    let weights = try common.weights.map { name -> [Double] in
      let w = try table.numericColumn(name)
      if let bad = w.firstIndex(where: { !($0 > 0) }) {
        throw InputError(description: "\(input.path) row \(bad + 1), column '\(name)': weight \(w[bad]) is not positive")
      }
      return w
    }
    let configuration: SearchConfiguration
    do {
      configuration = try options.configuration(seed: common.seed, threads: common.threads)
    } catch {
      throw InputError(description: "\(error)")
    }
    if let summary = input.renameSummary { print(summary) }
    print("target: \(input.target)   features: \(features.joined(separator: ", "))   rows: \(target.count)")

    let problem = SearchProblem(featureNames: features, columns: columns, target: target, weights: weights,
                                targetName: input.target)
    let showProgress = isatty(2) != 0
    let result: SearchResult
    do {
      result = try Search.run(problem, configuration: configuration, progress: showProgress ? { p in
        let eta = p.fractionDone > 0 ? p.elapsed * (1 - p.fractionDone) / p.fractionDone : .nan
        let line = String(format: "\repoch %d  %d evals  %.0f evals/s  best loss %.4g  ETA %.0f s   ",
                          p.epoch, p.evaluations, p.evaluationsPerSecond, p.bestLoss, eta)
        FileHandle.standardError.write(Data(line.utf8))
      } : nil)
    } catch let error as SearchConfigurationError {
      throw InputError(description: error.description)
    } catch let error as CheckpointError {
      throw RunFailure(description: error.description)
    }
    if showProgress { FileHandle.standardError.write(Data("\n".utf8)) }

    print("split: \(result.split.train.count) train, \(result.split.validation.count) validation, \(result.split.test.count) test rows "
          + "(\(configuration.groupedSplits ? "grouped, " : "")\(result.split.groups) distinct feature rows); "
          + "\(result.evaluations) evaluations, stopped by \(result.stopReason)")
    print("")
    var lines: [[String]] = [["", "complexity", "R² validation", "R² test"]]
    for (i, e) in result.front.enumerated() {
      lines.append([i == result.selected ? "*" : "", "\(e.complexity)", Format.number(e.r2Validation, digits: 4),
                    Format.optional(e.r2Test, digits: 4)])
    }
    let formulas = ["formula"] + result.front.map { "\(input.target) = \($0.formula)" }
    for (line, formula) in zip(Format.table(lines).split(separator: "\n", omittingEmptySubsequences: false), formulas) {
      print("\(line)  \(formula)")
    }
    if result.constantsFittedOn == "train+validation" {
      print("")
      print("constants and test R² come from a refit on the training + validation rows (--no-refit: training rows only);")
      print("R² validation is that of the training-only fit, which built the front and chose the formula")
    }
    if let chosen = result.selectedEntry {
      print("")
      print("selected (*): \(input.target) = \(chosen.template)   with " +
            zip(chosen.constantNames, chosen.constants).map { "\($0) = \(Format.number($1))" }.joined(separator: ", "))
    }

    if let path = common.json {
      let document = makeDocument(result: result, problem: problem, input: input, common: common, configuration: configuration)
      do {
        try AtomicFile.write(document.text(), to: path)
      } catch {
        throw RunFailure(description: "cannot write --json '\(path)': \(error)")
      }
      print("wrote \(path)")
    }
  }

  /// `--features`, or every numeric column except the target, the weights and the toolkit's output columns.
  static func featureNames(input: LoadedInput, common: CommonOptions) throws -> [String] {
    let table = input.table
    if let list = common.features {
      let names = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
      guard !names.isEmpty else { throw InputError(description: "--features: the list is empty") }
      for name in names {
        guard table.hasColumn(name) else {
          throw InputError(description: "--features: column '\(name)' not found in \(input.path) (columns: \(table.columnNames.joined(separator: ", ")))")
        }
        if name == input.target { throw InputError(description: "--features: '\(name)' is the target column") }
      }
      if Set(names).count != names.count { throw InputError(description: "--features: a column is listed twice") }
      return names
    }
    // Numeric input columns; a column equal to an earlier one (n_tokens_main = n in balanced grids) or constant adds nothing.
    var names: [String] = []
    var kept: [[Double]] = []
    for name in table.columnNames where name != input.target && name != common.weights && !outputColumns.contains(name) {
      guard let values = try? table.numericColumn(name), let first = values.first,
            values.contains(where: { $0 != first }), !kept.contains(values) else { continue }
      names.append(name)
      kept.append(values)
    }
    guard !names.isEmpty else {
      throw InputError(description: "\(input.path) has no numeric feature column besides the target '\(input.target)'; use --features")
    }
    return names
  }

  /// The result document: every front member refitted with FormulaFit on the rows the search fitted its final
  /// constants on (training + validation by default, training with `--no-refit`). `r2_train` and `r2_validation` are
  /// the search's own training-only scores when it refitted (those are what selection saw).
  static func makeDocument(result: SearchResult, problem: SearchProblem, input: LoadedInput, common: CommonOptions,
                           configuration: SearchConfiguration) -> ResultDocument {
    func part(_ rows: [Int]) -> FittingData {
      var columns: [String: [Double]] = [:]
      for (f, name) in problem.featureNames.enumerated() { columns[name] = rows.map { problem.columns[f][$0] } }
      return FittingData(columns: columns, target: rows.map { problem.target[$0] }, weights: problem.weights.map { w in rows.map { w[$0] } })
    }
    let train = part(result.split.train)
    let validation = part(result.split.validation.isEmpty ? result.split.train : result.split.validation)
    let test = result.split.test.isEmpty ? nil : part(result.split.test)
    let refitted = result.constantsFittedOn == "train+validation"
    let fitting = refitted ? part(result.split.train + result.split.validation) : train
    func r2AndRMSE(_ predicted: [Double], _ data: FittingData) -> (Double?, Double?) {
      let w = data.weights ?? Array(repeating: 1, count: data.rowCount)
      let sw = w.reduce(0, +)
      guard sw > 0, predicted.count == data.rowCount else { return (nil, nil) }
      var mean = 0.0
      for i in 0..<data.rowCount { mean += w[i] * data.target[i] }
      mean /= sw
      var sse = 0.0, sst = 0.0
      for i in 0..<data.rowCount {
        sse += w[i] * (data.target[i] - predicted[i]) * (data.target[i] - predicted[i])
        sst += w[i] * (data.target[i] - mean) * (data.target[i] - mean)
      }
      let r2 = sst > 0 ? 1 - sse / sst : nil
      let rmse = (sse / sw).squareRoot()
      return (r2.flatMap { $0.isFinite ? $0 : nil }, rmse.isFinite ? rmse : nil)
    }
    var entries: [FormulaEntry] = []
    for e in result.front {
      let named = e.expression(featureNames: problem.featureNames)
      var entry: FormulaEntry
      if let named, !e.constants.isEmpty, let fit = try? FormulaFit(expression: named, data: fitting, starts: e.constantValues) {
        entry = FormulaEntry(fit: fit, complexity: e.complexity)
        let predict = { (d: FittingData) in fit.predict(columns: d.columns, rowCount: d.rowCount) }
        if refitted {
          entry.r2Train = e.r2Train
          entry.r2Validation = e.r2Validation
        } else {
          entry.r2Train = r2AndRMSE(predict(train), train).0
          entry.r2Validation = r2AndRMSE(predict(validation), validation).0
        }
        if let test {
          let (r2, rmse) = r2AndRMSE(predict(test), test)
          entry.r2Test = r2
          entry.rmseTest = rmse
        }
      } else {
        let fitted = e.fittedExpression(featureNames: problem.featureNames)
        entry = FormulaEntry(
          complexity: e.complexity, expression: named?.description ?? e.template,
          sympy: fitted?.sympy() ?? e.formula, latex: fitted?.latex() ?? e.formula,
          constants: zip(e.constantNames, e.constants).map {
            ConstantEntry(name: $0, value: $1, standardError: nil, ci95: nil, t: nil, p: nil)
          },
          r2: e.r2Train, r2Train: e.r2Train, r2Validation: e.r2Validation, r2Test: e.r2Test,
          rmseTest: e.testLoss.map { $0.squareRoot() })
      }
      entries.append(entry)
    }
    let run = RunInfo(version: ToolInfo.version, commit: ToolInfo.commit(), command: ToolInfo.commandLine(name: "fit-formulas"),
                      seed: common.seed, threads: configuration.threads > 0 ? configuration.threads : ProcessInfo.processInfo.activeProcessorCount,
                      seconds: result.seconds, evaluations: result.evaluations, inputSHA256: input.sha256)
    return ResultDocument(
      run: run, target: input.target, features: problem.featureNames, rows: problem.target.count, groups: result.split.groups,
      split: SplitInfo(testFraction: configuration.testFraction, validationFraction: configuration.validationFraction,
                       grouped: configuration.groupedSplits, seed: configuration.seed, fitRows: result.constantsFittedOn),
      selected: result.selected ?? 0, front: entries)
  }
}
