import Support

/// Trains a method's model on `TaskData` and scores the main task.
public struct Trainer {
  public let spec: ModelSpec
  public let options: TrainingOptions
  /// Frozen vocabularySize×embeddingSize vectors, or nil to train embeddings.
  public let pretrained: [Float]?
  /// How the model is built and each step is taken.
  public let method: any MTLMethod

  public init(
    spec: ModelSpec, options: TrainingOptions, pretrained: [Float]? = nil, method: any MTLMethod = MTLMethods.standard
  ) {
    self.spec = spec
    self.options = options
    self.pretrained = pretrained
    self.method = method
  }

  /// One full training run; deterministic for a given seed. Sets OpenBLAS to one thread.
  /// - Parameter onEpoch: called after each epoch with (epoch, tokens trained so far).
  public func train(
    _ data: TaskData, seed: UInt64, onEpoch: ((Int, Int) -> Void)? = nil
  ) throws -> TrainingResult {
    try validate(data)
    BLAS.setThreads(1)
    return train(method, data, seed: seed, onEpoch: onEpoch)
  }

  /// Checks the data against the model and the options.
  private func validate(_ data: TaskData) throws {
    try data.validate(window: spec.window)
    if options.epochs < 1 {
      throw TrainingConfigError(setting: "epochs", "must be at least 1, found \(options.epochs)")
    }
    if options.batchSize < 1 {
      throw TrainingConfigError(setting: "batchSize", "must be at least 1, found \(options.batchSize)")
    }
    if let p = pretrained, p.count != data.vocabularySize * spec.embeddingSize {
      throw TaskDataError(
        message: "pretrained table has \(p.count) values, expected \(data.vocabularySize)×\(spec.embeddingSize)")
    }
  }

  /// The epochs with early stopping on the main task's dev F1, then the scores of the kept weights.
  private func train<Method: MTLMethod>(
    _ method: Method, _ data: TaskData, seed: UInt64, onEpoch: ((Int, Int) -> Void)?
  ) -> TrainingResult {
    var run = TrainingRun(method: method, spec: spec, options: options, pretrained: pretrained, data: data, seed: seed)
    var best = (f: -1.0, epoch: 0)
    var bestWeights: [[Float]]? = nil
    var sinceBest = 0
    var epochsRun = 0
    var lastLoss = 0.0
    var log: [EpochLogValue] = []
    for epoch in 1...options.epochs {
      lastLoss = run.epoch()
      epochsRun = epoch
      onEpoch?(epoch, run.tokens)
      log.append(EpochLogValue(epoch: epoch, quantity: "train_loss", task: nil, value: lastLoss))
      for var value in method.epochLog(run.model, dev: data.dev.windows) {
        value.epoch = epoch
        log.append(value)
      }
      if let patience = options.patience {
        let f = run.score(data.dev).f1
        log.append(EpochLogValue(epoch: epoch, quantity: "dev_f1", task: 0, value: f))
        if f > best.f {
          best = (f, epoch)
          bestWeights = run.model.snapshot()
          sinceBest = 0
        } else if best.f > 0 && epoch > options.minimumEpochs {
          // Neither the first `minimumEpochs` nor the all-"O" plateau (F1 = 0) use up the patience.
          sinceBest += 1
          if sinceBest >= patience { break }
        }
      }
    }
    if let bestWeights { run.model.restore(bestWeights) } else { best.epoch = epochsRun }
    let dev = run.score(data.dev)
    let test = run.score(data.test)
    var result = TrainingResult(
      test: test, dev: dev, epochs: epochsRun, bestEpoch: best.epoch, trainedTokens: run.tokens, lastLoss: lastLoss)
    result.log = log
    if data.train.count > 1 {
      result.relatedness = method.relatedness(run.model, dev: data.dev.windows)
      result.gradientCosine = GradientCosine.measure(run.model, train: data.train)
    }
    return result
  }
}
