extension Search {
  /// Smaller relatives of each candidate: every free constant in turn fixed to 0 and to 1, then simplified
  /// (`c0 + c1*f` gives `c1*f` and `c0 + f`). Linear scaling wraps every new program during the search, so without
  /// this the front rarely holds the small forms without an intercept or a slope. Variants that are not smaller,
  /// or that repeat a candidate, are dropped; candidates with more than `maxConstants` constants are not pruned.
  public static func prunedVariants(
    _ candidates: [Candidate], maxConstants: Int = 6,
    weights: ComplexityWeights = .unit
  ) -> [Candidate] {
    var seen = Set(candidates.map(\.program))
    var out: [Candidate] = []
    for c in candidates {
      let indices = c.program.constantIndices
      guard !indices.isEmpty, indices.count <= maxConstants else { continue }
      for i in indices {
        for v in [0.0, 1.0] {
          var q = c.program
          q.nodes[i] = .literal(v)
          q = Simplifier.simplify(q)
          guard q.isValid, q.complexity(weights: weights) < c.program.complexity(weights: weights),
            seen.insert(q).inserted
          else { continue }
          out.append(Candidate(program: q, loss: .infinity))
        }
      }
    }
    return out
  }

  /// Refits, simplifies and scores the candidates and their pruned variants (``prunedVariants(_:maxConstants:weights:)``);
  /// keeps the best per complexity that is non-dominated on validation.
  static func finalFront(
    _ found: [Candidate], parts: EvaluationParts, featureNames: [String], configuration: SearchConfiguration,
    threads: Int, units: UnitSystem?
  ) -> [FrontEntry] {
    let candidates = found + prunedVariants(found, weights: configuration.complexityWeights)
    let box = Slots<FrontEntry>(count: candidates.count)
    let chunks = max(1, min(threads, candidates.count))
    parallel(chunks, threads: chunks) { t in
      let scorers = parts.evaluators()
      let optimizer = ConstantOptimizer(maxIterations: configuration.finalIterations)
      for i in stride(from: t, to: candidates.count, by: chunks) {
        box[i] = polish(
          candidates[i].program, train: scorers.train, validation: scorers.validation,
          test: scorers.test, optimizer: optimizer, featureNames: featureNames,
          configuration: configuration)
      }
    }
    var bestPerComplexity: [Int: FrontEntry] = [:]
    for case let e? in box.values
    where e.validationLoss.isFinite && e.trainLoss.isFinite
      && (units?.isConsistent(e.program) ?? true)
    {
      if let old = bestPerComplexity[e.complexity],
        !(e.validationLoss < old.validationLoss || (e.validationLoss == old.validationLoss && e.formula < old.formula))
      {
        continue
      }
      bestPerComplexity[e.complexity] = e
    }
    var front: [FrontEntry] = []
    var best = Double.infinity
    for k in bestPerComplexity.keys.sorted() {
      guard let e = bestPerComplexity[k], e.validationLoss < best else { continue }
      front.append(e)
      best = e.validationLoss
    }
    return front
  }

  /// Fits, simplifies, refits and rounds one program, then scores it on every part.
  public static func polish(
    _ program: Program, train: Evaluator, validation: Evaluator, test: Evaluator?,
    optimizer: ConstantOptimizer, featureNames: [String],
    configuration: SearchConfiguration
  ) -> FrontEntry? {
    var (p, _) = optimizer.optimize(program, with: train)
    p = Simplifier.simplify(p)
    var (q, loss) = optimizer.optimize(p, with: train)
    if configuration.niceTolerance > 0 {
      (q, loss) = Simplifier.niceConstants(q, evaluator: train, tolerance: configuration.niceTolerance)
    }
    guard loss.isFinite else { return nil }
    let scorers = EvaluationParts.Evaluators(train: train, validation: validation, test: test)
    return entry(
      q, scorers: scorers, losses: (loss, validation.loss(q), test.map { $0.loss(q) }), featureNames: featureNames,
      configuration: configuration)
  }

  /// Constant names a, b, c, … skipping any that equal a feature name.
  public static func constantNames(count: Int, avoiding: Set<String>) -> [String] {
    var out: [String] = []
    var k = 0
    while out.count < count {
      let name = Program.constantName(k)
      if !avoiding.contains(name) { out.append(name) }
      k += 1
    }
    return out
  }
}
