/// Word ↔ id mapping for the embedding table: id 0 is the padding word `<none>` (as in the paper), id 1 the unknown
/// word `<unk>`, then words in order of first appearance. Lookup is case-sensitive.
public struct Vocabulary: Sendable, Equatable {
  public static let padding = "<none>"
  public static let unknown = "<unk>"
  public static let paddingID: Int32 = 0
  public static let unknownID: Int32 = 1

  /// All words, index = id.
  public private(set) var words: [String] = [Vocabulary.padding, Vocabulary.unknown]
  private var index: [String: Int32] = [Vocabulary.padding: 0, Vocabulary.unknown: 1]

  /// A vocabulary of the given words (duplicates ignored).
  public init<S: Sequence>(_ words: S) where S.Element == String {
    for w in words { insert(w) }
  }

  /// Adds a word if new; returns its id.
  @discardableResult
  public mutating func insert(_ word: String) -> Int32 {
    if let id = index[word] { return id }
    let id = Int32(words.count)
    words.append(word)
    index[word] = id
    return id
  }

  /// Number of ids.
  public var count: Int { words.count }

  /// The id of `word`, or `unknownID`.
  public func id(_ word: String) -> Int32 { index[word] ?? Vocabulary.unknownID }
}
