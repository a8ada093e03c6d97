/// A multitask learning method: how the model's shared part and per-task heads are built, and how one training step
/// on a task's batch reaches the parameters (which losses are combined, with which weights, and which parameters
/// the optimizer updates). The trainer owns everything else: the batch schedule, early stopping on the main task's
/// dev F1 and the final scores, so every method is trained and scored under the same rule.
///
/// A new method is one file in `MTLCore/Methods/`, one entry in ``MTLMethods/all`` and one test file.
public protocol MTLMethod: Sendable {
  /// The model this method trains.
  associatedtype Model: MultitaskModel

  /// The name in configs (`training.method`), on the command line and in the results' `method` column.
  var name: String { get }

  /// Builds the model (shared part and one head per task) with its initial weights.
  func makeModel(_ setup: ModelSetup) -> Model

  /// One training step on `batch`: forward and backward passes and the optimizer update. Returns the batch's mean
  /// loss (averaged into the epoch's training loss).
  func step(_ model: Model, on batch: TaskBatch, optimizer: Adam) -> Double

  /// One epoch. The default sends every batch of the schedule through ``step(_:on:optimizer:)`` and returns the
  /// mean batch loss; methods that work per epoch (αVIL) override it.
  func trainEpoch(_ model: Model, batches: inout EpochBatches, optimizer: Adam) -> Double

  /// Values logged after each epoch (e.g. αVIL's task weights); the default logs nothing.
  func epochLog(_ model: Model, dev: LabeledWindows) -> [EpochLogValue]

  /// Training time of a point with `taskCount` tasks relative to hard sharing's (for the grid's ETA; measured by
  /// `benchmarks/run-mtl.sh --methods`).
  func relativeCost(taskCount: Int) -> Double

  /// The method's own relatedness readout of each auxiliary task (task k at index k − 1), computed with the kept
  /// weights on the main task's dev windows; nil for methods without one (hard sharing).
  func relatedness(_ model: Model, dev: LabeledWindows) -> [Double]?
}

extension MTLMethod {
  public func trainEpoch(_ model: Model, batches: inout EpochBatches, optimizer: Adam) -> Double {
    var lossSum = 0.0
    var count = 0
    batches.forEachBatch { batch in
      lossSum += step(model, on: batch, optimizer: optimizer)
      count += 1
    }
    return lossSum / Double(max(count, 1))
  }

  public func epochLog(_ model: Model, dev: LabeledWindows) -> [EpochLogValue] { [] }

  public func relativeCost(taskCount: Int) -> Double { 1 }

  public func relatedness(_ model: Model, dev: LabeledWindows) -> [Double]? { nil }
}

/// One value of a training log: after `epoch`, `quantity` (e.g. "weight") of `task` (nil when not per task).
public struct EpochLogValue: Sendable, Equatable {
  public var epoch: Int
  public var quantity: String
  public var task: Int?
  public var value: Double

  public init(epoch: Int = 0, quantity: String, task: Int?, value: Double) {
    self.epoch = epoch
    self.quantity = quantity
    self.task = task
    self.value = value
  }
}

/// What a method's model is built from for one training run.
public struct ModelSetup: Sendable {
  /// Architecture and sizes.
  public var spec: ModelSpec
  /// Token ids are in 0..<vocabularySize.
  public var vocabularySize: Int
  /// Labels per task; task 0 is the main task.
  public var labelCounts: [Int]
  /// The largest batch any forward pass gets (evaluation batches are larger than training batches).
  public var maxBatch: Int
  /// A frozen vocabularySize×embeddingSize table, or nil for trainable embeddings.
  public var pretrained: [Float]?
  /// Seed of the initial weights.
  public var seed: UInt64

  public init(
    spec: ModelSpec, vocabularySize: Int, labelCounts: [Int], maxBatch: Int, pretrained: [Float]?, seed: UInt64
  ) {
    self.spec = spec
    self.vocabularySize = vocabularySize
    self.labelCounts = labelCounts
    self.maxBatch = maxBatch
    self.pretrained = pretrained
    self.seed = seed
  }
}

/// One batch of one task, in the trainer's workspaces (valid during the step only).
public struct TaskBatch {
  /// The task (0 = main task).
  public let task: Int
  /// count×window token ids.
  public let ids: UnsafePointer<Int32>
  /// count label ids of `task`.
  public let labels: UnsafePointer<Int32>
  /// Number of examples.
  public let count: Int

  public init(task: Int, ids: UnsafePointer<Int32>, labels: UnsafePointer<Int32>, count: Int) {
    self.task = task
    self.ids = ids
    self.labels = labels
    self.count = count
  }
}

/// What the trainer needs of any method's model: main-task predictions, keeping the best epoch's weights, and the
/// gradients the shared readouts compare.
public protocol MultitaskModel: AnyObject {
  /// Parameters every task's loss reaches (the gradient-cosine readout compares tasks on these).
  var sharedParameters: [Parameter] { get }
  /// Every parameter, each once.
  var allParameters: [Parameter] { get }
  /// Mean loss of `task` on a batch, forward only.
  func loss(ids: UnsafePointer<Int32>, labels: UnsafePointer<Int32>, batch: Int, task: Int) -> Double
  /// Forward and backward on one batch of `task`: returns the mean loss and adds its gradient to the parameters'
  /// gradients (nothing is updated).
  @discardableResult
  func accumulateGradient(ids: UnsafePointer<Int32>, labels: UnsafePointer<Int32>, batch: Int, task: Int) -> Double
  /// The largest batch `predict` accepts.
  var maxBatch: Int { get }
  /// Predicted label ids of `task` for a batch of windows (batch×window ids).
  func predict(ids: UnsafePointer<Int32>, batch: Int, task: Int, into out: UnsafeMutablePointer<Int32>)
  /// A copy of every parameter's values.
  func snapshot() -> [[Float]]
  /// Restores values saved by `snapshot()`.
  func restore(_ values: [[Float]])
}

extension MultitaskModel {
  /// Every parameter's values, for keeping the best epoch.
  public func snapshot() -> [[Float]] { allParameters.map(\.value.array) }

  public func restore(_ values: [[Float]]) {
    for (p, v) in zip(allParameters, values) { p.value.copy(from: v) }
  }
}
