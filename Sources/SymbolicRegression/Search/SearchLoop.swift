import Foundation
import Support

/// The state of one search run and its phases: start (fresh islands or a checkpoint), one epoch (evolve the
/// islands, early stopping, migration, progress, checkpoint), and the stop checks around each epoch. The
/// finishing phase is ``Search/finish(_:full:split:featureNames:configuration:threads:units:)``.
struct SearchLoop {
  let started: Double
  let configuration: SearchConfiguration
  let featureNames: [String]
  let full: Dataset
  let split: DataSplit
  let parts: EvaluationParts
  let variation: Variation
  let threads: Int
  let budget: Int?
  let deadline: Double?
  let fingerprint: String
  let dataFingerprint: UInt64
  let validationEvaluator: Evaluator
  let validationVariance: Double

  var runners: [IslandRunner] = []
  var hallOfFame: HallOfFame
  var rng: SeededGenerator
  var epoch = 0
  var bestValidation = Double.infinity
  /// Epochs since the validation loss last improved.
  var stale = 0

  /// Sets up the parts of the split and the variation, then the islands: from the checkpoint when resuming,
  /// otherwise freshly initialised with the budget shared out among them.
  init(problem: SearchProblem, split: DataSplit, configuration: SearchConfiguration) throws {
    started = Clock.now()
    self.configuration = configuration
    self.split = split
    featureNames = problem.featureNames
    full = try Dataset(columns: problem.columns, target: problem.target, weights: problem.weights)
    guard !split.train.isEmpty else { throw SearchConfigurationError("the training part of the split is empty") }
    parts = EvaluationParts(full: full, split: split)
    var variation = Variation(
      featureCount: full.featureCount, operators: configuration.operators,
      maxComplexity: configuration.maxComplexity, maxDepth: configuration.maxDepth)
    variation.complexityWeights = configuration.complexityWeights
    variation.units = try configuration.units.map {
      try UnitSystem(parsing: $0, featureNames: problem.featureNames, targetName: problem.targetName)
    }
    self.variation = variation
    budget = configuration.effectiveMaxEvaluations
    let start = started
    deadline = configuration.timeLimit.map { start + $0 }
    threads = configuration.threads > 0 ? configuration.threads : ProcessInfo.processInfo.activeProcessorCount
    fingerprint = configuration.resultFingerprint
    dataFingerprint = SearchState.fingerprint(parts.train)
    hallOfFame = HallOfFame(perComplexity: 3, weights: configuration.complexityWeights)
    rng = SeededGenerator(seed: configuration.seed, stream: 0)
    validationEvaluator = Evaluator(data: parts.validation)
    validationVariance = max(parts.validation.targetVariance, 1e-300)
    if let state = try resumableState() {
      restore(state)
    } else {
      initialiseIslands()
    }
  }

  /// The checkpoint to resume from, when resuming and it exists; throws when it was written for other data or
  /// settings.
  private func resumableState() throws -> SearchState? {
    guard configuration.resume, let path = configuration.checkpointPath, FileManager.default.fileExists(atPath: path)
    else { return nil }
    let state = try Checkpoint.read(path)
    guard state.fingerprint == fingerprint, state.dataFingerprint == dataFingerprint,
      state.islands.count == configuration.islands
    else {
      throw SearchConfigurationError(
        setting: "resume", "checkpoint \(path) was written for other data or settings")
    }
    return state
  }

  private mutating func restore(_ state: SearchState) {
    let (train, variation, configuration) = (parts.train, variation, configuration)
    runners = state.islands.map {
      IslandRunner(state: $0, data: train, variation: variation, configuration: configuration)
    }
    hallOfFame = state.hallOfFame
    rng = state.rng
    epoch = state.epoch
    bestValidation = state.bestValidation
    stale = state.epochsWithoutImprovement
  }

  private mutating func initialiseIslands() {
    let (train, variation, configuration, budget) = (parts.train, variation, configuration, budget)
    let islandBudgets: [Int?] = (0..<configuration.islands).map { i in
      budget.map { $0 / configuration.islands + (i < $0 % configuration.islands ? 1 : 0) }
    }
    let box = Slots<IslandRunner>(count: configuration.islands)
    Search.parallel(configuration.islands, threads: threads) { i in
      box[i] = IslandRunner.initial(
        index: i, data: train, variation: variation, configuration: configuration, budget: islandBudgets[i])
    }
    runners = box.values.compactMap { $0 }
    collectHallsOfFame()
  }

  /// Runs epochs until a stop condition holds and returns it.
  mutating func evolve(progress: ((SearchProgress) -> Void)?) throws -> StopReason {
    while true {
      if let reason = stopBeforeEpoch() { return reason }
      runEpoch()
      progress?(currentProgress)
      try writeCheckpointIfDue()
      if let reason = stopAfterEpoch() { return reason }
    }
  }

  private func stopBeforeEpoch() -> StopReason? {
    if let stop = configuration.stopAfterEpochs, epoch >= stop { return .interrupted }
    if runners.allSatisfy(\.exhausted) { return .budget }
    if let d = deadline, Clock.now() >= d { return .time }
    return nil
  }

  private func stopAfterEpoch() -> StopReason? {
    if let tol = configuration.tolerance, bestValidation / validationVariance <= tol { return .tolerance }
    if let p = configuration.patience, stale >= p { return .patience }
    return nil
  }

  /// One epoch: every island evolves for the configured generations, then the hall of fame, early stopping and
  /// migration are updated.
  private mutating func runEpoch() {
    let (generations, deadline, current) = (configuration.generationsPerEpoch, deadline, runners)
    Search.parallel(current.count, threads: threads) { i in current[i].run(generations: generations, deadline: deadline)
    }
    epoch += 1
    collectHallsOfFame()
    let front = hallOfFame.front
    let vbest = front.map { validationEvaluator.loss($0.program) }.min() ?? .infinity
    if vbest < bestValidation * (1 - 1e-9) {
      bestValidation = vbest
      stale = 0
    } else {
      stale += 1
    }
    migrate(front: front)
  }

  private mutating func collectHallsOfFame() {
    for r in runners { for c in r.state.hallOfFame.all { hallOfFame.consider(c) } }
  }

  /// Each island receives the best member of its neighbour and random members of the front.
  private mutating func migrate(front: [Candidate]) {
    guard configuration.migrants > 0 && runners.count > 0 && !front.isEmpty else { return }
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

  var evaluations: Int { runners.reduce(0) { $0 + $1.state.evaluations } }

  private var currentProgress: SearchProgress {
    let elapsed = Clock.now() - started
    let evaluations = evaluations
    var fraction = 0.0
    if let b = budget { fraction = Double(evaluations) / Double(max(1, b)) }
    if let t = configuration.timeLimit { fraction = max(fraction, elapsed / t) }
    return SearchProgress(
      epoch: epoch, evaluations: evaluations,
      evaluationsPerSecond: elapsed > 0 ? Double(evaluations) / elapsed : 0,
      bestLoss: hallOfFame.bestLoss, elapsed: elapsed, fractionDone: min(1, fraction))
  }

  private func writeCheckpointIfDue() throws {
    guard let path = configuration.checkpointPath, epoch % configuration.checkpointInterval == 0 else { return }
    let state = SearchState(
      fingerprint: fingerprint, dataFingerprint: dataFingerprint,
      islands: runners.map(\.state), hallOfFame: hallOfFame, rng: rng, epoch: epoch,
      bestValidation: bestValidation, epochsWithoutImprovement: stale)
    try Checkpoint.write(state, to: path)
  }

  /// The final front of the hall of fame, finished, selected and packed into the result.
  func result(stopReason: StopReason) -> SearchResult {
    let front = Search.finalFront(
      hallOfFame.all, parts: parts, featureNames: featureNames, configuration: configuration, threads: threads,
      units: variation.units)
    let finished = Search.finish(
      front, full: full, split: split, featureNames: featureNames,
      configuration: configuration, threads: threads, units: variation.units)
    var result = SearchResult(
      featureNames: featureNames, front: finished.front,
      selected: finished.selection.selected, split: split, evaluations: evaluations,
      epochs: epoch, stopReason: stopReason, seconds: 0)
    result.constantsFittedOn = finished.fittedOn
    result.selection = finished.selection
    result.seconds = Clock.now() - started
    return result
  }
}
