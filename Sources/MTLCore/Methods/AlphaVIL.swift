import Foundation

/// αVIL (Kourdis et al., arXiv 2405.07769): task weights learned from the parameter updates of single-task passes.
///
/// Each epoch, from the same start θ, every task t takes one pass over (a ρ-share of) its own batches, giving
/// θ_t and the delta δ_t = θ_t − θ. The weights α are then fitted so that θ(α) = θ + Σ_t α_t δ_t minimises the main
/// task's dev loss, by projected gradient descent with backtracking (∂L/∂α_t = ⟨∇_θ L_dev(θ(α)), δ_t⟩, one backward
/// pass per step), starting from the previous epoch's weights and kept in [0, `maxWeight`]; the main task's own
/// weight stays 1 (left free, a noisy dev loss can drive every weight to 0, and training stops). The epoch ends at
/// θ(α), and α becomes the task weights carried into the next epoch. The model is hard sharing's
/// (``MultitaskTagger``); the readout is each auxiliary task's final weight. Under Adam a loss weight rescales
/// nothing (the update is invariant to the gradient's scale), so the weights act where the paper's deltas meet:
/// in the combination. What the paper leaves open and this implementation chooses is in docs/mtl-methods.md.
public struct AlphaVIL: MTLMethod {
  /// Share of each task's batches in its single-task pass (ρ).
  public var subsampleRatio = 1.0
  /// Gradient steps on α per epoch.
  public var alphaSteps = 4
  /// Main-task dev windows the α fit uses (the first ones, a fixed sample).
  public var devExamples = 1024
  /// Upper bound of every weight (the lower bound is 0).
  public var maxWeight = 2.0
  /// Largest change of a weight in one α step (before backtracking halves it).
  public var maxStep = 0.25

  public init() {}

  public var name: String { "alphavil" }

  public func makeModel(_ setup: ModelSetup) -> AlphaVILModel {
    AlphaVILModel(
      tagger: MultitaskTagger(
        spec: setup.spec, vocabularySize: setup.vocabularySize, labelCounts: setup.labelCounts,
        maxBatch: setup.maxBatch, pretrained: setup.pretrained, seed: setup.seed))
  }

  /// A hard-sharing step (the single-task passes are made of these).
  public func step(_ model: AlphaVILModel, on batch: TaskBatch, optimizer: Adam) -> Double {
    HardParameterSharing().step(model.tagger, on: batch, optimizer: optimizer)
  }

  public func trainEpoch(_ model: AlphaVILModel, batches: inout EpochBatches, optimizer: Adam) -> Double {
    model.saveStart()
    var lossSum = 0.0
    var count = 0
    for t in 0..<batches.taskCount {
      model.restoreStart()
      batches.forEachBatch(task: t, fraction: subsampleRatio) { batch in
        lossSum += step(model, on: batch, optimizer: optimizer)
        count += 1
      }
      model.saveDelta(of: t)
    }
    model.weights = fitWeights(model, dev: batches.dev)
    model.combine(model.weights)
    return lossSum / Double(max(count, 1))
  }

  /// Projected gradient descent on α from the current weights; each step halves its length until the dev loss
  /// falls (at most 4 times) and stops when it does not.
  func fitWeights(_ model: AlphaVILModel, dev: LabeledWindows) -> [Double] {
    var alpha = model.weights
    let n = min(devExamples, dev.count)
    guard n > 0 else { return alpha }
    for _ in 0..<alphaSteps {
      model.combine(alpha)
      var (loss, gradient) = model.devLossAndWeightGradient(dev, examples: n)
      gradient[0] = 0  // the main task's own delta always enters with weight 1
      let largest = gradient.map(abs).max() ?? 0
      guard largest > 0, loss.isFinite else { break }
      var length = maxStep / largest
      var improved = false
      for _ in 0..<4 {
        let trial = zip(alpha, gradient).map { min(maxWeight, max(0, $0 - length * $1)) }
        model.combine(trial)
        if model.devLoss(dev, examples: n) < loss {
          alpha = trial
          improved = true
          break
        }
        length /= 2
      }
      if !improved { break }
    }
    return alpha
  }

  public func epochLog(_ model: AlphaVILModel, dev: LabeledWindows) -> [EpochLogValue] {
    model.weights.enumerated().map { EpochLogValue(quantity: "weight", task: $0.offset, value: $0.element) }
  }

  /// 0.68–0.81× hard sharing's tokens/s at T = 2–10 (benchmarks/results/mtl-methods-2026-12-08.md).
  public func relativeCost(taskCount: Int) -> Double { 1.4 }

  public func relatedness(_ model: AlphaVILModel, dev: LabeledWindows) -> [Double]? {
    Array(model.weights.dropFirst())
  }
}

/// Hard sharing's tagger with αVIL's state: the task weights, the epoch's start θ and each task's delta.
public final class AlphaVILModel: MultitaskModel {
  public let tagger: MultitaskTagger
  /// Current task weights (task 0 = main task), 1 before the first epoch.
  public internal(set) var weights: [Double]
  private let parameters: [Parameter]
  private let start: [FloatBuffer]
  private let deltas: [[FloatBuffer]]

  init(tagger: MultitaskTagger) {
    self.tagger = tagger
    weights = Array(repeating: 1, count: tagger.taskCount)
    let trainable = tagger.allParameters.filter(\.trainable)
    parameters = trainable
    start = trainable.map { FloatBuffer(count: $0.count) }
    deltas = (0..<tagger.taskCount).map { _ in trainable.map { FloatBuffer(count: $0.count) } }
  }

  public var maxBatch: Int { tagger.maxBatch }
  public var sharedParameters: [Parameter] { tagger.sharedParameters }
  public var allParameters: [Parameter] { tagger.allParameters }

  public func loss(ids: UnsafePointer<Int32>, labels: UnsafePointer<Int32>, batch: Int, task: Int) -> Double {
    tagger.loss(ids: ids, labels: labels, batch: batch, task: task)
  }

  @discardableResult
  public func accumulateGradient(ids: UnsafePointer<Int32>, labels: UnsafePointer<Int32>, batch: Int, task: Int)
    -> Double
  {
    tagger.accumulateGradient(ids: ids, labels: labels, batch: batch, task: task)
  }

  public func predict(ids: UnsafePointer<Int32>, batch: Int, task: Int, into out: UnsafeMutablePointer<Int32>) {
    tagger.predict(ids: ids, batch: batch, task: task, into: out)
  }

  func saveStart() {
    for (p, s) in zip(parameters, start) { s.pointer.update(from: p.value.pointer, count: p.count) }
  }

  func restoreStart() {
    for (p, s) in zip(parameters, start) { p.value.pointer.update(from: s.pointer, count: p.count) }
  }

  /// δ_t = θ_now − θ_start.
  func saveDelta(of task: Int) {
    for (k, p) in parameters.enumerated() {
      let d = deltas[task][k].pointer
      let v = p.value.pointer
      let s = start[k].pointer
      for i in 0..<p.count { d[i] = v[i] - s[i] }
    }
  }

  /// Sets the parameters to θ_start + Σ_t α_t δ_t.
  func combine(_ alpha: [Double]) {
    for (k, p) in parameters.enumerated() {
      let v = p.value.pointer
      v.update(from: start[k].pointer, count: p.count)
      for (t, a) in alpha.enumerated() where a != 0 {
        let d = deltas[t][k].pointer
        let w = Float(a)
        for i in 0..<p.count { v[i] += w * d[i] }
      }
    }
  }

  /// Mean main-task loss over the first `examples` dev windows, forward only.
  func devLoss(_ dev: LabeledWindows, examples: Int) -> Double {
    var total = 0.0
    dev.forEachBatch(of: maxBatch, limit: examples) { ids, labels, b in
      total += Double(b) * tagger.loss(ids: ids, labels: labels, batch: b, task: 0)
    }
    return total / Double(examples)
  }

  /// The dev loss at the current parameters and its gradient with respect to each task's weight,
  /// ∂L/∂α_t = ⟨∇_θ L, δ_t⟩; the parameters' gradients are zeroed afterwards.
  func devLossAndWeightGradient(_ dev: LabeledWindows, examples: Int) -> (Double, [Double]) {
    for p in parameters { p.zeroGradient() }
    var total = 0.0
    var gradient = [Double](repeating: 0, count: deltas.count)
    dev.forEachBatch(of: maxBatch, limit: examples) { ids, labels, b in
      // Each batch's gradient is of its mean loss: weight it by the batch's share of the examples.
      let share = Double(b) / Double(examples)
      total += share * tagger.accumulateGradient(ids: ids, labels: labels, batch: b, task: 0)
      for (k, p) in parameters.enumerated() {
        let g = p.gradient.pointer
        for t in deltas.indices {
          let d = deltas[t][k].pointer
          var dot: Float = 0
          for i in 0..<p.count { dot += g[i] * d[i] }
          gradient[t] += share * Double(dot)
        }
        p.zeroGradient()
      }
    }
    return (total, gradient)
  }
}
