import Foundation
import MTLCore
import Support
import TaskSimulator

/// A simulator config loaded with its corpus, and the trainings `GridRunner` would run for it: every point ×
/// repetition plus one single-task baseline per main-task size of the multitask points (as `GridRunner.run`).
/// Immutable after `init`, so it is shared read-only between benchmark threads.
struct GridJobs: @unchecked Sendable {
  let grid: GridConfig
  let corpus: Corpus
  let training: TrainingConfig
  /// (point, spec) of every training, in GridRunner's order; `point` is nil for a baseline.
  let jobs: [(point: GridPoint?, spec: TaskFamilySpec)]

  init(configPath: String, model: String?) throws {
    let url = URL(fileURLWithPath: configPath)
    grid = try GridConfig.load(contentsOf: url)
    corpus = try grid.corpus.load()
    try grid.validate(against: corpus)
    var training = try TrainingConfig(json: grid.training, source: url.lastPathComponent)
    if let model {
      training.model = try ModelSpec(name: model)
    }
    self.training = training
    let calibrated = try grid.calibratedAlphas(corpus: corpus)
    var baselineReps: [Int: Int] = [:]
    for p in grid.points where p.taskCount > 1 {
      baselineReps[p.mainTokens] = max(baselineReps[p.mainTokens] ?? 0, p.repetitions)
    }
    var jobs: [(GridPoint?, TaskFamilySpec)] = []
    for p in grid.points {
      if p.taskCount > 1, let reps = baselineReps.removeValue(forKey: p.mainTokens) {
        for r in 1...reps {
          jobs.append(
            (
              nil,
              TaskFamilySpec(
                taskCount: 1, mainTokens: p.mainTokens, auxTokens: 0, alphas: [],
                seed: SeedDerivation.keyed(grid.seed, 0x5354_4C00, UInt64(p.mainTokens), UInt64(r)))
            ))
        }
      }
      for r in 1...p.repetitions {
        jobs.append((p, try p.familySpec(repetition: r, seed: grid.seed, corpus: corpus, calibrated: calibrated)))
      }
    }
    self.jobs = jobs
  }

  /// Training windows per epoch of a job (all tasks).
  static func tokensPerEpoch(_ spec: TaskFamilySpec) -> Int {
    spec.mainTokens + (spec.taskCount - 1) * spec.auxTokens
  }

  /// Generates the job's task family and trains it as `GridRunner` does (same data, dev subset and options) on the
  /// calling thread; returns the wall time and the thread's CPU time in seconds (generation included) and the result.
  func train(_ spec: TaskFamilySpec, options: TrainingOptions) throws -> JobTiming {
    let clock = ContinuousClock()
    let start = clock.now
    let cpuStart = cpuSeconds(thread: true)
    let family = try TaskFamily.generate(spec, corpus: corpus)
    let data = TaskData(family: family, window: training.model.window, devTokens: training.devTokens)
    let result = try Trainer(spec: training.model, options: options)
      .train(data, seed: SeedDerivation.keyed(spec.seed, 0x7472_6169_6E))
    return JobTiming(
      seconds: (clock.now - start).seconds, cpuSeconds: cpuSeconds(thread: true) - cpuStart, result: result)
  }
}

/// Wall and CPU time of one training job.
struct JobTiming: Sendable {
  var seconds: Double
  var cpuSeconds: Double
  var result: TrainingResult
}
