import Dispatch
import Foundation
import Support

/// Columns, target and names of a regression problem.
public struct SearchProblem: Sendable {
  public var featureNames: [String]
  /// One array per feature, all as long as `target`.
  public var columns: [[Double]]
  public var target: [Double]
  public var weights: [Double]?
  /// Name of the target (used by `--units`).
  public var targetName: String

  public init(
    featureNames: [String], columns: [[Double]], target: [Double], weights: [Double]? = nil, targetName: String = "y"
  ) {
    self.featureNames = featureNames
    self.columns = columns
    self.target = target
    self.weights = weights
    self.targetName = targetName
  }
}

/// Serialisable state of a search between epochs (the checkpoint content).
struct SearchState: Codable, Sendable, Equatable {
  var format = "mtlformulas.sr-checkpoint/1"
  var fingerprint: String
  var dataFingerprint: UInt64
  var islands: [IslandState]
  var hallOfFame: HallOfFame
  var rng: SeededGenerator
  var epoch: Int
  var bestValidation: Double
  var epochsWithoutImprovement: Int
}

/// Island-model genetic programming with constant fitting, simplification and a Pareto front.
public enum Search {
  /// Runs a search on `problem` (split into train / validation / test parts by the configuration's seed).
  public static func run(
    _ problem: SearchProblem, configuration: SearchConfiguration,
    progress: ((SearchProgress) -> Void)? = nil
  ) throws -> SearchResult {
    try configuration.validate()
    guard problem.columns.count == problem.featureNames.count else {
      throw SearchConfigurationError("\(problem.columns.count) feature columns but \(problem.featureNames.count) names")
    }
    guard problem.target.count >= 2 else {
      throw SearchConfigurationError("need at least 2 rows, got \(problem.target.count)")
    }
    if let bad = problem.target.firstIndex(where: { !$0.isFinite }) {
      throw SearchConfigurationError("target value in row \(bad + 1) is not a finite number")
    }
    for (f, c) in problem.columns.enumerated() {
      if let bad = c.firstIndex(where: { !$0.isFinite }) {
        throw SearchConfigurationError("feature '\(problem.featureNames[f])' in row \(bad + 1) is not a finite number")
      }
    }
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
    let started = Clock.now()
    let full = try Dataset(columns: problem.columns, target: problem.target, weights: problem.weights)
    guard !split.train.isEmpty else { throw SearchConfigurationError("the training part of the split is empty") }
    let train = full.subset(rows: split.train)
    let validation = split.validation.isEmpty ? train : full.subset(rows: split.validation)
    let test = split.test.isEmpty ? nil : full.subset(rows: split.test)
    var baseVariation = Variation(
      featureCount: full.featureCount, operators: configuration.operators,
      maxComplexity: configuration.maxComplexity, maxDepth: configuration.maxDepth)
    baseVariation.complexityWeights = configuration.complexityWeights
    baseVariation.units = try configuration.units.map {
      try UnitSystem(parsing: $0, featureNames: problem.featureNames, targetName: problem.targetName)
    }
    let variation = baseVariation
    let budget = configuration.effectiveMaxEvaluations
    let deadline = configuration.timeLimit.map { started + $0 }
    let threads = configuration.threads > 0 ? configuration.threads : ProcessInfo.processInfo.activeProcessorCount
    let fingerprint = configuration.resultFingerprint
    let dataFingerprint = Self.fingerprint(train)

    // Initial state, or the checkpoint.
    var runners: [IslandRunner] = []
    var hallOfFame = HallOfFame(perComplexity: 3, weights: configuration.complexityWeights)
    var rng = SeededGenerator(seed: configuration.seed, stream: 0)
    var epoch = 0
    var bestValidation = Double.infinity
    var stale = 0
    var resumed = false
    if configuration.resume, let path = configuration.checkpointPath, FileManager.default.fileExists(atPath: path) {
      let state = try Checkpoint.read(path)
      guard state.fingerprint == fingerprint, state.dataFingerprint == dataFingerprint,
        state.islands.count == configuration.islands
      else {
        throw SearchConfigurationError("--resume: checkpoint \(path) was written for other data or settings")
      }
      runners = state.islands.map {
        IslandRunner(state: $0, data: train, variation: variation, configuration: configuration)
      }
      hallOfFame = state.hallOfFame
      rng = state.rng
      epoch = state.epoch
      bestValidation = state.bestValidation
      stale = state.epochsWithoutImprovement
      resumed = true
    }
    if !resumed {
      let islandBudgets: [Int?] = (0..<configuration.islands).map { i in
        budget.map { $0 / configuration.islands + (i < $0 % configuration.islands ? 1 : 0) }
      }
      let box = Slots<IslandRunner>(count: configuration.islands)
      parallel(configuration.islands, threads: threads) { i in
        box[i] = IslandRunner.initial(
          index: i, data: train, variation: variation,
          configuration: configuration, budget: islandBudgets[i])
      }
      runners = box.values.compactMap { $0 }
      for r in runners { for c in r.state.hallOfFame.all { hallOfFame.consider(c) } }
    }
    let validationEvaluator = Evaluator(data: validation)
    let validationVariance = max(validation.targetVariance, 1e-300)

    var stopReason = "budget"
    while true {
      if let stop = configuration.stopAfterEpochs, epoch >= stop {
        stopReason = "interrupted"
        break
      }
      if runners.allSatisfy(\.exhausted) {
        stopReason = "budget"
        break
      }
      if let d = deadline, Clock.now() >= d {
        stopReason = "time"
        break
      }

      let generations = configuration.generationsPerEpoch
      let current = runners
      parallel(current.count, threads: threads) { i in current[i].run(generations: generations, deadline: deadline) }
      epoch += 1
      for r in runners { for c in r.state.hallOfFame.all { hallOfFame.consider(c) } }

      // Early stopping on validation data.
      let front = hallOfFame.front
      let vbest = front.map { validationEvaluator.loss($0.program) }.min() ?? .infinity
      if vbest < bestValidation * (1 - 1e-9) {
        bestValidation = vbest
        stale = 0
      } else {
        stale += 1
      }

      // Migration: each island gets front members and the best of its neighbour.
      if configuration.migrants > 0 && runners.count > 0 && !front.isEmpty {
        let bests = runners.map { r in
          r.state.members.min { $0.loss < $1.loss }.map { Candidate(program: $0.program, loss: $0.loss) }
        }
        for (i, r) in runners.enumerated() {
          var incoming: [Candidate] = []
          for k in 0..<configuration.migrants {
            if k == 0, runners.count > 1, let b = bests[(i + 1) % runners.count] {
              incoming.append(b)
            } else {
              incoming.append(front[rng.nextInt(below: front.count)])
            }
          }
          r.receive(incoming)
        }
      }

      let evaluations = runners.reduce(0) { $0 + $1.state.evaluations }
      if let progress {
        let elapsed = Clock.now() - started
        var fraction = 0.0
        if let b = budget { fraction = Double(evaluations) / Double(max(1, b)) }
        if let t = configuration.timeLimit { fraction = max(fraction, elapsed / t) }
        progress(
          SearchProgress(
            epoch: epoch, evaluations: evaluations,
            evaluationsPerSecond: elapsed > 0 ? Double(evaluations) / elapsed : 0,
            bestLoss: hallOfFame.bestLoss, elapsed: elapsed, fractionDone: min(1, fraction)))
      }
      if let path = configuration.checkpointPath, epoch % configuration.checkpointInterval == 0 {
        let state = SearchState(
          fingerprint: fingerprint, dataFingerprint: dataFingerprint,
          islands: runners.map(\.state), hallOfFame: hallOfFame, rng: rng, epoch: epoch,
          bestValidation: bestValidation, epochsWithoutImprovement: stale)
        try Checkpoint.write(state, to: path)
      }
      if let tol = configuration.tolerance, bestValidation / validationVariance <= tol {
        stopReason = "tolerance"
        break
      }
      if let p = configuration.patience, stale >= p {
        stopReason = "patience"
        break
      }
    }

    let evaluations = runners.reduce(0) { $0 + $1.state.evaluations }
    let front = finalFront(
      hallOfFame.all, train: train, validation: validation, test: test,
      featureNames: problem.featureNames, configuration: configuration, threads: threads,
      units: variation.units)
    let finished = finish(
      front, full: full, split: split, featureNames: problem.featureNames,
      configuration: configuration, threads: threads, units: variation.units)
    var result = SearchResult(
      featureNames: problem.featureNames, front: finished.front,
      selected: finished.selection.selected, split: split, evaluations: evaluations,
      epochs: epoch, stopReason: stopReason, seconds: 0)
    result.constantsFittedOn = finished.fittedOn
    result.selection = finished.selection
    result.seconds = Clock.now() - started
    return result
  }

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
    _ found: [Candidate], train: Dataset, validation: Dataset, test: Dataset?,
    featureNames: [String], configuration: SearchConfiguration, threads: Int,
    units: UnitSystem?
  ) -> [FrontEntry] {
    let candidates = found + prunedVariants(found, weights: configuration.complexityWeights)
    let box = Slots<FrontEntry>(count: candidates.count)
    let chunks = max(1, min(threads, candidates.count))
    parallel(chunks, threads: chunks) { t in
      let trainEvaluator = Evaluator(data: train)
      let validationEvaluator = Evaluator(data: validation)
      let testEvaluator = test.map { Evaluator(data: $0) }
      let optimizer = ConstantOptimizer(maxIterations: configuration.finalIterations)
      for i in stride(from: t, to: candidates.count, by: chunks) {
        box[i] = polish(
          candidates[i].program, train: trainEvaluator, validation: validationEvaluator,
          test: testEvaluator, optimizer: optimizer, featureNames: featureNames,
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
    let vloss = validation.loss(q)
    let tloss = test.map { $0.loss(q) }
    let names = constantNames(count: q.constantIndices.count, avoiding: Set(featureNames))
    func r2(_ l: Double, _ d: Dataset) -> Double {
      let v = d.targetVariance
      return v > 0 ? 1 - l / v : (l == 0 ? 1 : -.infinity)
    }
    return FrontEntry(
      program: q, complexity: q.complexity(weights: configuration.complexityWeights),
      formula: q.formula(featureNames: featureNames),
      template: q.formula(featureNames: featureNames, constantNames: names),
      constantNames: names, constants: q.constants,
      trainLoss: loss, validationLoss: vloss, testLoss: tloss,
      r2Train: r2(loss, train.data), r2Validation: r2(vloss, validation.data),
      r2Test: test.flatMap { t in tloss.map { r2($0, t.data) } })
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

  static func fingerprint(_ d: Dataset) -> UInt64 {
    var h: UInt64 = 0xCBF2_9CE4_8422_2325
    func mix(_ v: UInt64) { h = (h ^ v) &* 0x100_0000_01B3 }
    for v in d.columns { mix(v.bitPattern) }
    for v in d.target { mix(v.bitPattern) }
    for v in d.weights { mix(v.bitPattern) }
    return h
  }

  /// Runs `body(0..<count)` on up to `threads` threads.
  static func parallel(_ count: Int, threads: Int, _ body: @escaping @Sendable (Int) -> Void) {
    let t = max(1, min(threads, count))
    if t == 1 {
      for i in 0..<count { body(i) }
      return
    }
    DispatchQueue.concurrentPerform(iterations: t) { worker in
      for i in stride(from: worker, to: count, by: t) { body(i) }
    }
  }
}

/// Fixed-size slots written by distinct threads (each index by one thread only).
final class Slots<T>: @unchecked Sendable {
  private let base: UnsafeMutablePointer<T?>
  let count: Int
  init(count: Int) {
    self.count = count
    base = .allocate(capacity: max(1, count))
    base.initialize(repeating: nil, count: max(1, count))
  }
  deinit {
    base.deinitialize(count: max(1, count))
    base.deallocate()
  }
  subscript(i: Int) -> T? {
    get { base[i] }
    set { base[i] = newValue }
  }
  var values: [T?] { (0..<count).map { base[$0] } }
}
