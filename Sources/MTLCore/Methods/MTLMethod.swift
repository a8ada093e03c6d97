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

/// What the trainer needs of any method's model: main-task predictions, and keeping the best epoch's weights.
public protocol MultitaskModel: AnyObject {
  /// The largest batch `predict` accepts.
  var maxBatch: Int { get }
  /// Predicted label ids of `task` for a batch of windows (batch×window ids).
  func predict(ids: UnsafePointer<Int32>, batch: Int, task: Int, into out: UnsafeMutablePointer<Int32>)
  /// A copy of every parameter's values.
  func snapshot() -> [[Float]]
  /// Restores values saved by `snapshot()`.
  func restore(_ values: [[Float]])
}
