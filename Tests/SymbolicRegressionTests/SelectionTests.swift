import Statistics
import SymbolicRegression
import Testing

/// A candidate whose held-out loss is spread evenly over `groups` groups, with a little per-group scatter.
private func member(_ complexity: Int, constants: Int, fit: Double, cv: Double, groups: Int = 20, scatter: Double = 0.1)
  -> SelectionCandidate
{
  let losses = (0..<groups).map { g in cv / Double(groups) * (1 + scatter * (g % 2 == 0 ? 1 : -1)) }
  return SelectionCandidate(complexity: complexity, constantCount: constants, fitLoss: fit, groupLosses: losses)
}

@Test func cvRuleIgnoresAnEarlyDropWhenALaterOneIsBigger() {
  // In-sample loss halves at complexity 4 → 5 (the score rule's favourite) and falls less steeply per node from
  // 7 to 12; held out, the later drop is far bigger (0.49 → 0.06), as in the demo grid.
  let front = [
    member(1, constants: 1, fit: 1.0, cv: 1.0), member(4, constants: 1, fit: 0.9, cv: 0.92),
    member(5, constants: 1, fit: 0.45, cv: 0.5), member(7, constants: 2, fit: 0.44, cv: 0.49),
    member(12, constants: 3, fit: 0.25, cv: 0.06), member(15, constants: 4, fit: 0.24, cv: 0.061),
  ]
  let score = FrontSelection.choose(.score, candidates: front, rows: 100, noiseVariance: nil, targetVariance: 1)
  #expect(score.selected == 2)
  let cv = FrontSelection.choose(
    .cv1se, candidates: front, rows: 100, noiseVariance: nil, targetVariance: 1,
    equivalence: .none)
  #expect(cv.selected == 4)
  #expect(cv.best == 4)
  #expect(cv.reason.contains("lowest cross-validated loss"))
  #expect(cv.members[4].cvLoss! > 0.0599 && cv.members[4].cvLoss! < 0.0601)
}

@Test func cvRuleStopsAtTheTrueStructureWhenLaterGainsAreNoise() {
  // Complexity 9 reaches the noise; 13 and 17 only fit noise (held-out loss within one SE, slightly lower).
  let front = [
    member(3, constants: 1, fit: 1.0, cv: 1.0), member(9, constants: 3, fit: 0.010, cv: 0.0105, scatter: 0.5),
    member(13, constants: 5, fit: 0.0098, cv: 0.0104, scatter: 0.5),
    member(17, constants: 7, fit: 0.0096, cv: 0.0103, scatter: 0.5),
  ]
  let s = FrontSelection.choose(
    .cv1se, candidates: front, rows: 300, noiseVariance: nil, targetVariance: 1,
    equivalence: .none)
  #expect(s.best == 3)
  #expect(s.selected == 1)
  #expect(s.reason.contains("within best"))
}

@Test func replicateNoiseLevelQualifiesAMember() {
  // Without the noise estimate the SE is too small to reach complexity 9; at the noise level it qualifies.
  let front = [
    member(9, constants: 3, fit: 0.0100, cv: 0.0110, scatter: 0.01),
    member(15, constants: 6, fit: 0.0090, cv: 0.0100, scatter: 0.01),
  ]
  let plain = FrontSelection.choose(
    .cv1se, candidates: front, rows: 300, noiseVariance: nil, targetVariance: 1,
    equivalence: .none)
  #expect(plain.selected == 1)
  let noisy = FrontSelection.choose(
    .cv1se, candidates: front, rows: 300, noiseVariance: 0.0112, targetVariance: 1,
    equivalence: .none)
  #expect(noisy.selected == 0)
  #expect(noisy.reason.contains("replicate-noise level"))
}

@Test func tiesAreBrokenByFewerConstants() {
  let front = [member(9, constants: 4, fit: 0.01, cv: 0.0100), member(9, constants: 2, fit: 0.01, cv: 0.0101)]
  let s = FrontSelection.choose(
    .cv1se, candidates: front, rows: 300, noiseVariance: nil, targetVariance: 1,
    equivalence: .none)
  #expect(s.selected == 1)
}

@Test func practicalEquivalenceMarginIsTheSmallerBound() {
  let e = PracticalEquivalence()
  #expect(e.margin(bestLoss: 0.002, noiseVariance: 0.0004, targetVariance: 0.04) == 0.0008)  // 0.02 × variance
  #expect(abs(e.margin(bestLoss: 0.0005, noiseVariance: 0.0004, targetVariance: 0.04) - 0.0001) < 1e-15)  // the misfit
  #expect(e.margin(bestLoss: 0.0004, noiseVariance: 0.0005, targetVariance: 0.04) == 0)  // at the noise
  #expect(e.margin(bestLoss: 0.002, noiseVariance: nil, targetVariance: 0.04) == 0)  // no replicates
  #expect(PracticalEquivalence.none.margin(bestLoss: 1, noiseVariance: 0, targetVariance: 1) == 0)
}

@Test func marginLetsAShorterApproximationWinOnReplicatedData() {
  // Best CV loss 5× the replicate noise: a member 0.0007 worse (within 0.02 × variance) is equally good.
  let front = [
    member(11, constants: 2, fit: 0.0030, cv: 0.00310, scatter: 0.01),
    member(20, constants: 5, fit: 0.0018, cv: 0.00240, scatter: 0.01),
  ]
  let s = FrontSelection.choose(.cv1se, candidates: front, rows: 750, noiseVariance: 0.0004, targetVariance: 0.044)
  #expect(s.selected == 0)
  #expect(s.reason.contains("equivalence margin"))
  let plain = FrontSelection.choose(.cv1se, candidates: front, rows: 750, noiseVariance: nil, targetVariance: 0.044)
  #expect(plain.selected == 1)
}

@Test func withoutCrossValidationTheScoreRuleChooses() {
  let front = [
    SelectionCandidate(complexity: 3, constantCount: 1, fitLoss: 1.0),
    SelectionCandidate(complexity: 7, constantCount: 2, fitLoss: 0.1),
  ]
  let s = FrontSelection.choose(.cv1se, candidates: front, rows: 50, noiseVariance: nil, targetVariance: 1)
  #expect(s.rule == .score)
  #expect(s.selected == 1)
  #expect(s.reason.hasPrefix("cross-validation was not possible"))
}

@Test func informationCriteriaPreferTheSmallerFormulaAtEqualLoss() {
  let front = [
    SelectionCandidate(complexity: 5, constantCount: 2, fitLoss: 0.01),
    SelectionCandidate(complexity: 9, constantCount: 4, fitLoss: 0.00999),
  ]
  #expect(
    FrontSelection.choose(.aicc, candidates: front, rows: 100, noiseVariance: nil, targetVariance: 1).selected == 0)
  #expect(
    FrontSelection.choose(.bic, candidates: front, rows: 100, noiseVariance: nil, targetVariance: 1).selected == 0)
  let better = [front[0], SelectionCandidate(complexity: 9, constantCount: 4, fitLoss: 0.005)]
  #expect(
    FrontSelection.choose(.bic, candidates: better, rows: 100, noiseVariance: nil, targetVariance: 1).selected == 1)
}

@Test func replicateNoiseIsThePooledWithinPointVariance() {
  // Ten points, each with replicates ±0.1 around its mean: unbiased within-point variance 0.02 (n/(n−1) = 2).
  var target: [Double] = []
  var labels: [Int] = []
  for p in 0..<10 {
    target += [Double(p) + 0.1, Double(p) - 0.1]
    labels += [p, p]
  }
  let v = ReplicateNoise.variance(
    target: target, weights: Array(repeating: 1, count: 20), groups: RowGroups(labels: labels))
  #expect(v != nil && abs(v! - 0.02) < 1e-12)
  // Two replicated points are too few to trust.
  #expect(
    ReplicateNoise.variance(target: [0, 0.2, 1, 1.2], weights: [1, 1, 1, 1], groups: RowGroups(labels: [0, 0, 1, 1]))
      == nil)
}
