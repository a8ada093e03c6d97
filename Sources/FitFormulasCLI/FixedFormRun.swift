import CommandLineSupport
import Foundation
import Reports

/// `fit-formulas DATA.csv --fit FORMULA`: least-squares fit of a given formula with full statistics.
enum FixedFormRun {
  static func run(
    _ input: ResultsInput, formula: String, starts: [String: Double], folds: Int, common: CommonOptions
  ) throws {
    let clock = ContinuousClock.now
    let (weights, note) = try input.rowWeights()
    let analysis = try FixedFormAnalysis(
      formula: formula, input: input, starts: starts, weights: weights, folds: folds, seed: common.seed)
    if let summary = input.renameSummary { print(summary) }
    print("variables (columns): \(analysis.variables.joined(separator: ", "))")
    print(
      "constants (fitted):  \(analysis.constantNames.isEmpty ? "none" : analysis.constantNames.joined(separator: ", "))"
    )
    if let note { print(note) }
    if let skipped = analysis.note { ProgressLine.write("fit-formulas: note: \(skipped)\n") }
    print(TerminalSummary.fixedForm(analysis, target: input.target))
    let run = RunInfo.current(
      tool: "fit-formulas", seed: common.seed, threads: 1, seconds: (ContinuousClock.now - clock).seconds,
      evaluations: nil, inputSHA256: input.sha256)
    try SearchRun.writeJSON(analysis.document(target: input.target, run: run), to: common.json)
  }
}
