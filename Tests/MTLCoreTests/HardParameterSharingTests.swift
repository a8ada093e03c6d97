import MTLCore
import Support
import TaskSimulator
import Testing

/// The registry and the first method, hard parameter sharing: trained through ``MTLMethod`` it must give the numbers
/// of the training loop that had hard sharing written into it.
@Suite struct HardParameterSharingTests {
  @Test func theRegistryFindsMethodsByName() throws {
    #expect(MTLMethods.standard.name == "hard-sharing")
    #expect(try MTLMethods.named("hard-sharing") is HardParameterSharing)
    #expect(Set(MTLMethods.names).count == MTLMethods.all.count)
    #expect(TrainingConfig().method == "hard-sharing")
  }

  @Test func anUnknownNameIsAnErrorNamingTheSetting() throws {
    let error = #expect(throws: TrainingConfigError.self) { try MTLMethods.named("soft-sharing") }
    #expect(error?.setting == "method")
    #expect(
      error?.problem == "unknown method 'soft-sharing' (expected one of \(MTLMethods.names.joined(separator: ", ")))")
    let json = try JSONValue(parsing: #"{"method": "soft-sharing"}"#)
    let fromFile = #expect(throws: TrainingConfigError.self) { try TrainingConfig(json: json, source: "c.json") }
    #expect(fromFile?.description.hasPrefix("c.json: training.method: unknown method 'soft-sharing'") == true)
    #expect(fromFile?.setting == nil)
  }

  @Test(arguments: ["window-mlp", "bilstm-1fc"])
  func trainingThroughTheProtocolEqualsTheOldLoop(_ name: String) throws {
    let data = ToyCorpus.taskData(tasks: 3, n: 250, alpha: 0.8, seed: 4, evaluationTokens: 600)
    let spec = try TrainerTests.smallSpec(name)
    for schedule in TaskSchedule.allCases {
      let options = TrainingOptions(epochs: 3, batchSize: 32, learningRate: 3e-3, schedule: schedule)
      let result = try Trainer(spec: spec, options: options, method: HardParameterSharing()).train(data, seed: 9)
      let old = Self.oldLoop(data, spec: spec, options: options, seed: 9)
      #expect(result.test == old.test)
      #expect(result.lastLoss == old.lastLoss)
      #expect(result.trainedTokens == old.tokens)
      #expect(result.epochs == 3 && result.bestEpoch == 3)
    }
  }

  /// The trainer's loop before methods existed (fixed epochs, no early stopping): the same seeds, batch order and
  /// evaluation batches, with the hard-sharing step written in.
  static func oldLoop(_ data: TaskData, spec: ModelSpec, options: TrainingOptions, seed: UInt64)
    -> (test: SpanF1, lastLoss: Double, tokens: Int)
  {
    let window = spec.window
    let maxBatch = max(options.batchSize, 512)
    let model = MultitaskTagger(
      spec: spec, vocabularySize: data.vocabularySize, labelCounts: data.labelNames.map(\.count), maxBatch: maxBatch,
      seed: SeedDerivation.chained(seed, 1))
    var rng = SeededGenerator(seed: SeedDerivation.chained(seed, 2))
    let adam = Adam(learningRate: options.learningRate)
    var ids = [Int32](repeating: 0, count: maxBatch * window)
    var labels = [Int32](repeating: 0, count: maxBatch)
    var order = data.train.map { Array(0..<$0.count) }
    var batches: [(task: Int, start: Int)] = []
    for (t, w) in data.train.enumerated() {
      for start in stride(from: 0, to: w.count, by: options.batchSize) { batches.append((t, start)) }
    }
    var tokens = 0
    var lastLoss = 0.0
    for _ in 1...options.epochs {
      for t in order.indices { rng.shuffle(&order[t]) }
      if options.schedule == .proportional { rng.shuffle(&batches) }
      var lossSum = 0.0
      for (task, start) in batches {
        let source = data.train[task]
        let n = min(options.batchSize, source.count - start)
        for r in 0..<n {
          let example = order[task][start + r]
          for j in 0..<window { ids[r * window + j] = source.tokenIDs[example * window + j] }
          labels[r] = source.labels[example]
        }
        lossSum += model.accumulateGradient(ids: ids, labels: labels, batch: n, task: task)
        adam.step(model.parameters(task: task))
        tokens += n
      }
      lastLoss = lossSum / Double(max(batches.count, 1))
    }
    var predicted: [String] = []
    let test = data.test.windows
    var start = 0
    while start < test.count {
      let n = min(maxBatch, test.count - start)
      for k in 0..<(n * window) { ids[k] = test.tokenIDs[start * window + k] }
      model.predict(ids: ids, batch: n, task: 0, into: &labels)
      predicted += labels.prefix(n).map { data.labelNames[0][Int($0)] }
      start += n
    }
    let score = SpanF1.score(
      goldBIO: data.test.goldTags, predictedIO: predicted, sentenceLengths: data.test.sentenceLengths)
    return (score, lastLoss, tokens)
  }
}
