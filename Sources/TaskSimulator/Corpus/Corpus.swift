/// One sentence with its gold tags (BIO scheme for the main task).
public struct LabeledSentence: Sendable, Equatable, Hashable {
  /// The tokens.
  public var tokens: [String]
  /// One tag per token.
  public var tags: [String]
  /// Creates a sentence; `tokens` and `tags` must have equal length.
  public init(tokens: [String], tags: [String]) {
    self.tokens = tokens
    self.tags = tags
  }
}

/// A named-entity corpus: train, dev and test sentences with BIO gold tags, and its entity types.
public struct Corpus: Sendable, Equatable {
  /// A short name ("embedded" or the file name).
  public var name: String
  /// Training sentences (the token stream that task slices are cut from).
  public var train: [LabeledSentence]
  /// Development sentences.
  public var dev: [LabeledSentence]
  /// Test sentences.
  public var test: [LabeledSentence]
  /// Entity types in label order; IO labels are `["O"] + entityTypes`.
  public var entityTypes: [String]

  /// Creates a corpus; when `entityTypes` is nil they are collected from the tags in order of first appearance.
  public init(
    name: String, train: [LabeledSentence], dev: [LabeledSentence], test: [LabeledSentence],
    entityTypes: [String]? = nil
  ) {
    self.name = name
    self.train = train
    self.dev = dev
    self.test = test
    if let entityTypes {
      self.entityTypes = entityTypes
    } else {
      var seen: [String] = []
      var set = Set<String>()
      for s in train + dev + test {
        for tag in s.tags {
          if let t = LabelScheme.entityType(tag), set.insert(t).inserted { seen.append(t) }
        }
      }
      self.entityTypes = seen
    }
  }

  /// The IO label names: `"O"` followed by the entity types (K = 1 + number of types).
  public var ioLabels: [String] { [LabelScheme.outside] + entityTypes }

  /// Number of training tokens.
  public var trainTokenCount: Int { train.reduce(0) { $0 + $1.tokens.count } }

  /// Maps one sentence's tags (any scheme) to IO label ids (index into `ioLabels`; unknown types → 0).
  public func ioLabelIds(_ tags: [String]) -> [Int] {
    var index: [String: Int] = [:]
    for (k, t) in entityTypes.enumerated() { index[t] = k + 1 }
    return tags.map { tag in LabelScheme.entityType(tag).flatMap { index[$0] } ?? 0 }
  }

  /// Relative frequency of each IO label over the training tokens.
  public func ioLabelDistribution() -> [Double] {
    var counts = [Double](repeating: 0, count: ioLabels.count)
    var total = 0.0
    for s in train {
      for id in ioLabelIds(s.tags) {
        counts[id] += 1
        total += 1
      }
    }
    return total > 0 ? counts.map { $0 / total } : counts
  }
}
