import Statistics

/// What the finishing phase hands back to ``Search/run(_:split:configuration:progress:)``.
struct FinishedFront {
  var front: [FrontEntry]
  var selection: SelectionSummary
  var fittedOn: FitRows
}

extension Search {
  /// The finishing phase after the evolutionary loop: every front member is refitted on the rows the final
  /// constants come from (training + validation, or training with `refitOnValidation` off), goes through the
  /// ``FinalForm`` pass, and is cross-validated on grouped folds of those rows; the front is rebuilt from the
  /// finished forms (one per complexity, each better in-sample than every simpler one) and the configured
  /// ``SelectionRule`` picks one member.
  static func finish(
    _ members: [FrontEntry], full: Dataset, split: DataSplit, featureNames: [String],
    configuration: SearchConfiguration, threads: Int, units: UnitSystem?
  ) -> FinishedFront {
    let refit = configuration.refitOnValidation && !split.validation.isEmpty
    let fitRows = refit ? split.train + split.validation : split.train
    let fitData = full.subset(rows: fitRows)
    let parts = EvaluationParts(full: full, split: split)
    var finalForm = FinalForm()
    finalForm.niceTolerance = configuration.niceTolerance
    finalForm.weights = configuration.complexityWeights
    finalForm.units = units
    let form = finalForm

    let box = Slots<FrontEntry>(count: members.count)
    let chunks = max(1, min(threads, members.count))
    parallel(chunks, threads: chunks) { t in
      let evaluator = Evaluator(data: fitData)
      let optimizer = ConstantOptimizer(maxIterations: configuration.finalIterations)
      let scorers = parts.evaluators()
      for i in stride(from: t, to: members.count, by: chunks) {
        var (p, loss) = (members[i].program, evaluator.loss(members[i].program))
        if !p.constantIndices.isEmpty {
          let (q, l) = optimizer.optimize(p, with: evaluator)
          if l.isFinite, !(l > loss) { (p, loss) = (q, l) }
        }
        (p, loss) = form.finish(p, evaluator: evaluator, optimizer: optimizer)
        guard loss.isFinite, units?.isConsistent(p) ?? true else { continue }
        box[i] = entry(p, scorers: scorers, featureNames: featureNames, configuration: configuration)
      }
    }
    let front = nonDominated(box.values.compactMap { $0 }, fitData: fitData)

    let featureRows = (0..<fitData.rowCount).map { r in
      (0..<fitData.featureCount).map { fitData.value(feature: $0, row: r) }
    }
    let groups =
      configuration.groupedSplits ? RowGroups(rows: featureRows) : RowGroups.singletons(rowCount: fitData.rowCount)
    let folds =
      configuration.folds >= 2
      ? MemberCrossValidation(
        data: fitData, groups: groups, k: configuration.folds,
        seed: configuration.seed) : nil
    let losses = Slots<[Double]>(count: front.count)
    if let folds {
      let workers = max(1, min(threads, front.count))
      parallel(workers, threads: workers) { t in
        let evaluators = folds.makeEvaluators()
        let optimizer = ConstantOptimizer(maxIterations: configuration.finalIterations)
        for i in stride(from: t, to: front.count, by: workers) {
          losses[i] = folds.groupLosses(front[i].program, evaluators: evaluators, optimizer: optimizer)
        }
      }
    }
    let fitEvaluator = Evaluator(data: fitData)
    let candidates = front.indices.map { i in
      SelectionCandidate(
        complexity: front[i].complexity, constantCount: front[i].constants.count,
        fitLoss: fitEvaluator.loss(front[i].program), groupLosses: losses[i] ?? [])
    }
    let noise =
      configuration.groupedSplits
      ? ReplicateNoise.variance(target: fitData.target, weights: fitData.weights, groups: groups) : nil
    var selection = FrontSelection.choose(
      configuration.selection, candidates: candidates, rows: fitData.rowCount,
      noiseVariance: noise, targetVariance: fitData.targetVariance,
      equivalence: configuration.equivalence)
    selection.folds = folds?.k ?? 0
    selection.grouped = configuration.groupedSplits
    var finished = front
    let variance = fitData.targetVariance
    for i in finished.indices {
      finished[i].cvLoss = selection.members[i].cvLoss
      finished[i].r2CV = selection.members[i].cvLoss.map {
        variance > 0 ? 1 - $0 / variance : ($0 == 0 ? 1 : -.infinity)
      }
    }
    return FinishedFront(front: finished, selection: selection, fittedOn: refit ? .trainAndValidation : .train)
  }

  /// One entry per complexity (lowest in-sample loss, then formula text), keeping only entries whose in-sample
  /// loss is below that of every simpler entry.
  static func nonDominated(_ entries: [FrontEntry], fitData: Dataset) -> [FrontEntry] {
    let evaluator = Evaluator(data: fitData)
    let scored = entries.map { ($0, evaluator.loss($0.program)) }.sorted { a, b in
      (a.0.complexity, a.1, a.0.formula) < (b.0.complexity, b.1, b.0.formula)
    }
    var out: [FrontEntry] = []
    var best = Double.infinity
    for (e, loss) in scored where loss < best {
      out.append(e)
      best = loss
    }
    return out
  }

  /// The front entry of a program scored on the training, validation and test parts (`losses` when known).
  static func entry(
    _ q: Program, scorers: EvaluationParts.Evaluators,
    losses known: (train: Double, validation: Double, test: Double?)? = nil,
    featureNames: [String], configuration: SearchConfiguration
  ) -> FrontEntry {
    let names = constantNames(count: q.constantIndices.count, avoiding: Set(featureNames))
    func r2(_ l: Double, _ d: Dataset) -> Double {
      let v = d.targetVariance
      return v > 0 ? 1 - l / v : (l == 0 ? 1 : -.infinity)
    }
    let losses = known ?? (scorers.train.loss(q), scorers.validation.loss(q), scorers.test.map { $0.loss(q) })
    return FrontEntry(
      program: q, complexity: q.complexity(weights: configuration.complexityWeights),
      formula: q.formula(featureNames: featureNames),
      template: q.formula(featureNames: featureNames, constantNames: names),
      constantNames: names, constants: q.constants,
      trainLoss: losses.train, validationLoss: losses.validation, testLoss: losses.test,
      r2Train: r2(losses.train, scorers.train.data), r2Validation: r2(losses.validation, scorers.validation.data),
      r2Test: scorers.test.flatMap { t in losses.test.map { r2($0, t.data) } })
  }
}
