import Foundation
import Support
import TaskSimulator

/// Progress of a grid run, reported after every finished training.
public struct GridProgress: Sendable {
  public var pointsDone: Int
  public var pointsTotal: Int
  public var trainingsDone: Int
  public var trainingsTotal: Int
  /// Training tokens per second (all tasks, all threads) since the start of this run.
  public var tokensPerSecond: Double
  public var elapsedSeconds: Double
  /// Estimated seconds left (from the training tokens still to do); nil before the first training ends.
  public var etaSeconds: Double?
  /// Whether this training completed a grid point (its row was written).
  public var finishedPoint: Bool
}

/// Trains every grid point × repetition of a simulator config (plus the single-task baselines) and writes one row
/// per grid point. Points run in parallel on `threads` threads, each training single-threaded; every training's
/// seed depends only on the config seed and the point, so results do not depend on the thread count or on
/// resuming.
public struct GridRunner: Sendable {
  public var grid: GridConfig
  public var training: TrainingConfig
  public var threads: Int
  /// When set, only this shard's points are trained (``GridShard``); `simulate merge` joins the shards' files.
  public var shard: GridShard?

  public init(grid: GridConfig, training: TrainingConfig, threads: Int, shard: GridShard? = nil) {
    self.grid = grid
    self.training = training
    self.threads = max(1, threads)
    self.shard = shard
  }

  /// One training: a point's repetition, or the single-task baseline at a main-task size.
  enum Job: Hashable, Sendable {
    case point(index: Int, repetition: Int)
    case baseline(mainTokens: Int, repetition: Int)
  }

  struct Outcome: Sendable {
    var score: SpanF1
    var ami: Double
    var alpha: Double
    var seconds: Double
    var tokens: Int
    /// Means over the auxiliary tasks (nil for T = 1 or a method without its own readout).
    var gradientCosine: Double?
    var relatedness: Double?
    var log: [EpochLogValue]
  }

  /// Runs the grid. `output` gets the aggregated rows, `repetitionsOutput` (optional) one row per repetition,
  /// `logOutput` (optional) the per-epoch training log of every repetition (``logColumns``). With `resume`, points
  /// already in `output` are skipped. Files are sorted by point at the end.
  /// - Returns: the rows of the points trained in this call.
  @discardableResult
  public func run(
    corpus: Corpus, output: URL, repetitionsOutput: URL? = nil, logOutput: URL? = nil, resume: Bool = false,
    progress: (@Sendable (GridProgress) -> Void)? = nil
  ) throws -> [GridResultRow] {
    var methods: [String: any MTLMethod] = [:]
    for name in Set(grid.points.map(methodName)) {
      do {
        methods[name] = try MTLMethods.named(name)
      } catch {
        guard grid.methods.contains(name) else { throw error }
        throw TrainingConfigError("\(grid.source): methods: \(error.problem)")
      }
    }
    try grid.validate(against: corpus)
    let calibrated = try grid.calibratedAlphas(corpus: corpus)
    let results = try ResultsFile(url: output, columns: GridResultRow.columns, resume: resume)
    let finished = resume ? try results.finishedPoints() : []
    let repsFile = try repetitionsOutput.map {
      try ResultsFile(url: $0, columns: GridResultRow.repetitionColumns, resume: resume, keepPoints: finished)
    }
    let logFile = try logOutput.map {
      try ResultsFile(url: $0, columns: Self.logColumns, resume: resume, keepPoints: finished)
    }
    let mine = shard.map { shard in
      shard.assignment(grid.points) { methods[methodName(of: $0)] ?? MTLMethods.standard }
    }
    let todo = grid.points.filter { !finished.contains($0.index) && (mine?.contains($0.index) ?? true) }

    // Family specifications of every job, decided up front (deterministic, independent of scheduling).
    var specs: [Job: TaskFamilySpec] = [:]
    var order: [Job] = []
    var baselineReps: [Int: Int] = [:]
    for p in todo where p.taskCount > 1 {
      baselineReps[p.mainTokens] = max(baselineReps[p.mainTokens] ?? 0, p.repetitions)
    }
    for p in todo {
      if p.taskCount > 1, let reps = baselineReps.removeValue(forKey: p.mainTokens) {
        // When the grid has its own single-task point at this size, the baseline trains exactly that
        // point's families, so `stl_fscore` equals the T = 1 row's `fscore`.
        let single = grid.points.first { $0.taskCount == 1 && $0.mainTokens == p.mainTokens }
        for r in 1...reps {
          let job = Job.baseline(mainTokens: p.mainTokens, repetition: r)
          if let single, r <= single.repetitions {
            specs[job] = try single.familySpec(repetition: r, seed: grid.seed, corpus: corpus, calibrated: calibrated)
          } else {
            specs[job] = TaskFamilySpec(
              taskCount: 1, mainTokens: p.mainTokens, auxTokens: 0, alphas: [],
              seed: SeedDerivation.keyed(grid.seed, 0x5354_4C00, UInt64(p.mainTokens), UInt64(r)))
          }
          order.append(job)
        }
      }
      for r in 1...p.repetitions {
        let job = Job.point(index: p.index, repetition: r)
        specs[job] = try p.familySpec(repetition: r, seed: grid.seed, corpus: corpus, calibrated: calibrated)
        order.append(job)
      }
    }
    var pretrained: PretrainedEmbeddings? = nil
    if let path = training.vectors {
      pretrained = try PretrainedEmbeddings(path: path, corpus: corpus)
    }
    let state = RunState(
      runner: self, methods: methods, corpus: corpus, pretrained: pretrained, specs: specs, order: order, points: todo,
      results: results, repetitionsFile: repsFile, logFile: logFile, progress: progress)
    state.start(threads: threads)
    if let error = state.firstError { throw error }
    try results.sortByPoint()
    try repsFile?.sortByPoint()
    try logFile?.sortByPoint()
    return state.rows.sorted { $0.point < $1.point }
  }

  /// The method a point trains with: its own (a config's `"methods"` list), else the training's.
  func methodName(of point: GridPoint) -> String { point.method ?? training.method }

  /// Trains one job (called on a worker thread).
  func train(_ spec: TaskFamilySpec, method: any MTLMethod, corpus: Corpus, pretrained: PretrainedEmbeddings?) throws
    -> Outcome
  {
    let start = Date()
    let family = try TaskFamily.generate(spec, corpus: corpus)
    let data = TaskData(
      family: family, window: training.model.window, vocabulary: pretrained?.vocabulary,
      devTokens: training.devTokens)
    var model = training.model
    if let pretrained { model.embeddingSize = pretrained.dimension }
    let trainer = Trainer(
      spec: model, options: training.resolvedOptions, pretrained: pretrained?.table, method: method)
    let result = try trainer.train(data, seed: SeedDerivation.keyed(spec.seed, 0x7472_6169_6E))
    func mean(_ values: [Double]?) -> Double? {
      guard let values, !values.isEmpty else { return nil }
      return values.reduce(0, +) / Double(values.count)
    }
    return Outcome(
      score: result.test, ami: family.mutualInfo, alpha: family.alpha,
      seconds: Date().timeIntervalSince(start), tokens: result.trainedTokens,
      gradientCosine: mean(result.gradientCosine), relatedness: mean(result.relatedness), log: result.log)
  }

  /// Columns of the training log: one row per value of ``TrainingResult/log``.
  public static let logColumns = ["point", "method", "repetition", "epoch", "quantity", "task", "value"]

  /// Expected cost of a job, for the ETA (training tokens per epoch plus evaluation, times the method's relative cost).
  static func weight(_ spec: TaskFamilySpec, method: any MTLMethod) -> Double {
    (Double(spec.mainTokens + (spec.taskCount - 1) * spec.auxTokens) + 2000)
      * method.relativeCost(taskCount: spec.taskCount)
  }
}
