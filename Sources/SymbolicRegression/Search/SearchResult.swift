import Foundation

/// One member of the final Pareto front.
///
/// `program`, the formula strings and `constants` are the finished form (``FinalForm``) with constants fitted on the
/// rows named by ``SearchResult/constantsFittedOn`` (training + validation by default). The losses and R² values
/// score that same program on each part, so with the default refit the validation figures are in-sample; `cvLoss`
/// and `r2CV` are the grouped cross-validated figures the selection used.
public struct FrontEntry: Codable, Sendable, Equatable {
  /// The simplified program with fitted (and possibly rounded) constants.
  public var program: Program
  /// Node count of the simplified formula's Expression form.
  public var complexity: Int
  /// Formula with constant values, e.g. `0.7 + 2/sqrt(n)`.
  public var formula: String
  /// Formula with constants named a, b, c… (names that clash with a feature are skipped).
  public var template: String
  public var constantNames: [String]
  public var constants: [Double]
  /// Mean weighted squared errors on each part (test is nil without a test part).
  public var trainLoss: Double
  public var validationLoss: Double
  public var testLoss: Double?
  public var r2Train: Double
  public var r2Validation: Double
  public var r2Test: Double?
  /// Mean grouped cross-validated loss on the rows the constants were fitted on, and the R² it implies.
  public var cvLoss: Double?
  public var r2CV: Double?
}

/// Outcome of a search.
public struct SearchResult: Codable, Sendable, Equatable {
  public var featureNames: [String]
  public var front: [FrontEntry]
  /// Index into `front` of the selected formula (nil when the front is empty).
  public var selected: Int?
  public var split: DataSplit
  /// Evaluations spent (training-set passes, including constant fitting).
  public var evaluations: Int
  public var epochs: Int
  /// Why the search stopped.
  public var stopReason: StopReason
  /// Wall-clock seconds (not part of the reproducible result).
  public var seconds: Double
  /// Rows the front's final constants were fitted on.
  public var constantsFittedOn: FitRows = .train
  /// How the selected member was chosen, with every member's cross-validated and in-sample scores.
  public var selection: SelectionSummary?

  /// The selected entry.
  public var selectedEntry: FrontEntry? { selected.map { front[$0] } }
}

/// Progress report sent after each epoch.
public struct SearchProgress: Sendable {
  public var epoch: Int
  public var evaluations: Int
  public var evaluationsPerSecond: Double
  /// Best training loss so far.
  public var bestLoss: Double
  public var elapsed: Double
  /// Fraction of the budget (evaluations or time) used, 0…1.
  public var fractionDone: Double

  /// One line: epoch, evaluations and their rate, best loss, share of the budget, elapsed time and ETA.
  public var summary: String {
    let eta = fractionDone > 0 ? elapsed * (1 - fractionDone) / fractionDone : .nan
    return String(
      format: "epoch %d, %d evals (%.0f/s), best loss %.4g, %.0f%%, %.0f s elapsed, ETA %.0f s",
      epoch, evaluations, evaluationsPerSecond, bestLoss, 100 * fractionDone, elapsed, eta)
  }
}
