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

  public init(grid: GridConfig, training: TrainingConfig, threads: Int) {
    self.grid = grid
    self.training = training
    self.threads = max(1, threads)
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
    for name in Set(grid.points.map { $0.method ?? training.method }) {
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
    let todo = grid.points.filter { !finished.contains($0.index) }

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

  /// Expected cost of a job, for the ETA (training tokens per epoch plus evaluation).
  static func weight(_ spec: TaskFamilySpec) -> Double {
    Double(spec.mainTokens + (spec.taskCount - 1) * spec.auxTokens) + 2000
  }
}

/// Shared state of a running grid: the job queue, finished outcomes and the output files (guarded by a lock).
private final class RunState: @unchecked Sendable {
  let runner: GridRunner
  let methods: [String: any MTLMethod]
  let corpus: Corpus
  let pretrained: PretrainedEmbeddings?
  let specs: [GridRunner.Job: TaskFamilySpec]
  let order: [GridRunner.Job]
  let points: [GridPoint]
  let results: ResultsFile
  let repetitionsFile: ResultsFile?
  let logFile: ResultsFile?
  let progress: (@Sendable (GridProgress) -> Void)?
  let lock = NSLock()
  var next = 0
  var outcomes: [GridRunner.Job: GridRunner.Outcome] = [:]
  var written = Set<Int>()
  var rows: [GridResultRow] = []
  var firstError: Error?
  var tokens = 0
  var doneWeight = 0.0
  let totalWeight: Double
  let startTime = Date()

  init(
    runner: GridRunner, methods: [String: any MTLMethod], corpus: Corpus, pretrained: PretrainedEmbeddings?,
    specs: [GridRunner.Job: TaskFamilySpec], order: [GridRunner.Job], points: [GridPoint], results: ResultsFile,
    repetitionsFile: ResultsFile?, logFile: ResultsFile?, progress: (@Sendable (GridProgress) -> Void)?
  ) {
    self.runner = runner
    self.methods = methods
    self.corpus = corpus
    self.pretrained = pretrained
    self.specs = specs
    self.order = order
    self.points = points
    self.results = results
    self.repetitionsFile = repetitionsFile
    self.logFile = logFile
    self.progress = progress
    totalWeight = specs.values.reduce(0) { $0 + GridRunner.weight($1) }
  }

  func start(threads: Int) {
    let group = DispatchGroup()
    for _ in 0..<min(threads, max(order.count, 1)) {
      group.enter()
      let thread = Thread { [self] in
        self.work()
        group.leave()
      }
      thread.stackSize = 8 << 20
      thread.start()
    }
    group.wait()
  }

  private func work() {
    while true {
      lock.lock()
      guard firstError == nil, next < order.count else {
        lock.unlock()
        return
      }
      let job = order[next]
      next += 1
      lock.unlock()
      guard let spec = specs[job] else { continue }
      do {
        let outcome = try runner.train(spec, method: method(of: job), corpus: corpus, pretrained: pretrained)
        lock.lock()
        outcomes[job] = outcome
        tokens += outcome.tokens
        doneWeight += GridRunner.weight(spec)
        let pointsBefore = written.count
        do { try writeFinishedPoints() } catch { if firstError == nil { firstError = error } }
        let update = report(finishedPoint: written.count > pointsBefore)
        lock.unlock()
        progress?(update)
      } catch {
        lock.lock()
        if firstError == nil { firstError = error }
        lock.unlock()
      }
    }
  }

  /// The method of a job: the point's, or plain single-task training for the baselines (so every method's benefit
  /// is measured against the same single-task model).
  private func method(of job: GridRunner.Job) -> any MTLMethod {
    switch job {
    case .point(let index, _): return methods[methodName(of: index)] ?? MTLMethods.standard
    case .baseline: return MTLMethods.standard
    }
  }

  private func methodName(of index: Int) -> String {
    runner.grid.points[index].method ?? runner.training.method
  }

  /// Writes every point whose repetitions and baseline are all done (lock held).
  private func writeFinishedPoints() throws {
    for p in points where !written.contains(p.index) {
      let reps = (1...p.repetitions).compactMap { outcomes[.point(index: p.index, repetition: $0)] }
      guard reps.count == p.repetitions else { continue }
      var baseline: [GridRunner.Outcome] = []
      if p.taskCount > 1 {
        baseline = (1...p.repetitions).compactMap { outcomes[.baseline(mainTokens: p.mainTokens, repetition: $0)] }
        guard baseline.count == p.repetitions else { continue }
      }
      let f = reps.map(\.score.f1)
      let mean = f.reduce(0, +) / Double(f.count)
      let sd = (f.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(f.count)).squareRoot()
      let stl = baseline.isEmpty ? mean : baseline.map(\.score.f1).reduce(0, +) / Double(baseline.count)
      func average(_ values: [Double]) -> Double { values.reduce(0, +) / Double(values.count) }
      var row = GridResultRow(
        taskCount: p.taskCount, mainTokens: p.mainTokens, auxTokens: p.auxTokens,
        mutualInfo: average(reps.map(\.ami)), alpha: average(reps.map(\.alpha)), fscore: mean, stdFscore: sd,
        method: methodName(of: p.index), model: runner.training.model.name, repetitions: p.repetitions,
        precision: average(reps.map(\.score.precision)), recall: average(reps.map(\.score.recall)),
        stlFscore: stl, seconds: reps.map(\.seconds).reduce(0, +), seed: runner.grid.seed, point: p.index)
      func averageOrNil(_ values: [Double?]) -> Double? {
        let present = values.compactMap { $0 }
        return present.count == values.count && !present.isEmpty ? average(present) : nil
      }
      row.readoutGradCosine = averageOrNil(reps.map(\.gradientCosine))
      row.readoutMethod = averageOrNil(reps.map(\.relatedness))
      if let repetitionsFile {
        let lines = reps.enumerated().map { r, o -> String in
          var one = row
          one.repetition = r + 1
          one.repetitions = 1
          one.fscore = o.score.f1
          one.stdFscore = 0
          one.precision = o.score.precision
          one.recall = o.score.recall
          one.mutualInfo = o.ami
          one.alpha = o.alpha
          one.seconds = o.seconds
          one.readoutGradCosine = o.gradientCosine
          one.readoutMethod = o.relatedness
          if !baseline.isEmpty { one.stlFscore = baseline[r].score.f1 } else { one.stlFscore = o.score.f1 }
          return one.csvLine
        }
        try repetitionsFile.append(lines)
      }
      if let logFile {
        try logFile.append(Self.logLines(reps, point: p.index, method: row.method))
      }
      try results.append([row.csvLine])
      written.insert(p.index)
      rows.append(row)
    }
  }

  /// The log rows of a point's repetitions, in repetition then log order.
  private static func logLines(_ reps: [GridRunner.Outcome], point: Int, method: String) -> [String] {
    reps.enumerated().flatMap { r, o in
      o.log.map { v in
        "\(point),\(method),\(r + 1),\(v.epoch),\(v.quantity),\(v.task.map(String.init) ?? ""),\(v.value)"
      }
    }
  }

  /// The progress numbers now (lock held).
  private func report(finishedPoint: Bool) -> GridProgress {
    let elapsed = Date().timeIntervalSince(startTime)
    let eta = doneWeight > 0 ? elapsed * (totalWeight - doneWeight) / doneWeight : nil
    return GridProgress(
      pointsDone: written.count, pointsTotal: points.count, trainingsDone: outcomes.count,
      trainingsTotal: order.count, tokensPerSecond: elapsed > 0 ? Double(tokens) / elapsed : 0,
      elapsedSeconds: elapsed, etaSeconds: eta, finishedPoint: finishedPoint)
  }
}
