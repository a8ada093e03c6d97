import Support
import TaskSimulator

/// The `"training"` object of a simulator config (all keys optional), after command-line overrides.
///
/// Keys: `model` ("window-mlp", "bilstm-0fc" … "bilstm-3fc"), `activation` ("identity", "tanh", "relu"),
/// `epochs`, `patience` (null = fixed epochs), `min_epochs`, `batch_size`, `learning_rate`,
/// `schedule` ("round-robin", "proportional"), `dev_tokens` (null = whole dev set), `embedding_size`,
/// `hidden_sizes` (window-mlp shared layers), `lstm_hidden_size`, `vectors` (a word2vec/fastText `.vec` text file of
/// frozen pretrained embeddings, relative to the config's folder; sets the embedding size).
public struct TrainingConfig: Sendable, Equatable {
  public var model: ModelSpec
  public var options: TrainingOptions
  /// Dev tokens used for early stopping (the first sentences); nil = all.
  public var devTokens: Int?
  /// Path of frozen pretrained word vectors (`.vec`), or nil to train embeddings.
  public var vectors: String?
  /// Adam learning rate; nil = the model's default (`ModelSpec.defaultLearningRate`).
  public var learningRate: Float?

  /// The training options with the learning rate resolved for the model.
  public var resolvedOptions: TrainingOptions {
    var o = options
    o.learningRate = learningRate ?? model.defaultLearningRate
    return o
  }

  /// The defaults: window-mlp, at most 100 epochs, patience 5 after 10 epochs, batch 100, dev 5,000 tokens.
  public init() {
    model = .windowMLP
    options = TrainingOptions(epochs: 100, patience: 5, minimumEpochs: 10)
    devTokens = 5000
  }

  /// Reads the config's `"training"` object (nil = defaults); `source` names the file in errors.
  public init(json: JSONValue?, source: String) throws {
    self.init()
    guard let json else { return }
    guard let o = json.objectMembers else {
      throw TrainingConfigError(message: "\(source): training: expected an object, found \(json.typeName)")
    }
    let allowed: Set<String> = [
      "model", "activation", "epochs", "patience", "min_epochs", "batch_size", "learning_rate", "schedule",
      "dev_tokens", "embedding_size", "hidden_sizes", "lstm_hidden_size", "vectors",
    ]
    for key in o.keys.sorted() where !allowed.contains(key) {
      throw TrainingConfigError(
        message: "\(source): training: unknown key '\(key)' (allowed: \(allowed.sorted().joined(separator: ", ")))")
    }
    func fail(_ key: String, _ what: String) -> TrainingConfigError {
      TrainingConfigError(message: "\(source): training.\(key): \(what)")
    }
    func positive(_ key: String) throws -> Int? {
      guard let v = o[key] else { return nil }
      guard let i = v.intValue, i >= 1 else { throw fail(key, "expected a positive integer, found \(v.typeName)") }
      return i
    }
    func string(_ key: String) throws -> String? {
      guard let v = o[key] else { return nil }
      guard case .string(let s) = v else { throw fail(key, "expected a string, found \(v.typeName)") }
      return s
    }
    if let name = try string("model") {
      do { model = try ModelSpec(name: name) } catch { throw fail("model", "\(error)") }
    }
    if let a = try string("activation") {
      guard let act = Activation(rawValue: a) else {
        throw fail("activation", "expected identity, tanh or relu, found '\(a)'")
      }
      model.activation = act
    }
    if let e = try positive("epochs") { options.epochs = e }
    if let v = o["patience"] {
      if case .null = v { options.patience = nil } else if let p = try positive("patience") { options.patience = p }
    }
    if let v = o["min_epochs"] {
      guard let i = v.intValue, i >= 0 else { throw fail("min_epochs", "expected a non-negative integer") }
      options.minimumEpochs = i
    }
    if let b = try positive("batch_size") { options.batchSize = b }
    if let v = o["learning_rate"] {
      guard let d = v.doubleValue, d > 0, d.isFinite else { throw fail("learning_rate", "expected a positive number") }
      learningRate = Float(d)
    }
    if let s = try string("schedule") {
      guard let schedule = TaskSchedule(rawValue: s) else {
        throw fail("schedule", "expected round-robin or proportional, found '\(s)'")
      }
      options.schedule = schedule
    }
    if let v = o["dev_tokens"] {
      if case .null = v { devTokens = nil } else { devTokens = try positive("dev_tokens") }
    }
    if let e = try positive("embedding_size") { model.embeddingSize = e }
    if let path = try string("vectors") {
      if path.hasPrefix("/") {
        vectors = path
      } else {
        let folder = source.lastIndex(of: "/").map { String(source[..<$0]) } ?? "."
        vectors = folder + "/" + path
      }
    }
    if let h = try positive("lstm_hidden_size") { model.lstmHiddenSize = h }
    if let v = o["hidden_sizes"] {
      guard case .array(let items) = v else { throw fail("hidden_sizes", "expected a list of positive integers") }
      var sizes: [Int] = []
      for item in items {
        guard let i = item.intValue, i >= 1 else { throw fail("hidden_sizes", "expected a list of positive integers") }
        sizes.append(i)
      }
      model.sharedSizes = sizes
    }
  }
}

/// A problem in the `"training"` object or a training option.
public struct TrainingConfigError: Error, CustomStringConvertible, Equatable {
  public let message: String
  public init(message: String) { self.message = message }
  public var description: String { message }
}
