import Support
import TaskSimulator

/// The `"training"` object of a simulator config (all keys optional), after command-line overrides.
///
/// Keys: `method` (see ``MTLMethods``; default `hard-sharing`), `model` ("window-mlp", "bilstm-0fc" … "bilstm-3fc"),
/// `activation` ("identity", "tanh", "relu"), `epochs`, `patience` (null = fixed epochs), `min_epochs`,
/// `batch_size`, `learning_rate`, `schedule` ("round-robin", "proportional"), `dev_tokens` (null = whole dev set),
/// `embedding_size`, `hidden_sizes` (window-mlp shared layers), `lstm_hidden_size`, `vectors` (a word2vec/fastText
/// `.vec` text file of frozen pretrained embeddings, relative to the config's folder; sets the embedding size).
public struct TrainingConfig: Sendable, Equatable {
  /// The MTL method's name (an entry of ``MTLMethods``).
  public var method: String
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

  /// The defaults: hard sharing, window-mlp, at most 100 epochs, patience 5 after 10 epochs, batch 100, dev 5,000
  /// tokens.
  public init() {
    method = MTLMethods.standard.name
    model = .windowMLP
    options = TrainingOptions(epochs: 100, patience: 5, minimumEpochs: 10)
    devTokens = 5000
  }

  /// Reads the config's `"training"` object (nil = defaults); `source` names the file in errors.
  public init(json: JSONValue?, source: String) throws(TrainingConfigError) {
    self.init()
    guard let json else { return }
    try TrainingConfigReader(json, source: source).read(into: &self)
  }

  /// The `method` setting: a name from ``MTLMethods``.
  public mutating func setMethod(named name: String) throws(TrainingConfigError) {
    method = try MTLMethods.named(name).name
  }

  /// The `model` setting: the defaults of a model name (`ModelSpec.names`), replacing every size and the activation.
  public mutating func setModel(named name: String) throws(TrainingConfigError) {
    do {
      model = try ModelSpec(name: name)
    } catch {
      throw TrainingConfigError(setting: "model", error.problem)
    }
  }

  /// The `activation` setting: `identity`, `tanh` or `relu`.
  public mutating func setActivation(named name: String) throws(TrainingConfigError) {
    guard let activation = Activation(rawValue: name) else {
      throw TrainingConfigError(setting: "activation", "expected identity, tanh or relu, found '\(name)'")
    }
    model.activation = activation
  }

  /// The `schedule` setting: `round-robin` or `proportional`.
  public mutating func setSchedule(named name: String) throws(TrainingConfigError) {
    guard let schedule = TaskSchedule(rawValue: name) else {
      throw TrainingConfigError(setting: "schedule", "expected round-robin or proportional, found '\(name)'")
    }
    options.schedule = schedule
  }
}

/// A problem in the `"training"` object or a training setting: `setting` names the setting (`model`, `epochs`, …)
/// when the problem is about one given by name (a caller's override), nil for a config file's key (the message then
/// names the file and the key).
public typealias TrainingConfigError = SettingError<TrainingSettings>

/// The trainer's settings domain (see ``TrainingConfigError``).
public enum TrainingSettings {}
