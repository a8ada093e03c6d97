import Support

/// How auxiliary tasks choose their input tokens.
public enum TaskInputs: String, Sendable, Codable, CaseIterable {
  /// Each task gets its own slice of the training stream (the paper's design): main first, then aux 1, 2, ….
  case disjoint
  /// Every auxiliary task labels the same first `auxTokens` tokens (overlapping the main task's).
  case shared
}

/// Everything that determines one generated task family (one grid point × repetition).
public struct TaskFamilySpec: Sendable, Equatable, Codable {
  /// T: number of tasks including the main task (1 = single-task).
  public var taskCount: Int
  /// Training tokens of the main task.
  public var mainTokens: Int
  /// Training tokens of each auxiliary task.
  public var auxTokens: Int
  /// Channel α of each auxiliary task (count T − 1).
  public var alphas: [Double]
  /// Disjoint slices or shared inputs.
  public var inputs: TaskInputs
  /// Seed of the channel noise.
  public var seed: UInt64

  /// Creates a specification.
  public init(
    taskCount: Int, mainTokens: Int, auxTokens: Int, alphas: [Double], inputs: TaskInputs = .disjoint,
    seed: UInt64
  ) {
    self.taskCount = taskCount
    self.mainTokens = mainTokens
    self.auxTokens = auxTokens
    self.alphas = alphas
    self.inputs = inputs
    self.seed = seed
  }

  /// Training tokens of the corpus the family needs.
  public var requiredTokens: Int {
    let aux = max(0, taskCount - 1)
    switch inputs {
    case .disjoint: return mainTokens + aux * auxTokens
    case .shared: return aux > 0 ? max(mainTokens, auxTokens) : mainTokens
    }
  }
}

/// One token sequence of a task (a sentence, or the part of a sentence inside the task's slice).
public struct TaskSentence: Sendable, Equatable {
  /// The tokens.
  public var tokens: [String]
  /// The main task's gold tags for these tokens (BIO).
  public var goldTags: [String]
  /// This task's labels in the training scheme (IO ids: index into the task's `labelNames`).
  public var labels: [Int]

  /// Creates a task sentence.
  public init(tokens: [String], goldTags: [String], labels: [Int]) {
    self.tokens = tokens
    self.goldTags = goldTags
    self.labels = labels
  }
}

/// One task of a family: the main task or a noisy-channel auxiliary task.
public struct SimulatedTask: Sendable, Equatable {
  /// "main" or "aux1", "aux2", ….
  public var name: String
  /// Channel α (1 for the main task).
  public var alpha: Double
  /// AMI between main-task IO labels and this task's labels over its training tokens (1 for the main task).
  public var ami: Double
  /// Label names, index = label id. Main: `["O", "PER", …]`; auxiliary: `["O", "SYN1", …]`.
  public var labelNames: [String]
  /// Training sentences.
  public var train: [TaskSentence]

  /// Number of training tokens.
  public var tokenCount: Int { train.reduce(0) { $0 + $1.tokens.count } }
}

/// A generated family of tasks: the main task (train/dev/test) and its auxiliary tasks (train only).
///
/// Conventions (as the paper): T counts the main task; a family's `mutualInfo` is the mean AMI of its auxiliary
/// tasks and its `alpha` the mean α, both 1 for single-task families (T = 1).
public struct TaskFamily: Sendable, Equatable {
  /// The specification it was generated from.
  public var spec: TaskFamilySpec
  /// The main task; its `train` holds `spec.mainTokens` tokens.
  public var main: SimulatedTask
  /// The T − 1 auxiliary tasks.
  public var auxiliary: [SimulatedTask]
  /// Main-task development sentences (labels = gold IO ids).
  public var dev: [TaskSentence]
  /// Main-task test sentences (labels = gold IO ids).
  public var test: [TaskSentence]

  /// All tasks, main first.
  public var tasks: [SimulatedTask] { [main] + auxiliary }
  /// Mean auxiliary AMI (1 when T = 1).
  public var mutualInfo: Double {
    auxiliary.isEmpty ? 1 : auxiliary.reduce(0) { $0 + $1.ami } / Double(auxiliary.count)
  }
  /// Mean auxiliary α (1 when T = 1).
  public var alpha: Double {
    auxiliary.isEmpty ? 1 : auxiliary.reduce(0) { $0 + $1.alpha } / Double(auxiliary.count)
  }

  /// Generates a family from a corpus: slices the training stream, passes each auxiliary slice through its
  /// channel (seeded per task from `spec.seed`), and measures each auxiliary task's AMI.
  public static func generate(_ spec: TaskFamilySpec, corpus: Corpus) throws(TaskSimulatorError) -> TaskFamily {
    guard spec.taskCount >= 1 else { throw TaskSimulatorError("T must be at least 1, got \(spec.taskCount)") }
    guard spec.mainTokens >= 1 else {
      throw TaskSimulatorError("main-task tokens must be at least 1, got \(spec.mainTokens)")
    }
    guard spec.taskCount == 1 || spec.auxTokens >= 1 else {
      throw TaskSimulatorError("auxiliary tokens must be at least 1, got \(spec.auxTokens)")
    }
    guard spec.alphas.count == spec.taskCount - 1 else {
      throw TaskSimulatorError(
        "expected \(spec.taskCount - 1) alpha values for T = \(spec.taskCount), got \(spec.alphas.count)")
    }
    let available = corpus.trainTokenCount
    guard spec.requiredTokens <= available else {
      throw TaskSimulatorError(
        "the family needs \(spec.requiredTokens) training tokens but the corpus '\(corpus.name)' has \(available)")
    }
    let k = corpus.ioLabels.count
    let channels = try spec.alphas.map { (a: Double) throws(TaskSimulatorError) in
      try NoisyChannel(labelCount: k, alpha: a)
    }
    let stream = corpus.train.map { s in (s, corpus.ioLabelIds(s.tags)) }
    func slice(from start: Int, count: Int) -> [TaskSentence] {
      var out: [TaskSentence] = []
      var offset = 0
      let end = start + count
      for (s, ids) in stream {
        let n = s.tokens.count
        defer { offset += n }
        if offset + n <= start { continue }
        if offset >= end { break }
        let lo = max(start, offset) - offset
        let hi = min(end, offset + n) - offset
        out.append(
          TaskSentence(tokens: Array(s.tokens[lo..<hi]), goldTags: Array(s.tags[lo..<hi]), labels: Array(ids[lo..<hi])))
      }
      return out
    }
    let mainTask = SimulatedTask(
      name: "main", alpha: 1, ami: 1, labelNames: corpus.ioLabels,
      train: slice(from: 0, count: spec.mainTokens))
    let synthetic = [LabelScheme.outside] + (1..<k).map { "SYN\($0)" }
    var aux: [SimulatedTask] = []
    for (index, channel) in channels.enumerated() {
      let start = spec.inputs == .disjoint ? spec.mainTokens + index * spec.auxTokens : 0
      let base = slice(from: start, count: spec.auxTokens)
      var rng = SeededGenerator(seed: SeedDerivation.keyed(spec.seed, UInt64(index + 1)))
      var goldIds: [Int] = []
      var noisyIds: [Int] = []
      let noisy = base.map { s -> TaskSentence in
        let labels = s.labels.map { channel.sample($0, using: &rng) }
        goldIds += s.labels
        noisyIds += labels
        return TaskSentence(tokens: s.tokens, goldTags: s.goldTags, labels: labels)
      }
      let ami = try AdjustedMutualInformation.score(goldIds, noisyIds)
      aux.append(
        SimulatedTask(name: "aux\(index + 1)", alpha: channel.alpha, ami: ami, labelNames: synthetic, train: noisy))
    }
    func evaluation(_ sentences: [LabeledSentence]) -> [TaskSentence] {
      sentences.map { TaskSentence(tokens: $0.tokens, goldTags: $0.tags, labels: corpus.ioLabelIds($0.tags)) }
    }
    return TaskFamily(
      spec: spec, main: mainTask, auxiliary: aux, dev: evaluation(corpus.dev), test: evaluation(corpus.test))
  }
}
