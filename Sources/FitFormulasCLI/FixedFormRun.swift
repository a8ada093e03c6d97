import CommandLineSupport
import Reports

/// `fit-formulas DATA.csv --fit FORMULA`: least-squares fit of a given formula with full statistics.
enum FixedFormRun {
  static func run(
    _ input: ResultsInput, formula: String, starts: [String: Double], folds: Int, common: CommonOptions
  ) throws {
    let clock = ContinuousClock.now
    let analysis = try FixedFormAnalysis(
      formula: formula, input: input, starts: starts, folds: folds, seed: common.seed)
    if let summary = input.renameSummary { print(summary) }
    if let skipped = analysis.note { ProgressLine.write("fit-formulas: note: \(skipped)\n") }
    print(TerminalSummary.fixedForm(analysis, target: input.target))
    let run = common.runInfo(input, threads: 1, seconds: (ContinuousClock.now - clock).seconds)
    try SearchRun.writeJSON(analysis.document(target: input.target, run: run), to: common.json)
  }
}
