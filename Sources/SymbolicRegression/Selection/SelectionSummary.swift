/// Scores of one front member seen by the selection rules (nil where a figure does not apply or is not finite).
public struct MemberScore: Codable, Sendable, Equatable {
  /// Mean grouped cross-validated loss (weighted mean squared error on held-out groups).
  public var cvLoss: Double?
  /// Standard error of `cvLoss` over groups.
  public var cvStandardError: Double?
  /// `cvLoss` minus the best member's.
  public var differenceToBest: Double?
  /// Standard error of that difference, from the paired per-group differences.
  public var differenceStandardError: Double?
  /// In-sample information criteria (Gaussian likelihood, constants + 1 parameters).
  public var aicc: Double?
  public var bic: Double?
  /// PySR's score relative to the previous member (`score` rule only).
  public var score: Double?

  public init(
    cvLoss: Double? = nil, cvStandardError: Double? = nil, differenceToBest: Double? = nil,
    differenceStandardError: Double? = nil, aicc: Double? = nil, bic: Double? = nil, score: Double? = nil
  ) {
    self.cvLoss = cvLoss
    self.cvStandardError = cvStandardError
    self.differenceToBest = differenceToBest
    self.differenceStandardError = differenceStandardError
    self.aicc = aicc
    self.bic = bic
    self.score = score
  }
}

/// Which member was selected, by which rule, and why; with every member's scores.
public struct SelectionSummary: Codable, Sendable, Equatable {
  /// The rule that made the choice (the requested one, or `score` when cross-validation was impossible).
  public var rule: SelectionRule
  /// Cross-validation folds (0 when it did not run).
  public var folds: Int
  /// Whether rows with identical features were kept in one fold.
  public var grouped: Bool
  /// Rows the in-sample and cross-validated losses were computed on.
  public var rows: Int
  /// Replicate-noise estimate in loss units (nil without replicates).
  public var noiseVariance: Double?
  /// Index of the selected member.
  public var selected: Int?
  /// Index of the member with the lowest cross-validated loss (or the best value of the rule's criterion).
  public var best: Int?
  /// cv-1se: the loss below which the selected member qualified.
  public var threshold: Double?
  /// One entry per front member, in front order.
  public var members: [MemberScore]
  /// One sentence: why the selected member won.
  public var reason: String

  /// Fills `differenceToBest` (and, given the per-group losses, its paired standard error) against `best`.
  mutating func fillDifferences(pairedWith candidates: [SelectionCandidate]? = nil) {
    guard let best, let bestLoss = members[best].cvLoss else { return }
    for i in members.indices {
      guard let loss = members[i].cvLoss else { continue }
      members[i].differenceToBest = loss - bestLoss
      if let candidates {
        let g = candidates[i].groupLosses.count
        let d = zip(candidates[i].groupLosses, candidates[best].groupLosses).map { Double(g) * ($0 - $1) }
        members[i].differenceStandardError = i == best ? 0 : FrontSelection.finite(FrontSelection.standardError(d))
      }
    }
  }

  /// The summary restricted to the members at `indices` (in that order), e.g. those a report could fit.
  public func keeping(_ indices: [Int]) -> SelectionSummary {
    var out = self
    out.members = indices.map { members[$0] }
    out.selected = selected.flatMap { indices.firstIndex(of: $0) }
    out.best = best.flatMap { indices.firstIndex(of: $0) }
    return out
  }
}
