import Statistics

/// Grouped K-fold cross-validation of front members with the engine's own constant fitting: every member's
/// constants are refitted on each fold's training rows (starting from its full-data values) and scored on the
/// held-out rows, whose groups never straddle folds.
struct MemberCrossValidation: Sendable {
  struct Fold: Sendable {
    let train: Dataset
    let test: Dataset
    /// Group of each test row.
    let testGroups: [Int]
  }
  let folds: [Fold]
  let groupCount: Int
  let totalWeight: Double

  /// Folds of `data` by `groups` (nil when there are fewer than two groups); `k` is capped at the group count.
  init?(data: Dataset, groups: RowGroups, k: Int, seed: UInt64) {
    let k = min(k, groups.groupCount)
    guard k >= 2, let plan = try? GroupedKFold(groups: groups, k: k, seed: seed) else { return nil }
    folds = plan.folds.map { f in
      Fold(
        train: data.subset(rows: f.trainingRows), test: data.subset(rows: f.testRows),
        testGroups: f.testRows.map { groups.groupOfRow[$0] })
    }
    groupCount = groups.groupCount
    totalWeight = data.sumOfWeights
  }

  var k: Int { folds.count }

  /// Held-out loss of each group (summed weighted squared errors / total weight); infinity everywhere when a
  /// fold's refit or prediction is not finite. `evaluators` holds one (train, test) pair per fold.
  func groupLosses(
    _ program: Program, evaluators: [(train: Evaluator, test: Evaluator)],
    optimizer: ConstantOptimizer
  ) -> [Double] {
    var losses = [Double](repeating: 0, count: groupCount)
    let failed = [Double](repeating: .infinity, count: groupCount)
    for (f, fold) in folds.enumerated() {
      var q = program
      if !program.constantIndices.isEmpty { q = optimizer.optimize(program, with: evaluators[f].train).program }
      guard let predicted = evaluators[f].test.predict(q) else { return failed }
      for r in 0..<fold.test.rowCount {
        let e = fold.test.target[r] - predicted[r]
        let contribution = fold.test.weights[r] * e * e
        guard contribution.isFinite else { return failed }
        losses[fold.testGroups[r]] += contribution
      }
    }
    let w = max(totalWeight, 1e-300)
    return losses.map { $0 / w }
  }

  /// Evaluators for the folds (one set per thread: evaluators are not shared).
  func makeEvaluators() -> [(train: Evaluator, test: Evaluator)] {
    folds.map { (Evaluator(data: $0.train), Evaluator(data: $0.test)) }
  }
}
