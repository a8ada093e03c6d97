import Support

/// Evolves one island; owns its evaluator so islands run in parallel without sharing mutable state.
final class IslandRunner: @unchecked Sendable {
  var state: IslandState
  let evaluator: Evaluator
  let variation: Variation
  let configuration: SearchConfiguration
  let optimizer: ConstantOptimizer
  let baselineLoss: Double

  init(state: IslandState, data: Dataset, variation: Variation, configuration: SearchConfiguration) {
    self.state = state
    self.evaluator = Evaluator(data: data)
    self.variation = variation
    self.configuration = configuration
    self.optimizer = ConstantOptimizer(maxIterations: configuration.searchIterations)
    let v = data.targetVariance
    self.baselineLoss = v > 0 ? v : 1
  }

  var exhausted: Bool {
    if let b = state.budget { return state.evaluations >= b }
    return false
  }

  /// Creates the initial population.
  static func initial(index: Int, data: Dataset, variation: Variation, configuration: SearchConfiguration, budget: Int?)
    -> IslandRunner
  {
    var rng = SeededGenerator(seed: configuration.seed, stream: UInt64(index) + 1)
    let state = IslandState(
      members: [], rng: rng, evaluations: 0, budget: budget, births: 0,
      sizeCounts: Array(repeating: 0, count: configuration.maxComplexity + 1),
      hallOfFame: HallOfFame(weights: configuration.complexityWeights))
    let runner = IslandRunner(state: state, data: data, variation: variation, configuration: configuration)
    let seeds = configuration.seedPrograms.filter {
      $0.isValid && $0.complexity(weights: configuration.complexityWeights) <= configuration.maxComplexity
    }
    for j in 0..<configuration.populationSize {
      let program: Program
      if j < min(seeds.count, configuration.populationSize / 2) {
        program = seeds[j]
      } else {
        let size = 1 + rng.nextInt(below: min(configuration.maxComplexity, 10))
        program = variation.randomProgram(size: size, &rng)
      }
      runner.state.rng = rng
      let (p, loss) = runner.score(program)
      rng = runner.state.rng
      runner.state.members.append(Member(program: p, loss: loss, birth: runner.state.births))
      runner.state.births += 1
      runner.record(p, loss)
    }
    return runner
  }

  /// Loss of a new program, fitting its constants with some probability; counts evaluations.
  func score(_ program: Program) -> (Program, Double) {
    if let units = variation.units, !units.isConsistent(program) {
      state.evaluations += 1
      return (program, .infinity)
    }
    let before = evaluator.evaluations
    defer { state.evaluations += evaluator.evaluations - before }
    if configuration.linearScaling, !LinearScaling.isScaled(program),
      let scaled = LinearScaling.scaled(
        program, with: evaluator, maxComplexity: configuration.maxComplexity,
        weights: configuration.complexityWeights)
    {
      return optimizer.optimize(scaled, with: evaluator)
    }
    if !program.constantIndices.isEmpty && state.rng.nextBool(probability: configuration.optimizeProbability) {
      return optimizer.optimize(program, with: evaluator)
    }
    return (program, evaluator.loss(program))
  }

  /// Complexity as this search counts it (`--complexity-weights`).
  func complexity(_ p: Program) -> Int { p.complexity(weights: configuration.complexityWeights) }

  func record(_ program: Program, _ loss: Double) {
    let c = min(complexity(program), state.sizeCounts.count - 1)
    state.sizeCounts[c] += 1
    state.hallOfFame.consider(Candidate(program: program, loss: loss))
  }

  private func cost(_ m: Member, total: Double) -> Double {
    let c = min(complexity(m.program), state.sizeCounts.count - 1)
    let frequency = total > 0 ? state.sizeCounts[c] / total : 0
    return m.loss / baselineLoss * _exp(configuration.parsimonyScaling * frequency)
  }

  private func tournament() -> Int {
    let total = state.sizeCounts.reduce(0, +)
    var best = state.rng.nextInt(below: state.members.count)
    var bestCost = cost(state.members[best], total: total)
    for _ in 1..<max(1, configuration.tournamentSize) {
      let i = state.rng.nextInt(below: state.members.count)
      let c = cost(state.members[i], total: total)
      if c < bestCost
        || (c == bestCost && complexity(state.members[i].program) < complexity(state.members[best].program))
      {
        best = i
        bestCost = c
      }
    }
    return best
  }

  /// Runs `generations` generations (or until the budget or `deadline` is reached).
  func run(generations: Int, deadline: Double?) {
    for _ in 0..<generations {
      for _ in 0..<configuration.populationSize {
        if exhausted { return }
        if let d = deadline, Clock.now() >= d { return }
        step()
      }
      // Age the size histogram so the parsimony pressure follows the current population.
      for i in state.sizeCounts.indices { state.sizeCounts[i] *= 0.5 }
    }
    if configuration.simplifyMembers { simplifyMembers() }
  }

  /// Replaces members by their simplified form when that is smaller (one evaluation each).
  private func simplifyMembers() {
    for i in state.members.indices where !exhausted {
      let p = state.members[i].program
      let s = Simplifier.simplify(p)
      guard complexity(s) < complexity(p) else { continue }
      let before = evaluator.evaluations
      let loss = evaluator.loss(s)
      state.evaluations += evaluator.evaluations - before
      if loss <= state.members[i].loss * (1 + 1e-9) || !state.members[i].loss.isFinite {
        state.members[i].program = s
        state.members[i].loss = loss
        state.hallOfFame.consider(Candidate(program: s, loss: loss))
      }
    }
  }

  private func step() {
    let parent = tournament()
    var child: Program?
    for _ in 0..<8 {
      if state.rng.nextBool(probability: configuration.crossoverProbability) {
        let other = tournament()
        child = variation.crossover(state.members[parent].program, state.members[other].program, &state.rng)
      } else {
        child = variation.mutate(state.members[parent].program, &state.rng)
      }
      if child != nil { break }
    }
    guard let c = child else { return }
    let (program, loss) = score(c)
    var oldest = 0
    for i in state.members.indices where state.members[i].birth < state.members[oldest].birth { oldest = i }
    state.members[oldest] = Member(program: program, loss: loss, birth: state.births)
    state.births += 1
    record(program, loss)
  }

  /// Replaces the oldest members with `migrants`.
  func receive(_ migrants: [Candidate]) {
    for m in migrants {
      var oldest = 0
      for i in state.members.indices where state.members[i].birth < state.members[oldest].birth { oldest = i }
      state.members[oldest] = Member(program: m.program, loss: m.loss, birth: state.births)
      state.births += 1
    }
  }
}
