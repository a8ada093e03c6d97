import Support

/// Trains a `MultitaskTagger` on `TaskData` and scores the main task.
public struct Trainer {
  public let spec: ModelSpec
  public let options: TrainingOptions
  /// Frozen vocabularySize×embeddingSize vectors, or nil to train embeddings.
  public let pretrained: [Float]?

  public init(spec: ModelSpec, options: TrainingOptions, pretrained: [Float]? = nil) {
    self.spec = spec
    self.options = options
    self.pretrained = pretrained
  }

  /// One full training run; deterministic for a given seed. Sets OpenBLAS to one thread.
  /// - Parameter onEpoch: called after each epoch with (epoch, tokens trained so far).
  public func train(
    _ data: TaskData, seed: UInt64, onEpoch: ((Int, Int) -> Void)? = nil
  ) throws -> TrainingResult {
    try data.validate(window: spec.window)
    if options.epochs < 1 { throw TaskDataError(message: "epochs must be at least 1, got \(options.epochs)") }
    if options.batchSize < 1 { throw TaskDataError(message: "batch size must be at least 1, got \(options.batchSize)") }
    if let p = pretrained, p.count != data.vocabularySize * spec.embeddingSize {
      throw TaskDataError(
        message: "pretrained table has \(p.count) values, expected \(data.vocabularySize)×\(spec.embeddingSize)")
    }
    BLAS.setThreads(1)
    let batchSize = options.batchSize
    let window = spec.window
    // Evaluation runs forward passes in larger batches (cheaper per token); training batches stay batchSize.
    let evaluationBatch = max(batchSize, 512)
    let model = MultitaskTagger(
      spec: spec, vocabularySize: data.vocabularySize, labelCounts: data.labelNames.map(\.count),
      maxBatch: evaluationBatch, pretrained: pretrained, seed: SeedDerivation.chained(seed, 1))
    var rng = SeededGenerator(seed: SeedDerivation.chained(seed, 2))
    let adam = Adam(learningRate: options.learningRate)
    let ids = Int32Buffer(count: evaluationBatch * window)
    let labels = Int32Buffer(count: evaluationBatch)
    var order = data.train.map { Array(0..<$0.count) }
    // (task, first position in that task's order) of every batch in an epoch.
    var batches: [(task: Int, start: Int)] = []
    for (t, w) in data.train.enumerated() {
      for start in stride(from: 0, to: w.count, by: batchSize) { batches.append((t, start)) }
    }
    var best = (f: -1.0, epoch: 0)
    var bestWeights: [[Float]]? = nil
    var sinceBest = 0
    var tokens = 0
    var epochsRun = 0
    var lastLoss = 0.0
    for epoch in 1...options.epochs {
      for t in order.indices { rng.shuffle(&order[t]) }
      if options.schedule == .proportional { rng.shuffle(&batches) }
      var lossSum = 0.0
      for (task, start) in batches {
        let source = data.train[task]
        let n = min(batchSize, source.count - start)
        source.tokenIDs.withUnsafeBufferPointer { srcIDs in
          source.labels.withUnsafeBufferPointer { srcLabels in
            order[task].withUnsafeBufferPointer { ord in
              for r in 0..<n {
                let example = ord[start + r]
                (ids.pointer + r * window).update(
                  from: srcIDs.baseAddress! + example * window, count: window)
                labels.pointer[r] = srcLabels[example]
              }
            }
          }
        }
        lossSum += model.accumulateGradient(ids: ids.pointer, labels: labels.pointer, batch: n, task: task)
        adam.step(model.parameters(task: task))
        tokens += n
      }
      lastLoss = lossSum / Double(max(batches.count, 1))
      epochsRun = epoch
      onEpoch?(epoch, tokens)
      if let patience = options.patience {
        let f = evaluate(model, data.dev, names: data.labelNames[0], ids: ids, out: labels).fscore
        if f > best.f {
          best = (f, epoch)
          bestWeights = model.snapshot()
          sinceBest = 0
        } else if best.f > 0 && epoch > options.minimumEpochs {
          // Neither the first `minimumEpochs` nor the all-"O" plateau (F1 = 0) use up the patience.
          sinceBest += 1
          if sinceBest >= patience { break }
        }
      }
    }
    if let bestWeights { model.restore(bestWeights) } else { best.epoch = epochsRun }
    let dev = evaluate(model, data.dev, names: data.labelNames[0], ids: ids, out: labels)
    let test = evaluate(model, data.test, names: data.labelNames[0], ids: ids, out: labels)
    return TrainingResult(
      test: test, dev: dev, epochs: epochsRun, bestEpoch: best.epoch, trainedTokens: tokens, lastLoss: lastLoss)
  }

  /// Main-task span scores on every token of `set` (no batch is dropped).
  private func evaluate(
    _ model: MultitaskTagger, _ set: EvaluationSet, names: [String], ids: Int32Buffer, out: Int32Buffer
  ) -> SpanScore {
    let window = spec.window
    let w = set.windows
    var predicted: [String] = []
    predicted.reserveCapacity(w.count)
    w.tokenIDs.withUnsafeBufferPointer { src in
      var start = 0
      while start < w.count {
        let n = min(model.maxBatch, w.count - start)
        ids.pointer.update(from: src.baseAddress! + start * window, count: n * window)
        model.predict(ids: ids.pointer, batch: n, task: 0, into: out.pointer)
        for r in 0..<n { predicted.append(names[Int(out.pointer[r])]) }
        start += n
      }
    }
    return SpanScore(goldBIO: set.goldTags, predictedIO: predicted, sentenceLengths: set.sentenceLengths)
  }
}
