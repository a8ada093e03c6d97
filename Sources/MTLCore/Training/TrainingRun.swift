import Support
import TaskSimulator

/// The state of one training run: the method's model, the batch order and the workspaces, all allocated once (the
/// steps do not allocate).
struct TrainingRun<Method: MTLMethod> {
  let method: Method
  let model: Method.Model
  let data: TaskData
  let options: TrainingOptions
  let window: Int
  let optimizer: Adam
  /// Gathered token ids and labels of a training batch; `labels` also receives the predictions of an evaluation
  /// batch (the largest), whose ids are read in place.
  let ids: Int32Buffer
  let labels: Int32Buffer
  /// Batch shuffling (the model's initial weights have their own stream).
  var rng: SeededGenerator
  /// Each task's example order, reshuffled every epoch.
  var order: [[Int]]
  /// (task, first position in that task's order) of every batch in an epoch.
  var batches: [(task: Int, start: Int)] = []
  /// Training examples processed so far.
  var tokens = 0

  init(method: Method, spec: ModelSpec, options: TrainingOptions, pretrained: [Float]?, data: TaskData, seed: UInt64) {
    // Evaluation runs forward passes in larger batches (cheaper per token); training batches stay batchSize.
    let evaluationBatch = max(options.batchSize, 512)
    self.method = method
    self.data = data
    self.options = options
    window = spec.window
    model = method.makeModel(
      ModelSetup(
        spec: spec, vocabularySize: data.vocabularySize, labelCounts: data.labelNames.map(\.count),
        maxBatch: evaluationBatch, pretrained: pretrained, seed: SeedDerivation.chained(seed, 1)))
    rng = SeededGenerator(seed: SeedDerivation.chained(seed, 2))
    optimizer = Adam(learningRate: options.learningRate)
    ids = Int32Buffer(count: options.batchSize * window)
    labels = Int32Buffer(count: evaluationBatch)
    order = data.train.map { Array(0..<$0.count) }
    for (t, w) in data.train.enumerated() {
      for start in stride(from: 0, to: w.count, by: options.batchSize) { batches.append((t, start)) }
    }
  }

  /// One epoch through the method (by default every batch of every task once, in the schedule's order). Returns the
  /// mean training loss.
  mutating func epoch() -> Double {
    for t in order.indices { rng.shuffle(&order[t]) }
    if options.schedule == .proportional { rng.shuffle(&batches) }
    var epochBatches = EpochBatches(
      train: data.train, order: order, schedule: batches, batchSize: options.batchSize, window: window, ids: ids,
      labels: labels, dev: data.dev.windows)
    let loss = method.trainEpoch(model, batches: &epochBatches, optimizer: optimizer)
    tokens += epochBatches.tokens
    return loss
  }

  /// Main-task span scores on every token of `set` (no batch is dropped).
  func score(_ set: EvaluationSet) -> SpanF1 {
    let names = data.labelNames[0]
    var predicted: [String] = []
    predicted.reserveCapacity(set.windows.count)
    set.windows.forEachBatch(of: model.maxBatch) { ids, _, n in
      model.predict(ids: ids, batch: n, task: 0, into: labels.pointer)
      for r in 0..<n { predicted.append(names[Int(labels.pointer[r])]) }
    }
    return SpanF1.score(goldBIO: set.goldTags, predictedIO: predicted, sentenceLengths: set.sentenceLengths)
  }
}
