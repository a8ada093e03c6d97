import Foundation
import TaskSimulator

/// Frozen pretrained word vectors arranged as an embedding table over a corpus vocabulary (the paper's setting:
/// precomputed fastText/GloVe vectors; padding and words without a vector get the zero vector).
public struct PretrainedEmbeddings: Sendable {
  /// Every word of the corpus (train, dev, test), so dev/test words keep their vectors.
  public let vocabulary: Vocabulary
  public let dimension: Int
  /// vocabulary.count × dimension values.
  public let table: [Float]
  /// Vocabulary words that had a vector.
  public let coveredWords: Int

  /// Reads a `.vec` text file (first line "count dimension", then "word v1 … vd") for the corpus's words.
  public init(path: String, corpus: Corpus) throws {
    var vocabulary = Vocabulary([String]())
    for s in corpus.train + corpus.dev + corpus.test { for w in s.tokens { vocabulary.insert(w) } }
    let vectors = try WordVectors.read(
      contentsOf: URL(fileURLWithPath: path), vocabulary: Set(vocabulary.words))
    self.init(vocabulary: vocabulary, vectors: vectors)
  }

  /// Arranges `vectors` over `vocabulary`.
  public init(vocabulary: Vocabulary, vectors: WordVectors) {
    self.vocabulary = vocabulary
    dimension = vectors.dimension
    var table = [Float](repeating: 0, count: vocabulary.count * vectors.dimension)
    var covered = 0
    for (id, word) in vocabulary.words.enumerated() where id >= 2 {
      if let v = vectors.vector(for: word) {
        covered += 1
        for (j, x) in v.enumerated() { table[id * vectors.dimension + j] = x }
      }
    }
    self.table = table
    coveredWords = covered
  }
}
