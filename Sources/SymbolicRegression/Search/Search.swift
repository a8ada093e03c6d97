/// Island-model genetic programming with constant fitting, simplification and a Pareto front.
///
/// The phases live in their own files: ``SearchLoop`` (start or resume, one epoch, stop checks), the final front
/// (`Search+FinalFront.swift`: refit, simplify and score the hall of fame) and the finishing pass with selection
/// (`Search+Finish.swift`).
public enum Search {
  /// Runs a search on `problem` (split into train / validation / test parts by the configuration's seed).
  public static func run(
    _ problem: SearchProblem, configuration: SearchConfiguration,
    progress: ((SearchProgress) -> Void)? = nil
  ) throws -> SearchResult {
    try configuration.validate()
    try problem.validate()
    let full = try Dataset(columns: problem.columns, target: problem.target, weights: problem.weights)
    let rows = (0..<full.rowCount).map { r in (0..<full.featureCount).map { full.value(feature: $0, row: r) } }
    let split = try DataSplit.make(
      featureRows: rows, testFraction: configuration.testFraction,
      validationFraction: configuration.validationFraction,
      seed: configuration.seed, grouped: configuration.groupedSplits)
    return try run(problem, split: split, configuration: configuration, progress: progress)
  }

  /// Runs a search with an explicit split (validation falls back to train when empty).
  public static func run(
    _ problem: SearchProblem, split: DataSplit, configuration: SearchConfiguration,
    progress: ((SearchProgress) -> Void)? = nil
  ) throws -> SearchResult {
    try configuration.validate()
    var loop = try SearchLoop(problem: problem, split: split, configuration: configuration)
    let stopReason = try loop.evolve(progress: progress)
    return loop.result(stopReason: stopReason)
  }
}
