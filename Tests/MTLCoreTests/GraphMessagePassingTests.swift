import MTLCore
import Support
import Testing

/// The graph methods: the message layer's and both models' backward passes against finite differences, the
/// message counts of the two topologies, and the main task's attention toward a copy task and a random task.
@Suite struct GraphMessagePassingTests {
  @Test func theRegistryHasBothTopologies() throws {
    #expect(try (MTLMethods.named("graph-complete") as? GraphMessagePassing)?.topology == .complete)
    #expect(try (MTLMethods.named("graph-star") as? GraphMessagePassing)?.topology == .star)
  }

  @Test(arguments: [3, 1])
  func theMessageLayerMatchesFiniteDifferences(_ sources: Int) throws {
    let (batch, h) = (3, 4)
    var rng = SeededGenerator(seed: 11)
    let layer = TaskMessages(size: h, attentionSize: 3, maxSources: sources, maxBatch: batch, name: "m", rng: &rng)
    let nodes = (0..<sources).map { GradientCheck.buffer(batch * h, seed: UInt64(20 + $0)) }
    let query = GradientCheck.buffer(batch * h, seed: 30)
    let target = GradientCheck.buffer(batch * h, seed: 31)
    let weights = GradientCheck.randomValues(batch * h, seed: 32)
    let loss: () -> Double = {
      layer.gather(
        nodes: nodes.map { UnsafePointer($0.pointer) }, sources: Array(0..<sources), query: query.pointer,
        batch: batch)
      return GradientCheck.weightedSum(layer.deliver(target: target.pointer, batch: batch), weights)
    }
    _ = loss()
    layer.backward(outputGradient: weights, batch: batch)
    for p in layer.parameters {
      let err = GradientCheck.relativeError(
        values: p.value.pointer, count: p.count, analytic: p.gradient.array, loss: loss)
      #expect(err < 2e-2, "\(p.name) relative error \(err)")
    }
    let inputs =
      [(query, layer.queryGradient.array), (target, layer.targetGradient.array)]
      + nodes.enumerated().map { ($0.element, layer.nodeGradients[$0.offset].array) }
    for (k, (input, analytic)) in inputs.enumerated() {
      let err = GradientCheck.relativeError(
        values: input.pointer, count: batch * h, analytic: Array(analytic.prefix(batch * h)), loss: loss)
      #expect(err < 2e-2, "input \(k) relative error \(err)")
    }
  }

  @Test(arguments: [GraphTagger.Topology.complete, .star], ["window-mlp", "bilstm-1fc"])
  func theModelsMatchFiniteDifferences(_ topology: GraphTagger.Topology, _ name: String) throws {
    var spec = try ModelSpec(name: name)
    spec.embeddingSize = 3
    spec.lstmHiddenSize = 3
    spec.sharedSizes = [4]
    spec.headSizes = []
    spec.activation = .tanh
    let batch = 3
    let vocab = 6
    let model = GraphTagger(
      topology: topology, spec: spec, vocabularySize: vocab, labelCounts: [5, 3, 4], maxBatch: batch, seed: 5)
    // At initialisation the attention is nearly uniform and its gradients are below Float's finite-difference
    // noise; larger message weights make every path measurable.
    for p in model.messages.parameters { for i in 0..<p.count { p.value[i] *= 4 } }
    model.detachSenders = false  // the exact gradient
    let ids: [Int32] = (0..<(batch * 7)).map { Int32(($0 * 5 + 1) % vocab) }
    let labels: [Int32] = [0, 2, 1]
    let task = 1
    var checked = 0
    for (p, err) in GradientCheck.modelErrors(
      model, parameters: model.parameters(task: task), ids: ids, labels: labels, task: task)
    {
      // Gradients of about 1e-5 (the bilstm's query weights) are at Float's finite-difference noise: skip those.
      guard (p.gradient.array.map(abs).max() ?? 0) > 2e-4 else { continue }
      #expect(err < 3e-2, "\(topology) \(name) \(p.name) relative error \(err)")
      checked += 1
    }
    #expect(checked >= model.parameters(task: task).count - 2)
    for p in model.heads[0].parameters + model.heads[2].parameters {
      #expect(p.gradient.array.allSatisfy { $0 == 0 })
    }
  }

  @Test func completeGraphsSendQuadraticallyManyMessagesAndStarsLinearly() throws {
    var spec = try TrainerTests.smallSpec()
    spec.sharedSizes = [8]
    for tasks in 2...6 {
      var counts: [GraphTagger.Topology: Int] = [:]
      for topology in [GraphTagger.Topology.complete, .star] {
        let model = GraphTagger(
          topology: topology, spec: spec, vocabularySize: 10, labelCounts: Array(repeating: 3, count: tasks),
          maxBatch: 2, seed: 1)
        let ids = [Int32](repeating: 1, count: 2 * spec.window)
        var seen = 0
        ids.withUnsafeBufferPointer { model.forwardAllTasks(ids: $0.baseAddress!, batch: 2) { _, _ in seen += 1 } }
        #expect(seen == tasks)
        counts[topology] = model.messageCount
      }
      #expect(counts[.complete] == tasks * (tasks - 1))
      #expect(counts[.star] == 2 * tasks)
    }
  }

  @Test(arguments: [GraphTagger.Topology.complete, .star])
  func theMainTaskAttendsMoreToTheCopyTask(_ topology: GraphTagger.Topology) throws {
    var wins = 0
    for seed: UInt64 in 1...5 {
      let data = ToyCorpus.taskData(alphas: [1, 0.2], n: 2000, seed: seed, evaluationTokens: 1000)
      let options = TrainingOptions(epochs: 8, patience: nil, batchSize: 32, learningRate: 3e-3)
      let result = try Trainer(
        spec: try TrainerTests.smallSpec(), options: options, method: GraphMessagePassing(topology: topology)
      ).train(data, seed: seed)
      let attention = try #require(result.relatedness)
      #expect(attention.count == 2)
      if attention[0] > attention[1] { wins += 1 }
      #expect(result.log.filter { $0.quantity == "attention" }.count == 8 * 2)
      #expect(result.test.f1 > 0.3)
    }
    #expect(wins >= 4)
  }
}
