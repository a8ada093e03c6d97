import Foundation

/// Pretrained word vectors read from the fastText/GloVe `.vec` text format
/// (optional header line `count dimension`, then `word v1 … vd` per line).
public struct WordVectors: Sendable {
  /// Vector length.
  public let dimension: Int
  /// Words in file order.
  public let words: [String]
  /// Row-major vectors, `words.count × dimension`.
  public let values: [Float]
  private let index: [String: Int]

  /// Creates vectors from words and row-major values (`values.count == words.count * dimension`).
  public init(dimension: Int, words: [String], values: [Float]) {
    self.dimension = dimension
    self.words = words
    self.values = values
    var index: [String: Int] = [:]
    for (k, w) in words.enumerated() where index[w] == nil { index[w] = k }
    self.index = index
  }

  /// The vector of a word (case-sensitive), or nil when absent.
  public func vector(for word: String) -> ArraySlice<Float>? {
    guard let k = index[word] else { return nil }
    return values[(k * dimension)..<((k + 1) * dimension)]
  }

  /// Reads a `.vec` file. When `vocabulary` is given, only those words are kept; `limit` caps the words read.
  public static func read(contentsOf url: URL, vocabulary: Set<String>? = nil, limit: Int? = nil)
    throws(TaskSimulatorError)
    -> WordVectors
  {
    let text: String
    do {
      text = try String(contentsOf: url, encoding: .utf8)
    } catch {
      throw TaskSimulatorError("\(url.path): cannot read file (\(error.localizedDescription))")
    }
    return try parse(text, source: url.path, vocabulary: vocabulary, limit: limit)
  }

  /// Parses `.vec` text; `source` names the file in error messages.
  public static func parse(_ text: String, source: String = "<text>", vocabulary: Set<String>? = nil, limit: Int? = nil)
    throws(TaskSimulatorError) -> WordVectors
  {
    var dimension: Int? = nil
    var words: [String] = []
    var values: [Float] = []
    var lineNumber = 0
    var read = 0
    for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
      lineNumber += 1
      let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
      if fields.isEmpty { continue }
      if lineNumber == 1 && fields.count == 2, Int(fields[0]) != nil, let d = Int(fields[1]) {
        guard d > 0 else { throw TaskSimulatorError("\(source):1: dimension must be positive, found \(d)") }
        dimension = d
        continue
      }
      if let limit, read >= limit { break }
      read += 1
      let d = dimension ?? (fields.count - 1)
      guard d > 0 else { throw TaskSimulatorError("\(source):\(lineNumber): word without vector values") }
      dimension = d
      guard fields.count == d + 1 else {
        throw TaskSimulatorError("\(source):\(lineNumber): expected \(d) values, found \(fields.count - 1)")
      }
      let word = String(fields[0])
      if let vocabulary, !vocabulary.contains(word) { continue }
      for (column, field) in fields.dropFirst().enumerated() {
        guard let v = Float(field) else {
          throw TaskSimulatorError("\(source):\(lineNumber): column \(column + 2): '\(field)' is not a number")
        }
        values.append(v)
      }
      words.append(word)
    }
    return WordVectors(dimension: dimension ?? 0, words: words, values: values)
  }
}
