/// Every setting of a search. Defaults follow the CLI defaults (docs/symbolic-regression.md).
public struct SearchConfiguration: Codable, Sendable, Equatable {
  /// Seed of every random choice (splits, islands, migration).
  public var seed: UInt64 = 0
  /// Worker threads; 0 means all cores. Does not change results under `maxEvaluations`.
  public var threads: Int = 0
  /// Number of islands (sub-populations).
  public var islands: Int = 8
  /// Members per island.
  public var populationSize: Int = 60
  /// Largest complexity (node count of the Expression form, weighted by `complexityWeights`) a program may have.
  public var maxComplexity: Int = 25
  /// How much each node adds to the complexity (default: every node 1).
  public var complexityWeights: ComplexityWeights = .unit
  /// Largest tree depth.
  public var maxDepth: Int = 10
  public var operators: OperatorSet = .standard
  /// Total evaluation budget (full-data passes on the training rows, including those of the constant optimiser).
  /// When neither this nor `timeLimit` is set, 400,000 is used.
  public var maxEvaluations: Int?
  /// Wall-clock limit in seconds (results then depend on machine speed).
  public var timeLimit: Double?
  /// Stop early when the best validation loss divided by the validation target variance (1 − R²) is at or below this.
  public var tolerance: Double?
  /// Stop early after this many epochs without improvement of the best validation loss.
  public var patience: Int?
  /// Generations (population-size batches of offspring) per island between migrations.
  public var generationsPerEpoch: Int = 10
  /// Members of each island replaced by migrants at each migration.
  public var migrants: Int = 3
  /// Tournament size.
  public var tournamentSize: Int = 6
  /// Probability that a child comes from crossover rather than mutation.
  public var crossoverProbability: Double = 0.1
  /// Probability that a child's constants are fitted with a few LM iterations.
  public var optimizeProbability: Double = 0.5
  /// LM iterations per child during the search.
  public var searchIterations: Int = 6
  /// LM iterations for front members at the end.
  public var finalIterations: Int = 200
  /// Wrap each new candidate `f` as `c0 + c1*f` (least-squares start, then LM) when it is not already of that form.
  public var linearScaling: Bool = true
  /// Replace island members by their simplified form after every epoch.
  public var simplifyMembers: Bool = false
  /// Strength of the adaptive parsimony (penalty grows with how common a complexity is in the island).
  public var parsimonyScaling: Double = 20
  /// Allowed relative rise of the training loss when rounding constants to nice values (0 disables).
  public var niceTolerance: Double = 1e-4
  /// Selection considers front members whose validation loss is at most this multiple of the best one.
  public var selectionThreshold: Double = 2
  /// Rule that selects the formula from the finished front.
  public var selection: SelectionRule = .cv1se
  /// Practical-equivalence margin of the cv-1se rule.
  public var equivalence = PracticalEquivalence()
  /// Grouped cross-validation folds of the finished front (0: none; cv-1se then falls back to the score rule).
  public var folds: Int = 5
  /// Programs placed in every island's first population (e.g. a previous search's front, for warm starts).
  public var seedPrograms: [Program] = []
  /// After selection, refit each front formula's constants on the training and validation rows together, so the
  /// reported constants and test scores use all non-test data (`--no-refit` keeps the training-only fit).
  /// The front's structure, selection and validation scores come from the training-only fit either way.
  public var refitOnValidation: Bool = true
  /// Held-out test fraction (reporting only).
  public var testFraction: Double = 0.25
  /// Validation fraction of the rest (model selection).
  public var validationFraction: Double = 0.2
  /// Keep rows with identical feature values on the same side of each split.
  public var groupedSplits: Bool = true
  /// Checkpoint file written atomically after every `checkpointInterval` epochs.
  public var checkpointPath: String?
  public var checkpointInterval: Int = 1
  /// Continue from `checkpointPath` when it exists.
  public var resume: Bool = false
  /// Units of columns, e.g. `n:tokens,T:1,AMI:1,y:1` (see ``UnitSystem``); nil: no unit constraint.
  public var units: String?
  /// Stop after this many epochs (for tests and benchmarks; simulates an interruption).
  public var stopAfterEpochs: Int?

  public init() {}

  /// Checks ranges; throws a one-line error naming the setting.
  public func validate() throws {
    func need(_ ok: Bool, _ setting: String, _ problem: String) throws {
      if !ok { throw SearchConfigurationError(setting: setting, problem) }
    }
    try need(threads >= 0, "threads", "must be ≥ 0")
    try need(islands >= 1, "islands", "must be ≥ 1")
    try need(populationSize >= 4, "populationSize", "must be ≥ 4")
    try need(maxComplexity >= 1, "maxComplexity", "must be ≥ 1")
    try need(maxDepth >= 1, "maxDepth", "must be ≥ 1")
    if let m = maxEvaluations { try need(m > 0, "maxEvaluations", "must be > 0") }
    if let t = timeLimit { try need(t > 0 && t.isFinite, "timeLimit", "must be a positive number of seconds") }
    if let t = tolerance { try need(t >= 0 && t.isFinite, "tolerance", "must be ≥ 0") }
    if let p = patience { try need(p >= 1, "patience", "must be ≥ 1") }
    try need(generationsPerEpoch >= 1, "generationsPerEpoch", "must be ≥ 1")
    try need(migrants >= 0 && migrants < populationSize, "migrants", "must be in 0..<populationSize")
    try need(tournamentSize >= 1, "tournamentSize", "must be ≥ 1")
    try need(selectionThreshold >= 1, "selectionThreshold", "must be ≥ 1")
    try need(niceTolerance >= 0, "niceTolerance", "must be ≥ 0")
    try need(folds == 0 || folds >= 2, "folds", "must be 0 or at least 2")
    try need(checkpointInterval >= 1, "checkpointInterval", "must be ≥ 1")
    if resume { try need(checkpointPath != nil, "resume", "needs a checkpoint path (checkpointPath)") }
  }

  /// The budget actually used.
  public var effectiveMaxEvaluations: Int? {
    if maxEvaluations == nil && timeLimit == nil { return 400_000 }
    return maxEvaluations
  }

  /// The settings that determine results (used to refuse resuming a checkpoint made with other settings).
  var resultFingerprint: String {
    var c = self
    c.threads = 0
    c.timeLimit = nil
    c.checkpointPath = nil
    c.checkpointInterval = 1
    c.resume = false
    c.stopAfterEpochs = nil
    return "\(c)"
  }
}
