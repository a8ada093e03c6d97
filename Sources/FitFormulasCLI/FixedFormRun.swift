import CommandLineSupport
import Reports

/// `fit-formulas DATA.csv --fit FORMULA [--group-by COL]`: a given formula fitted with statistics (per group).
enum FixedFormRun {
  static func run(
    _ input: ResultsInput, formula: String, starts: [String: Double], folds: Int, groupBy: String?,
    common: CommonOptions
  ) throws {
    let clock = ContinuousClock.now
    let result: any FixedFormResult =
      try groupBy.map {
        try GroupedFixedFormAnalysis(
          formula: formula, input: input, column: $0, starts: starts, folds: folds, seed: common.seed)
      } ?? FixedFormAnalysis(formula: formula, input: input, starts: starts, folds: folds, seed: common.seed)
    if let summary = input.renameSummary { print(summary) }
    if let note = result.note { ProgressLine.write("fit-formulas: note: \(note)\n") }
    print(result.summary(target: input.target))
    let run = common.runInfo(input, threads: 1, seconds: (ContinuousClock.now - clock).seconds)
    try SearchRun.writeJSON(result.document(target: input.target, run: run), to: common.json)
  }
}
