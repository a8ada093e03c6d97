import Foundation

/// The selection rules: each picks one member of a front ordered by increasing complexity.
public enum FrontSelection {
  /// Picks a member by `rule` and explains the choice.
  /// - Parameters:
  ///   - candidates: the front, ordered by increasing complexity.
  ///   - rows: rows the in-sample losses were computed on (for AICc and BIC).
  ///   - noiseVariance: replicate-noise estimate in loss units (cv-1se treats held-out losses at or below it as
  ///     perfect), nil when the data have no replicates.
  ///   - targetVariance: variance of the target, for the numerical floor of loss comparisons.
  public static func choose(
    _ rule: SelectionRule, candidates: [SelectionCandidate], rows: Int,
    noiseVariance: Double?, targetVariance: Double,
    equivalence: PracticalEquivalence = PracticalEquivalence()
  ) -> SelectionSummary {
    var summary = SelectionSummary(
      rule: rule, folds: 0, grouped: false, rows: rows, noiseVariance: noiseVariance,
      selected: nil, best: nil, threshold: nil,
      members: candidates.map { informationCriteria($0, rows: rows) }, reason: "")
    guard !candidates.isEmpty else {
      summary.reason = "the front is empty"
      return summary
    }
    let crossValidated = fillCrossValidation(candidates, into: &summary)
    switch rule {
    case .cv1se where crossValidated:
      oneStandardError(
        candidates, noiseVariance: noiseVariance, targetVariance: targetVariance,
        equivalence: equivalence, into: &summary)
    case .cv1se, .score:
      if rule == .cv1se {
        summary.reason = "cross-validation was not possible (too few distinct rows), so PySR's score chose: "
        summary.rule = .score
      }
      pysrScore(candidates, into: &summary)
    case .aicc, .bic:
      let values = summary.members.map { (rule == .aicc ? $0.aicc : $0.bic) ?? .infinity }
      let chosen = values.indices.min { values[$0] < values[$1] || (values[$0] == values[$1] && $0 < $1) }
      summary.selected = chosen
      if !crossValidated { summary.best = chosen }
      if let chosen { summary.reason = "lowest \(rule == .aicc ? "AICc" : "BIC") (\(short(values[chosen])))" }
    }
    return summary
  }

  /// Per-member cross-validated losses, their standard errors and the paired differences to the best; false when
  /// the candidates carry no usable cross-validation.
  private static func fillCrossValidation(_ candidates: [SelectionCandidate], into summary: inout SelectionSummary)
    -> Bool
  {
    let losses = candidates.map { $0.cvLoss ?? .nan }
    let groups = candidates.first?.groupLosses.count ?? 0
    guard groups >= 2, candidates.allSatisfy({ $0.groupLosses.count == groups }),
      let best = losses.indices.filter({ losses[$0].isFinite }).min(by: { losses[$0] < losses[$1] })
    else { return false }
    for i in candidates.indices {
      summary.members[i].cvLoss = finite(losses[i])
      summary.members[i].cvStandardError = finite(standardError(candidates[i].groupLosses.map { Double(groups) * $0 }))
    }
    summary.best = best
    summary.fillDifferences(pairedWith: candidates)
    return true
  }

  /// PySR's "best" rule on losses ordered by increasing complexity: among entries whose loss is at most
  /// `threshold ×` the lowest, the one with the largest score `−Δlog(loss)/Δcomplexity` relative to the previous
  /// entry (the first entry scores 0).
  public static func select(complexities: [Int], losses: [Double], threshold: Double) -> Int? {
    scores(complexities: complexities, losses: losses, threshold: threshold).chosen
  }

  static func scores(complexities: [Int], losses: [Double], threshold: Double) -> (chosen: Int?, scores: [Double]) {
    guard !losses.isEmpty else { return (nil, []) }
    let best = losses.min() ?? .infinity
    var chosen: Int?
    var bestScore = -Double.infinity
    var all: [Double] = []
    for i in losses.indices {
      var score = 0.0
      if i > 0 {
        let dc = Double(max(1, complexities[i] - complexities[i - 1]))
        let ratio = losses[i - 1] > 0 && losses[i] > 0 ? losses[i] / losses[i - 1] : 1
        score = -_log(ratio) / dc
      }
      all.append(score)
      guard losses[i] <= threshold * best || (best <= 0 && losses[i] <= 0) else { continue }
      if score > bestScore {
        bestScore = score
        chosen = i
      }
    }
    return (chosen, all)
  }

  private static func pysrScore(_ candidates: [SelectionCandidate], into summary: inout SelectionSummary) {
    let (chosen, scores) = scores(
      complexities: candidates.map(\.complexity), losses: candidates.map(\.fitLoss),
      threshold: 2)
    for i in scores.indices { summary.members[i].score = scores[i].isFinite ? scores[i] : nil }
    summary.selected = chosen
    summary.best = candidates.indices.min { candidates[$0].fitLoss < candidates[$1].fitLoss }
    if let chosen {
      summary.reason +=
        "largest score −Δlog(loss)/Δcomplexity (\(short(scores[chosen]))) among members within 2× the lowest in-sample loss"
    }
  }

  /// The 1-SE rule on members whose cross-validation is filled in: the simplest member (then fewest constants)
  /// whose cross-validated loss is at most the best's plus the larger of its standard error and the
  /// practical-equivalence margin, or at the replicate-noise level.
  private static func oneStandardError(
    _ candidates: [SelectionCandidate], noiseVariance: Double?, targetVariance: Double,
    equivalence: PracticalEquivalence, into summary: inout SelectionSummary
  ) {
    let losses = summary.members.map { $0.cvLoss ?? .infinity }
    guard let best = summary.best else { return }
    let se = summary.members[best].cvStandardError ?? 0
    let margin = equivalence.margin(
      bestLoss: losses[best], noiseVariance: noiseVariance, targetVariance: targetVariance)
    let floor = 1e-12 * max(targetVariance, 1e-300)
    let threshold = losses[best] + max(se, margin) + floor
    func qualifies(_ i: Int) -> Bool {
      guard losses[i].isFinite else { return false }
      if let noise = noiseVariance, losses[i] <= noise { return true }
      return losses[i] <= threshold
    }
    let chosen =
      candidates.indices.filter(qualifies).min { a, b in
        (candidates[a].complexity, candidates[a].constantCount, losses[a]) < (
          candidates[b].complexity, candidates[b].constantCount, losses[b]
        )
      } ?? best
    summary.selected = chosen
    summary.threshold = threshold
    let limit =
      "best \(short(losses[best])) (complexity \(candidates[best].complexity)) + "
      + (margin > se ? "equivalence margin \(short(margin)) (> SE \(short(se)))" : "SE \(short(se))")
      + " = \(short(threshold))"
    if chosen == best {
      summary.reason = "lowest cross-validated loss (\(short(losses[best]))); no simpler member is within \(limit)"
    } else if losses[chosen] > threshold, let noise = noiseVariance {
      summary.reason =
        "simplest member whose cross-validated loss (\(short(losses[chosen]))) is at the replicate-noise level (\(short(noise)))"
    } else {
      summary.reason = "simplest member whose cross-validated loss (\(short(losses[chosen]))) is within \(limit)"
    }
  }

  private static func informationCriteria(_ c: SelectionCandidate, rows: Int) -> MemberScore {
    let n = Double(rows)
    let k = Double(c.constantCount + 1)
    let loss = max(c.fitLoss, 1e-300)
    guard c.fitLoss.isFinite, rows > 0 else { return MemberScore() }
    let aicc = n - k - 1 > 0 ? n * _log(loss) + 2 * k + 2 * k * (k + 1) / (n - k - 1) : nil
    return MemberScore(aicc: aicc, bic: n * _log(loss) + k * _log(n))
  }

  static func standardError(_ values: [Double]) -> Double? {
    guard values.count >= 2, values.allSatisfy(\.isFinite) else { return nil }
    let m = values.reduce(0, +) / Double(values.count)
    let v = values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(values.count - 1)
    return (v / Double(values.count)).squareRoot()
  }

  static func finite(_ x: Double?) -> Double? { x.flatMap { $0.isFinite ? $0 : nil } }

  static func short(_ x: Double) -> String {
    guard x.isFinite else { return "\(x)" }
    return String(format: "%.3g", x)
  }
}
