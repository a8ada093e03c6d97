import TaskSimulator

/// Order in which task batches are visited within an epoch.
public enum TaskSchedule: String, Sendable, CaseIterable {
  /// The paper: tasks 0…T−1 in turn, every batch of a task before the next task.
  case roundRobin = "round-robin"
  /// All batches of all tasks in one shuffled order, so each task is sampled in proportion to its data.
  case proportional
}

/// How one model is trained.
public struct TrainingOptions: Sendable, Equatable, Hashable {
  /// Maximum number of epochs (100 in the paper).
  public var epochs: Int = 100
  /// Stop after this many epochs without a better main-task dev F1 and restore the best weights; nil trains
  /// exactly `epochs` epochs.
  public var patience: Int? = nil
  /// Early stopping never stops before this epoch (the dev F1 of the first epochs is noisy and near 0).
  public var minimumEpochs: Int = 0
  /// Examples per optimizer step (100 in the paper). The last, smaller batch of a task is kept.
  public var batchSize: Int = 100
  /// Adam learning rate.
  public var learningRate: Float = 1e-3
  public var schedule: TaskSchedule = .roundRobin

  public init(
    epochs: Int = 100, patience: Int? = nil, minimumEpochs: Int = 0, batchSize: Int = 100, learningRate: Float = 1e-3,
    schedule: TaskSchedule = .roundRobin
  ) {
    self.epochs = epochs
    self.patience = patience
    self.minimumEpochs = minimumEpochs
    self.batchSize = batchSize
    self.learningRate = learningRate
    self.schedule = schedule
  }
}

/// Outcome of one training run, scored on the main task.
public struct TrainingResult: Sendable, Equatable {
  /// Span scores on the test set with the kept (best-dev or last) weights.
  public var test: SpanF1
  /// Span scores on the dev set with the same weights.
  public var dev: SpanF1
  /// Epochs run.
  public var epochs: Int
  /// The epoch (1-based) whose weights were kept.
  public var bestEpoch: Int
  /// Training examples processed, all tasks and epochs.
  public var trainedTokens: Int
  /// Mean training loss of the last epoch.
  public var lastLoss: Double
  /// Per-epoch values: `train_loss`, `dev_f1` (when early stopping scores the dev set) and the method's own.
  public var log: [EpochLogValue] = []
  /// The method's own relatedness readout per auxiliary task (nil for methods without one, or T = 1).
  public var relatedness: [Double]? = nil
  /// Cosine between the main task's and each auxiliary task's gradient on the shared parameters (nil for T = 1).
  public var gradientCosine: [Double]? = nil
}
