import CommandLineSupport
import Reports
import Support
import SymbolicRegression

/// Runs the formula search, prints the front and writes the result document.
enum SearchRun {
  static func run(_ input: ResultsInput, configuration: SearchConfiguration, common: CommonOptions) throws {
    let features = try input.featureNames()
    let (weights, note) = try input.rowWeights()
    let problem = try input.searchProblem(features: features, weights: weights)
    if let summary = input.renameSummary { print(summary) }
    if let note { print(note) }
    print("target: \(input.target)   features: \(features.joined(separator: ", "))   rows: \(problem.target.count)")
    let result = try search(problem, configuration: configuration, label: "search")
    let run = common.runInfo(
      input, threads: configuration.threads, seconds: result.seconds, evaluations: result.evaluations)
    let document = ResultDocument(search: result, problem: problem, configuration: configuration, run: run)
    print(TerminalSummary.front(result: result, document: document, configuration: configuration, target: input.target))
    try writeJSON(document, to: common.json)
  }

  /// Runs the engine with progress on stderr (a rewritten line on a terminal, a line per tenth otherwise).
  static func search(_ problem: SearchProblem, configuration: SearchConfiguration, label: String) throws
    -> SearchResult
  {
    let line = ProgressLine()
    defer { line.finish() }
    return try Search.run(problem, configuration: configuration) {
      line.update("\(label): \($0.summary)", fraction: $0.fractionDone)
    }
  }

  /// Writes the result document when `--json` was given.
  static func writeJSON(_ document: ResultDocument, to path: String?) throws {
    guard let path else { return }
    try AtomicFile.write(document.text(), to: path)
    print("wrote \(path)")
  }
}
