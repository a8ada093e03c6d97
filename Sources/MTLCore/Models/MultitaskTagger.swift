import Support

/// A multitask window tagger: one shared encoder and shared dense layers, one head (dense layers → logits) per task.
/// All buffers are allocated at construction; training and prediction do not allocate.
public final class MultitaskTagger: MultitaskModel {
  public let spec: ModelSpec
  public let encoder: any WindowEncoder
  public let shared: DenseStack
  public let heads: [DenseStack]
  private let losses: [SoftmaxCrossEntropy]
  public let maxBatch: Int
  private let taskParameters: [[Parameter]]

  /// Builds the model for tasks with the given label counts (task 0 = main task).
  /// - Parameter pretrained: a frozen vocabularySize×embeddingSize table, or nil for trainable embeddings.
  public init(
    spec: ModelSpec, vocabularySize: Int, labelCounts: [Int], maxBatch: Int = 100, pretrained: [Float]? = nil,
    seed: UInt64
  ) {
    var rng = SeededGenerator(seed: seed)
    self.spec = spec
    self.maxBatch = maxBatch
    encoder = spec.makeEncoder(
      vocabularySize: vocabularySize, maxBatch: maxBatch, pretrained: pretrained, rng: &rng)
    shared = DenseStack(
      inputSize: encoder.outputSize, sizes: spec.sharedSizes, activation: spec.activation, activateLast: true,
      maxBatch: maxBatch, name: "shared", rng: &rng)
    let headInput = shared.outputSize
    var heads: [DenseStack] = []
    for (task, classes) in labelCounts.enumerated() {
      heads.append(
        DenseStack(
          inputSize: headInput, sizes: spec.headSizes + [classes], activation: spec.activation,
          activateLast: false, maxBatch: maxBatch, name: "head\(task)", rng: &rng))
    }
    self.heads = heads
    losses = labelCounts.map { SoftmaxCrossEntropy(classes: $0, maxBatch: maxBatch) }
    let common = encoder.parameters + shared.parameters
    taskParameters = heads.map { common + $0.parameters }
  }

  /// Number of tasks (heads).
  public var taskCount: Int { heads.count }

  /// Parameters a step on `task` changes: encoder, shared layers and that task's head.
  public func parameters(task: Int) -> [Parameter] { taskParameters[task] }

  /// The encoder and the shared dense layers.
  public var sharedParameters: [Parameter] { encoder.parameters + shared.parameters }

  /// Every parameter, each once.
  public var allParameters: [Parameter] { encoder.parameters + shared.parameters + heads.flatMap(\.parameters) }

  /// Logits (batch×labels of `task`) for a batch of windows; valid until the next call.
  public func logits(ids: UnsafePointer<Int32>, batch: Int, task: Int) -> UnsafePointer<Float> {
    let features = encoder.forward(ids: ids, batch: batch)
    let sharedOut = shared.forward(features, batch: batch)
    return heads[task].forward(sharedOut, batch: batch)
  }

  /// Mean cross-entropy of `task` on a batch, forward only.
  public func loss(ids: UnsafePointer<Int32>, labels: UnsafePointer<Int32>, batch: Int, task: Int) -> Double {
    losses[task].loss(logits: logits(ids: ids, batch: batch, task: task), labels: labels, batch: batch)
  }

  /// Forward and backward on one batch of `task`: returns the mean loss and adds its gradient to the gradients of
  /// `parameters(task:)`.
  @discardableResult
  public func accumulateGradient(ids: UnsafePointer<Int32>, labels: UnsafePointer<Int32>, batch: Int, task: Int)
    -> Double
  {
    let features = encoder.forward(ids: ids, batch: batch)
    let sharedOut = shared.forward(features, batch: batch)
    let out = heads[task].forward(sharedOut, batch: batch)
    let value = losses[task].loss(logits: out, labels: labels, batch: batch)
    let dShared = heads[task].backward(
      sharedOut, outputGradient: losses[task].logitGradient.pointer, batch: batch, needInputGradient: true)!
    let dFeatures = shared.backward(features, outputGradient: dShared, batch: batch, needInputGradient: true)!
    encoder.backward(ids: ids, outputGradient: dFeatures, batch: batch)
    return value
  }

  /// Predicted label ids of `task` for a batch of windows.
  public func predict(ids: UnsafePointer<Int32>, batch: Int, task: Int, into out: UnsafeMutablePointer<Int32>) {
    let l = logits(ids: ids, batch: batch, task: task)
    SoftmaxCrossEntropy.argmax(logits: l, classes: losses[task].classes, batch: batch, into: out)
  }
}
