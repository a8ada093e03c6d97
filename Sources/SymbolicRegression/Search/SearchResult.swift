/// One member of the final Pareto front.
///
/// `trainLoss`, `validationLoss`, `r2Train` and `r2Validation` belong to the fit on the training rows, which is what
/// the front and the selection are built from. When the search refits on training + validation rows
/// (``SearchResult/constantsFittedOn``), `program`, the formula strings, `constants`, `testLoss` and `r2Test` belong
/// to that refit.
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
    /// Why the search stopped: "budget", "time", "tolerance", "patience", "interrupted".
    public var stopReason: String
    /// Wall-clock seconds (not part of the reproducible result).
    public var seconds: Double
    /// Rows the front's final constants were fitted on: "train" or "train+validation".
    public var constantsFittedOn: String = "train"

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
}

/// Selection rule used to mark one front member.
public enum FrontSelection {
    /// PySR's "best" rule on validation losses: among entries whose validation loss is at most
    /// `threshold ×` the lowest, the one with the largest score `−Δlog(loss)/Δcomplexity` relative to the
    /// previous front entry (the first entry scores 0). `losses` must be ordered by increasing complexity.
    public static func select(complexities: [Int], losses: [Double], threshold: Double) -> Int? {
        guard !losses.isEmpty else { return nil }
        let best = losses.min() ?? .infinity
        var chosen: Int?
        var bestScore = -Double.infinity
        for i in losses.indices {
            var score = 0.0
            if i > 0 {
                let dc = Double(max(1, complexities[i] - complexities[i - 1]))
                let ratio = losses[i - 1] > 0 && losses[i] > 0 ? losses[i] / losses[i - 1] : 1
                score = -_log(ratio) / dc
            }
            guard losses[i] <= threshold * best || (best <= 0 && losses[i] <= 0) else { continue }
            if score > bestScore {
                bestScore = score
                chosen = i
            }
        }
        return chosen
    }
}
