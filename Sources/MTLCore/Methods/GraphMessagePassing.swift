/// Graph-based multi-task communication (Liu et al., AAAI 2019, arXiv 1811.10211) on token windows: per-task node
/// encoders exchange attention-weighted messages over a complete graph (`graph-complete`) or through a virtual
/// central node (`graph-star`), and per-task heads read the updated states (``GraphTagger``). Each step is one
/// batch of one task: its loss, back-propagated through the message into every node it heard from, updates the
/// shared encoder, the message parameters, those nodes and the task's head. The readout is the attention from the
/// main task to each auxiliary task on the dev windows, logged per epoch as well.
public struct GraphMessagePassing: MTLMethod {
  public let topology: GraphTagger.Topology
  /// Main-task dev windows the attention readout averages over (the first ones).
  public var readoutExamples = 1024

  public init(topology: GraphTagger.Topology) { self.topology = topology }

  public var name: String { "graph-\(topology.rawValue)" }

  public func makeModel(_ setup: ModelSetup) -> GraphTagger {
    GraphTagger(
      topology: topology, spec: setup.spec, vocabularySize: setup.vocabularySize, labelCounts: setup.labelCounts,
      maxBatch: setup.maxBatch, pretrained: setup.pretrained, seed: setup.seed)
  }

  public func step(_ model: GraphTagger, on batch: TaskBatch, optimizer: Adam) -> Double {
    let loss = model.accumulateGradient(ids: batch.ids, labels: batch.labels, batch: batch.count, task: batch.task)
    optimizer.step(model.parameters(task: batch.task))
    return loss
  }

  /// The attention from the main task to each auxiliary task after the epoch.
  public func epochLog(_ model: GraphTagger, dev: LabeledWindows) -> [EpochLogValue] {
    model.mainAttention(dev, examples: readoutExamples).enumerated().map {
      EpochLogValue(quantity: "attention", task: $0.offset + 1, value: $0.element)
    }
  }

  /// Every node encoder runs on every input: about 2.5 + 0.6·T (complete) and 4 + 0.6·T (star) times hard sharing's
  /// time (benchmarks/results/mtl-methods-2026-12-08.md).
  public func relativeCost(taskCount: Int) -> Double {
    (topology == .complete ? 2.5 : 4) + 0.6 * Double(taskCount)
  }

  public func relatedness(_ model: GraphTagger, dev: LabeledWindows) -> [Double]? {
    model.mainAttention(dev, examples: readoutExamples)
  }
}
