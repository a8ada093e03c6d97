import Foundation
import Support

/// The embedded synthetic named-entity corpus: an English-like, seeded token stream with PER, ORG, LOC and MISC
/// entities (multi-token, Zipfian name frequencies, names shared between types and with ordinary words,
/// and context cue words), so everything runs without a licensed corpus. See docs/simulator.md.
public enum SyntheticCorpus {
  /// Sizes and the seed of a generated corpus.
  public struct Specification: Sendable, Equatable {
    /// Generator seed.
    public var seed: UInt64 = 2006_05561
    /// Minimum training tokens (sentences are added until reached).
    public var trainTokens = 260_000
    /// Minimum development tokens.
    public var devTokens = 40_000
    /// Minimum test tokens.
    public var testTokens = 40_000
    /// Creates the default specification.
    public init() {}
    /// Creates a specification with the given sizes.
    public init(seed: UInt64, trainTokens: Int, devTokens: Int, testTokens: Int) {
      self.seed = seed
      self.trainTokens = trainTokens
      self.devTokens = devTokens
      self.testTokens = testTokens
    }
  }

  /// The entity types, in IO label order.
  public static let entityTypes = ["PER", "ORG", "LOC", "MISC"]

  /// The default embedded corpus (generated once per process).
  public static let standard: Corpus = generate(Specification())

  /// Generates a corpus; the same specification always gives the same corpus.
  public static func generate(_ spec: Specification) -> Corpus {
    let lexicon = Lexicon(seed: spec.seed)
    var rng = SeededGenerator(seed: SeedDerivation.keyed(spec.seed, 1))
    func split(_ tokens: Int) -> [LabeledSentence] {
      var out: [LabeledSentence] = []
      var count = 0
      while count < tokens {
        let s = lexicon.sentence(&rng)
        count += s.tokens.count
        out.append(s)
      }
      return out
    }
    let train = split(spec.trainTokens)
    let dev = split(spec.devTokens)
    let test = split(spec.testTokens)
    return Corpus(name: "embedded", train: train, dev: dev, test: test, entityTypes: entityTypes)
  }
}

/// Zipf-distributed choice among `count` items (rank r has weight 1 / (r + offset)^exponent).
struct ZipfTable: Sendable {
  let cumulative: [Double]
  init(count: Int, exponent: Double, offset: Double = 1) {
    var c: [Double] = []
    c.reserveCapacity(count)
    var total = 0.0
    for r in 0..<count {
      total += 1 / pow(Double(r) + offset, exponent)
      c.append(total)
    }
    cumulative = c.map { $0 / total }
  }
  func draw(_ rng: inout SeededGenerator) -> Int {
    let u = rng.nextDouble()
    var lo = 0
    var hi = cumulative.count - 1
    while lo < hi {
      let mid = (lo + hi) / 2
      if cumulative[mid] > u { hi = mid } else { lo = mid + 1 }
    }
    return lo
  }
}
