import Support

/// The graph-MTL tagger (Liu et al., AAAI 2019, on token windows): a shared window encoder (the embeddings, and
/// the BiLSTM for bilstm models), one private node encoder per task (dense layers of the model's shared sizes),
/// messages between the task nodes (``TaskMessages``), one head per task.
///
/// - `complete`: the receiving task attends over every other task's state and its own (T − 1 messages between
///   tasks per receiver, T(T − 1) when every task receives).
/// - `star`: a virtual node (its own encoder, the "mailbox") attends over all T task states once per input and
///   sends the message to each receiver (T messages in, one out per receiver: 2T for all tasks).
public final class GraphTagger: MultitaskModel {
  public enum Topology: String, Sendable { case complete, star }

  public let topology: Topology
  public let encoder: any WindowEncoder
  public let nodes: [DenseStack]
  /// The star's virtual node (nil for the complete graph).
  public let mailbox: DenseStack?
  public let messages: TaskMessages
  public let heads: [DenseStack]
  public let maxBatch: Int
  private let losses: [SoftmaxCrossEntropy]
  private let featureGradient: FloatBuffer
  private let nodeGradient: [FloatBuffer]
  private let mailboxGradient: FloatBuffer
  private var states: [UnsafePointer<Float>] = []
  /// Messages computed so far (sources gathered plus deliveries), for the cost comparison of the topologies.
  public private(set) var messageCount = 0
  /// When set (training), a receiver's loss trains the attention, the gate, its own node and the shared encoder
  /// through its own node, but not the senders' nodes: the message is read from them, not written into them.
  /// With gradients into the senders, the main task turns an unrelated task's node into spare capacity of its own
  /// and attends to it (docs/mtl-methods.md); the attention then measures that, not relatedness. Off, the backward
  /// pass is the exact gradient (the finite-difference tests use that).
  public var detachSenders = true

  public init(
    topology: Topology, spec: ModelSpec, vocabularySize: Int, labelCounts: [Int], maxBatch: Int = 100,
    pretrained: [Float]? = nil, seed: UInt64
  ) {
    var rng = SeededGenerator(seed: seed)
    self.topology = topology
    self.maxBatch = maxBatch
    let shared = spec.makeEncoder(
      vocabularySize: vocabularySize, maxBatch: maxBatch, pretrained: pretrained, rng: &rng)
    encoder = shared
    let sizes = spec.sharedSizes.isEmpty ? [shared.outputSize] : spec.sharedSizes
    func nodeEncoder(_ name: String) -> DenseStack {
      DenseStack(
        inputSize: shared.outputSize, sizes: sizes, activation: spec.activation == .identity ? .tanh : spec.activation,
        activateLast: true, maxBatch: maxBatch, name: name, rng: &rng)
    }
    nodes = labelCounts.indices.map { nodeEncoder("node\($0)") }
    mailbox = topology == .star ? nodeEncoder("mailbox") : nil
    let h = sizes.last!
    let tasks = labelCounts.count
    messages = TaskMessages(
      size: h, attentionSize: min(h, 64), maxSources: tasks,
      maxBatch: maxBatch, name: "messages", rng: &rng)
    heads = labelCounts.enumerated().map { task, classes in
      DenseStack(
        inputSize: h, sizes: spec.headSizes + [classes], activation: spec.activation, activateLast: false,
        maxBatch: maxBatch, name: "head\(task)", rng: &rng)
    }
    losses = labelCounts.map { SoftmaxCrossEntropy(classes: $0, maxBatch: maxBatch) }
    featureGradient = FloatBuffer(count: maxBatch * shared.outputSize)
    nodeGradient = labelCounts.map { _ in FloatBuffer(count: maxBatch * h) }
    mailboxGradient = FloatBuffer(count: maxBatch * h)
  }

  public var taskCount: Int { heads.count }

  /// The shared encoder and the message parameters (every task's loss reaches them).
  public var sharedParameters: [Parameter] { encoder.parameters + messages.parameters }

  public var allParameters: [Parameter] {
    encoder.parameters + nodes.flatMap(\.parameters) + (mailbox?.parameters ?? []) + messages.parameters
      + heads.flatMap(\.parameters)
  }

  /// Parameters a step on `task` changes: the shared encoder, the message parameters, its own node (and the
  /// nodes it hears from, unless ``detachSenders``), the mailbox (star) and its head.
  public func parameters(task: Int) -> [Parameter] {
    let heard = (0..<taskCount).filter { nodeGradientIsUsed($0, task: task) }
    return encoder.parameters + messages.parameters + heard.flatMap { nodes[$0].parameters }
      + (mailbox?.parameters ?? []) + heads[task].parameters
  }

  /// The states every message is gathered from: every task, the receiver's own included. In the complete graph the
  /// receiver attends over the other tasks and itself (attending to itself is declining to listen, so the attention
  /// to each auxiliary task can fall as well as rise; without the self-loop it sums to 1 over the auxiliaries and
  /// their mean is always 1/(T − 1)); in the star the mailbox attends over all tasks.
  var sources: [Int] { Array(0..<taskCount) }

  /// Encoder, every node, and (star) the mailbox's message for a batch; returns the shared features.
  private func encode(ids: UnsafePointer<Int32>, batch: Int) -> UnsafePointer<Float> {
    let features = encoder.forward(ids: ids, batch: batch)
    states = nodes.map { $0.forward(features, batch: batch) }
    if let mailbox {
      messages.gather(
        nodes: states, sources: sources, query: mailbox.forward(features, batch: batch), batch: batch)
      messageCount += taskCount
    }
    return features
  }

  /// The receiver's state after the messages, then its head's logits.
  private func receive(task: Int, batch: Int) -> UnsafePointer<Float> {
    if topology == .complete {
      messages.gather(nodes: states, sources: sources, query: states[task], batch: batch)
      messageCount += taskCount - 1  // the self-loop is no message between tasks
    } else {
      messageCount += 1
    }
    return heads[task].forward(messages.deliver(target: states[task], batch: batch), batch: batch)
  }

  /// Logits of `task` for a batch of windows; valid until the next call.
  public func logits(ids: UnsafePointer<Int32>, batch: Int, task: Int) -> UnsafePointer<Float> {
    _ = encode(ids: ids, batch: batch)
    return receive(task: task, batch: batch)
  }

  /// Logits of every task for one batch (`body(task, logits)`), encoding the input once; the star's mailbox
  /// gathers once for all receivers.
  public func forwardAllTasks(
    ids: UnsafePointer<Int32>, batch: Int, _ body: (Int, UnsafePointer<Float>) -> Void
  ) {
    _ = encode(ids: ids, batch: batch)
    for task in 0..<taskCount { body(task, receive(task: task, batch: batch)) }
  }

  public func loss(ids: UnsafePointer<Int32>, labels: UnsafePointer<Int32>, batch: Int, task: Int) -> Double {
    losses[task].loss(logits: logits(ids: ids, batch: batch, task: task), labels: labels, batch: batch)
  }

  @discardableResult
  public func accumulateGradient(ids: UnsafePointer<Int32>, labels: UnsafePointer<Int32>, batch: Int, task: Int)
    -> Double
  {
    let features = encode(ids: ids, batch: batch)
    let value = losses[task].loss(logits: receive(task: task, batch: batch), labels: labels, batch: batch)
    let h = messages.size
    let n = batch * h
    let dState = heads[task].backward(
      messages.lastOutput, outputGradient: losses[task].logitGradient.pointer, batch: batch, needInputGradient: true)!
    for g in nodeGradient { g.pointer.update(repeating: 0, count: n) }
    messages.backward(outputGradient: dState, batch: batch)
    add(messages.targetGradient.pointer, to: nodeGradient[task].pointer, n)
    for s in sources where s == task || !detachSenders {
      add(messages.nodeGradients[s].pointer, to: nodeGradient[s].pointer, n)
    }
    if topology == .complete { add(messages.queryGradient.pointer, to: nodeGradient[task].pointer, n) }
    featureGradient.pointer.update(repeating: 0, count: batch * encoder.outputSize)
    for k in 0..<taskCount where nodeGradientIsUsed(k, task: task) {
      let d = nodes[k].backward(
        features, outputGradient: nodeGradient[k].pointer, batch: batch, needInputGradient: true)!
      add(d, to: featureGradient.pointer, batch * encoder.outputSize)
    }
    if let mailbox {
      let d = mailbox.backward(
        features, outputGradient: messages.queryGradient.pointer, batch: batch, needInputGradient: true)!
      add(d, to: featureGradient.pointer, batch * encoder.outputSize)
    }
    encoder.backward(ids: ids, outputGradient: featureGradient.pointer, batch: batch)
    return value
  }

  /// Whether task k's node receives a gradient from a step on `task`: its own, and every node unless
  /// ``detachSenders``.
  private func nodeGradientIsUsed(_ k: Int, task: Int) -> Bool {
    k == task || !detachSenders
  }

  private func add(_ x: UnsafePointer<Float>, to y: UnsafeMutablePointer<Float>, _ n: Int) {
    for i in 0..<n { y[i] += x[i] }
  }

  public func predict(ids: UnsafePointer<Int32>, batch: Int, task: Int, into out: UnsafeMutablePointer<Int32>) {
    SoftmaxCrossEntropy.argmax(
      logits: logits(ids: ids, batch: batch, task: task), classes: losses[task].classes, batch: batch, into: out)
  }

  /// Mean attention the main task gives each auxiliary task over `windows` (first `examples`): for the complete
  /// graph its attention over the other tasks, for the star the mailbox's attention over the auxiliary tasks in
  /// the message the main task receives.
  public func mainAttention(_ windows: LabeledWindows, examples: Int) -> [Double] {
    guard taskCount > 1 else { return [] }
    var sums = [Double](repeating: 0, count: taskCount - 1)
    windows.forEachBatch(of: maxBatch, limit: examples) { ids, _, b in
      _ = logits(ids: ids, batch: b, task: 0)
      let att = messages.attention.pointer  // batch × T, source k at column k
      for row in 0..<b { for k in 1..<taskCount { sums[k - 1] += Double(att[row * taskCount + k]) } }
    }
    return sums.map { $0 / Double(max(min(examples, windows.count), 1)) }
  }
}
