import Support

/// Reads a config's `"training"` object into a ``TrainingConfig``; errors are one line, `FILE: training.KEY: problem`.
struct TrainingConfigReader {
  static let keys: Set<String> = [
    "method", "model", "activation", "epochs", "patience", "min_epochs", "batch_size", "learning_rate", "schedule",
    "dev_tokens", "embedding_size", "hidden_sizes", "lstm_hidden_size", "vectors",
  ]

  let members: [String: JSONValue]
  let source: String

  /// Checks that `json` is an object of known keys.
  init(_ json: JSONValue, source: String) throws(TrainingConfigError) {
    self.source = source
    guard let o = json.objectMembers else {
      throw TrainingConfigError("\(source): training: expected an object, found \(json.typeName)")
    }
    for key in o.keys.sorted() where !Self.keys.contains(key) {
      throw TrainingConfigError(
        "\(source): training: unknown key '\(key)' (allowed: \(Self.keys.sorted().joined(separator: ", ")))")
    }
    members = o
  }

  /// Sets every key present, in a fixed order (the model before the settings that change its sizes).
  func read(into c: inout TrainingConfig) throws(TrainingConfigError) {
    try named("method", &c) { try $0.setMethod(named: $1) }
    try named("model", &c) { try $0.setModel(named: $1) }
    try named("activation", &c) { try $0.setActivation(named: $1) }
    if let e = try positive("epochs") { c.options.epochs = e }
    if let v = members["patience"] {
      if case .null = v { c.options.patience = nil } else if let p = try positive("patience") { c.options.patience = p }
    }
    if let v = members["min_epochs"] {
      guard let i = v.intValue, i >= 0 else { throw fail("min_epochs", "expected a non-negative integer") }
      c.options.minimumEpochs = i
    }
    if let b = try positive("batch_size") { c.options.batchSize = b }
    if let v = members["learning_rate"] {
      guard let d = v.doubleValue, d > 0, d.isFinite else { throw fail("learning_rate", "expected a positive number") }
      c.learningRate = Float(d)
    }
    try named("schedule", &c) { try $0.setSchedule(named: $1) }
    if let v = members["dev_tokens"] {
      if case .null = v { c.devTokens = nil } else { c.devTokens = try positive("dev_tokens") }
    }
    if let e = try positive("embedding_size") { c.model.embeddingSize = e }
    if let path = try string("vectors") { c.vectors = resolved(path) }
    if let h = try positive("lstm_hidden_size") { c.model.lstmHiddenSize = h }
    if let v = members["hidden_sizes"] { c.model.sharedSizes = try sizes(v, "hidden_sizes") }
  }

  private func fail(_ key: String, _ what: String) -> TrainingConfigError {
    TrainingConfigError("\(source): training.\(key): \(what)")
  }

  private func positive(_ key: String) throws(TrainingConfigError) -> Int? {
    guard let v = members[key] else { return nil }
    guard let i = v.intValue, i >= 1 else { throw fail(key, "expected a positive integer, found \(v.typeName)") }
    return i
  }

  private func string(_ key: String) throws(TrainingConfigError) -> String? {
    guard let v = members[key] else { return nil }
    guard case .string(let s) = v else { throw fail(key, "expected a string, found \(v.typeName)") }
    return s
  }

  /// Passes the string `key` to a named setting's setter (which throws `TrainingConfigError`); its error is located
  /// in the file.
  private func named(
    _ key: String, _ config: inout TrainingConfig, _ set: (inout TrainingConfig, String) throws -> Void
  ) throws(TrainingConfigError) {
    guard let name = try string(key) else { return }
    do {
      try set(&config, name)
    } catch let error as TrainingConfigError {
      throw fail(key, error.problem)
    } catch {
      throw fail(key, "\(error)")
    }
  }

  private func sizes(_ v: JSONValue, _ key: String) throws(TrainingConfigError) -> [Int] {
    guard case .array(let items) = v else { throw fail(key, "expected a list of positive integers") }
    var sizes: [Int] = []
    for item in items {
      guard let i = item.intValue, i >= 1 else { throw fail(key, "expected a list of positive integers") }
      sizes.append(i)
    }
    return sizes
  }

  /// A path relative to the config's folder.
  private func resolved(_ path: String) -> String {
    if path.hasPrefix("/") { return path }
    let folder = source.lastIndex(of: "/").map { String(source[..<$0]) } ?? "."
    return folder + "/" + path
  }
}
