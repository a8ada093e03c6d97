import DataTable
import Expressions
import Foundation
import Reports
import Support
import SymbolicRegression

/// Runs the formula search, prints the front and writes the result document.
enum SearchRun {
  /// Columns the toolkit writes as outputs; never used as default features.
  static let outputColumns: Set<String> = [
    "std_fscore", "stl_fscore", "mtl_fscore", "fscore", "benefit", "seconds", "precision", "recall", "reps", "seed",
    "point",
    "alpha", "fscore_sd", "std_fscore_sd", "stl_fscore_sd", "benefit_sd",
    "n_tokens_total",  // T·n, derived from two features
  ]

  static func run(_ input: LoadedInput, options: SearchOptions, common: CommonOptions, folds: Int) throws {
    let table = input.table
    let features = try featureNames(input: input, common: common)
    var columns: [[Double]] = []
    for name in features { columns.append(try table.numericColumn(name)) }
    let target = try table.numericColumn(input.target)
    let (weights, note) = try input.rowWeights(common)
    let configuration: SearchConfiguration
    do {
      configuration = try options.configuration(seed: common.seed, threads: common.threads, folds: folds)
    } catch {
      throw InputError(description: "\(error)")
    }
    if let summary = input.renameSummary { print(summary) }
    if let note { print(note) }
    print("target: \(input.target)   features: \(features.joined(separator: ", "))   rows: \(target.count)")

    let problem = SearchProblem(
      featureNames: features, columns: columns, target: target, weights: weights,
      targetName: input.target)
    let result = try search(problem, configuration: configuration, label: "search")
    let document = ResultDocument(
      search: result, problem: problem, configuration: configuration,
      run: runInfo(input: input, common: common, configuration: configuration, result: result))
    printFront(result: result, document: document, configuration: configuration, target: input.target)
    if let path = common.json {
      do {
        try AtomicFile.write(document.text(), to: path)
      } catch {
        throw RunFailure(description: "cannot write --json '\(path)': \(error)")
      }
      print("wrote \(path)")
    }
  }

  /// Runs the engine with progress on stderr (a rewritten line on a terminal, a line per tenth otherwise),
  /// mapping its errors to the CLI's.
  static func search(
    _ problem: SearchProblem, configuration: SearchConfiguration, label: String,
    quiet: Bool = false
  ) throws -> SearchResult {
    let progress = quiet ? nil : Progress(label: label)
    do {
      let result = try Search.run(
        problem, configuration: configuration, progress: progress.map { p in { p.update($0) } })
      progress?.finish()
      return result
    } catch let error as SearchConfigurationError {
      throw InputError(description: error.description)
    } catch let error as CheckpointError {
      throw RunFailure(description: error.description)
    }
  }

  static func runInfo(
    input: LoadedInput, common: CommonOptions, configuration: SearchConfiguration,
    result: SearchResult
  ) -> RunInfo {
    RunInfo(
      version: ToolInfo.version, commit: ToolInfo.commit(), command: ToolInfo.commandLine(name: "fit-formulas"),
      seed: common.seed,
      threads: configuration.threads > 0 ? configuration.threads : ProcessInfo.processInfo.activeProcessorCount,
      seconds: result.seconds, evaluations: result.evaluations, inputSHA256: input.sha256)
  }

  /// The front table (constants at the digits their CI supports), the selection reason and the selected formula.
  static func printFront(
    result: SearchResult, document: ResultDocument, configuration: SearchConfiguration, target: String
  ) {
    print(
      "split: \(result.split.train.count) train, \(result.split.validation.count) validation, \(result.split.test.count) test rows "
        + "(\(configuration.groupedSplits ? "grouped, " : "")\(result.split.groups) distinct feature rows); "
        + "\(result.evaluations) evaluations, stopped by \(result.stopReason)")
    print("")
    var lines: [[String]] = [["", "complexity", "R² fit", "CV R²", "R² test"]]
    for (i, e) in document.front.enumerated() {
      lines.append([
        i == document.selected ? "*" : "", "\(e.complexity)", Format.optional(e.r2, digits: 4),
        Format.optional(result.front[i].r2CV, digits: 4), Format.optional(e.r2Test, digits: 4),
      ])
    }
    let formulas = ["formula"] + document.front.map { "\(target) = \($0.sympy)" }
    for (line, formula) in zip(Format.table(lines).split(separator: "\n", omittingEmptySubsequences: false), formulas) {
      print("\(line)  \(formula)")
    }
    print("")
    let rows = result.constantsFittedOn == "train+validation" ? "training + validation" : "training"
    print(
      "constants, R² fit and CV R² (grouped \(result.selection?.folds ?? 0)-fold) are on the \(rows) rows; R² test on the held-out test rows"
    )
    if let selection = result.selection {
      print("selected (*) by \(selection.rule.rawValue): \(selection.reason)")
    }
    if document.front.indices.contains(document.selected) {
      let chosen = document.front[document.selected]
      let values = chosen.constants.map { c in
        "\(c.name) = \(ConstantPrecision.text(c.value, halfWidth: c.ci95.map { ($0.1 - $0.0) / 2 }))"
          + (c.ci95.map { " [\(Format.number($0.0, digits: 4)), \(Format.number($0.1, digits: 4))]" } ?? "")
      }
      print(
        "selected: \(target) = \(chosen.expression)"
          + (values.isEmpty ? "" : "   with " + values.joined(separator: ", ")))
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
          throw InputError(
            description:
              "--features: column '\(name)' not found in \(input.path) (columns: \(table.columnNames.joined(separator: ", ")))"
          )
        }
        if name == input.target { throw InputError(description: "--features: '\(name)' is the target column") }
      }
      if Set(names).count != names.count { throw InputError(description: "--features: a column is listed twice") }
      return names
    }
    // Numeric input columns; a column equal to an earlier one (n_tokens_main = n in balanced grids) or constant adds nothing.
    var names: [String] = []
    var kept: [[Double]] = []
    for name in table.columnNames where name != input.target && name != common.weights && !outputColumns.contains(name)
    {
      guard let values = try? table.numericColumn(name), let first = values.first,
        values.contains(where: { $0 != first }), !kept.contains(values)
      else { continue }
      names.append(name)
      kept.append(values)
    }
    guard !names.isEmpty else {
      throw InputError(
        description: "\(input.path) has no numeric feature column besides the target '\(input.target)'; use --features")
    }
    return names
  }
}
