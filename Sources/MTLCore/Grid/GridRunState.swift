import Foundation
import Support
import TaskSimulator

/// Shared state of a running grid: the job queue, finished outcomes and the output files (guarded by a lock).
final class RunState: @unchecked Sendable {
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
    var total = 0.0
    for (job, spec) in specs {
      total += GridRunner.weight(spec, method: Self.method(of: job, runner: runner, methods: methods))
    }
    totalWeight = total
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
        doneWeight += GridRunner.weight(spec, method: method(of: job))
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
    Self.method(of: job, runner: runner, methods: methods)
  }

  private static func method(of job: GridRunner.Job, runner: GridRunner, methods: [String: any MTLMethod])
    -> any MTLMethod
  {
    switch job {
    case .point(let index, _):
      return methods[runner.methodName(of: runner.grid.points[index])] ?? MTLMethods.standard
    case .baseline: return MTLMethods.standard
    }
  }

  private func methodName(of index: Int) -> String { runner.methodName(of: runner.grid.points[index]) }

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
