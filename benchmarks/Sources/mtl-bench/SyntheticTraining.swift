import Foundation
import MTLCore
import Support

/// The synthetic multitask problem every throughput peer trains (see peers/mtl_common.py): T tasks of n windows of
/// 7 random token ids (from 2..<V; 0 and 1 are padding and unknown) with one of 5 random labels each.
struct SyntheticProblem {
  static let window = 7
  static let classes = 5
  let tasks: Int
  let tokensPerTask: Int
  let vocabulary: Int
  let batch: Int

  /// Per task: (ids n×7, labels n).
  func data(seed: UInt64) -> [(ids: [Int32], labels: [Int32])] {
    var rng = SeededGenerator(seed: seed)
    return (0..<tasks).map { _ in
      let ids = (0..<(tokensPerTask * Self.window)).map { _ in Int32(2 + rng.nextInt(below: vocabulary - 2)) }
      let labels = (0..<tokensPerTask).map { _ in Int32(rng.nextInt(below: Self.classes)) }
      return (ids, labels)
    }
  }
}

/// One training on a `SyntheticProblem`, stepped batch by batch in the paper's round-robin order (every batch of
/// task 0, then task 1, …; a fresh shuffle of each task per epoch), exactly the inner loop of `Trainer.train`.
/// Each instance is used by one thread at a time (copies run on separate instances).
final class SyntheticTraining: @unchecked Sendable {
  let problem: SyntheticProblem
  let model: MultitaskTagger
  private let adam = Adam()
  private let data: [(ids: [Int32], labels: [Int32])]
  private var order: [[Int]]
  private var rng: SeededGenerator
  private let ids: Int32Buffer
  private let labels: Int32Buffer
  private var task = 0
  private var position = 0

  /// - Parameter frozenEmbeddings: give the encoder a frozen random table (the paper's precomputed vectors) instead
  ///   of a trainable one.
  init(spec: ModelSpec, problem: SyntheticProblem, frozenEmbeddings: Bool, seed: UInt64) {
    self.problem = problem
    data = problem.data(seed: seed)
    var tableRng = SeededGenerator(seed: SeedDerivation.chained(seed, 3))
    let table: [Float]? =
      frozenEmbeddings
      ? (0..<(problem.vocabulary * spec.embeddingSize)).map { _ in Float(tableRng.nextNormal()) * 0.1 } : nil
    model = MultitaskTagger(
      spec: spec, vocabularySize: problem.vocabulary,
      labelCounts: Array(repeating: SyntheticProblem.classes, count: problem.tasks),
      maxBatch: problem.batch, pretrained: table, seed: SeedDerivation.chained(seed, 1))
    rng = SeededGenerator(seed: SeedDerivation.chained(seed, 2))
    order = (0..<problem.tasks).map { _ in Array(0..<problem.tokensPerTask) }
    rng.shuffle(&order[0])
    ids = Int32Buffer(count: problem.batch * SyntheticProblem.window)
    labels = Int32Buffer(count: problem.batch)
  }

  /// Trains one batch (forward, backward, Adam step on the shared layers and the task's head); returns its size.
  @discardableResult
  func step() -> Int {
    let n = min(problem.batch, problem.tokensPerTask - position)
    let window = SyntheticProblem.window
    let source = data[task]
    for r in 0..<n {
      let example = order[task][position + r]
      for j in 0..<window { ids.pointer[r * window + j] = source.ids[example * window + j] }
      labels.pointer[r] = source.labels[example]
    }
    model.accumulateGradient(ids: ids.pointer, labels: labels.pointer, batch: n, task: task)
    adam.step(model.parameters(task: task))
    position += n
    if position >= problem.tokensPerTask {
      position = 0
      task = (task + 1) % problem.tasks
      rng.shuffle(&order[task])
    }
    return n
  }

  /// Warm-up for `warmup` seconds, then `trials` timed trials of at least `seconds` each: per trial, the tokens
  /// trained, the wall-clock seconds and the CPU seconds (of the calling thread only when `threadCPU`, else of the
  /// process, BLAS threads included).
  func measure(warmup: Double, seconds: Double, trials: Int, threadCPU: Bool) -> [Trial] {
    let clock = ContinuousClock()
    var start = clock.now
    while (clock.now - start).seconds < warmup { step() }
    var result: [Trial] = []
    for _ in 0..<trials {
      var tokens = 0
      start = clock.now
      let cpuStart = cpuSeconds(thread: threadCPU)
      var elapsed = 0.0
      repeat {
        tokens += step()
        elapsed = (clock.now - start).seconds
      } while elapsed < seconds
      result.append(Trial(tokens: tokens, wallSeconds: elapsed, cpuSeconds: cpuSeconds(thread: threadCPU) - cpuStart))
    }
    return result
  }
}

/// One timed trial of a training.
struct Trial: Sendable {
  var tokens: Int
  var wallSeconds: Double
  var cpuSeconds: Double
}

extension Duration {
  /// The duration in seconds.
  var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}
