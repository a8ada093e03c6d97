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

/// Word lists and the sentence model of the synthetic corpus.
struct Lexicon: Sendable {
  let common: [String]  // ordinary lower-case words, Zipf-ranked
  let commonZipf: ZipfTable
  let capitalizedOther: [String]  // capitalised non-entity words (months, titles, days)
  let otherZipf: ZipfTable
  let firstNames: [String], lastNames: [String]
  let orgHeads: [String], orgSuffixes: [String]
  let locations: [String]
  let nationalities: [String], eventWords: [String]
  let firstZipf: ZipfTable, lastZipf: ZipfTable, orgZipf: ZipfTable, locZipf: ZipfTable, natZipf: ZipfTable
  let cues: [[(word: String, before: Bool)]]  // per type: cue words and whether they precede

  static let capitalizedOtherRate = 0.07
  static let cueRate = 0.45
  static let sharedOrgLoc = 400
  static let nameExponent = 0.9

  init(seed: UInt64) {
    var rng = SeededGenerator(seed: SeedDerivation.keyed(seed, 0))
    var used = Set<String>()
    func word(_ syllables: ClosedRange<Int>, ending: [String] = [], endingRate: Double = 0, capital: Bool) -> String {
      let onsets = [
        "b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z",
        "br", "ch", "st", "tr", "sh", "gr", "pl", "th", "kr", "dr",
      ]
      let vowels = ["a", "e", "i", "o", "u", "ai", "ea", "ou", "y"]
      let codas = ["", "", "", "n", "r", "s", "l", "t", "m", "nd", "rt", "ck"]
      while true {
        var w = ""
        let count = syllables.lowerBound + rng.nextInt(below: syllables.count)
        for _ in 0..<count {
          w +=
            onsets[rng.nextInt(below: onsets.count)] + vowels[rng.nextInt(below: vowels.count)]
            + codas[rng.nextInt(below: codas.count)]
        }
        if !ending.isEmpty && rng.nextDouble() < endingRate { w += ending[rng.nextInt(below: ending.count)] }
        if capital { w = w.prefix(1).uppercased() + w.dropFirst() }
        if used.insert(w).inserted { return w }
      }
    }
    let function = [
      "the", "of", "to", "in", "and", "a", "said", "on", "for", "was", "with", "at", "by", "is",
      "that", "from", "it", "he", "his", "be", "has", "as", "were", "after", "had", "have", "will",
      "an", "but", "not", "they", "its", "last", "up", "two", "one", "year", "week", "first", "new",
      "government", "percent", "told", "would", "over", "against", "three", "minister", "match",
      "shares", "team", "police", "market", "people", "won", "president", "club", "visit", "company",
    ]
    for f in function { used.insert(f) }
    var commonWords = function
    while commonWords.count < 9_000 { commonWords.append(word(1...3, capital: false)) }
    common = commonWords
    commonZipf = ZipfTable(count: commonWords.count, exponent: 1.05, offset: 2.7)
    let titles = [
      "Mr", "Mrs", "President", "Minister", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
      "Saturday", "Sunday", "January", "February", "March", "April", "June", "July", "August",
      "September", "October", "November", "December", "Prime", "Chairman", "Coach", "Police",
      "Reuters", "Tuesday's", "Officials", "Analysts", "Shares", "Results", "Division", "Group",
    ]
    for t in titles { used.insert(t) }
    var firstNameList = (0..<700).map { _ in word(1...2, ending: ["a", "o", "el"], endingRate: 0.3, capital: true) }
    // Capitalised non-entity words: titles and dates, product and topic words, and some first names used as
    // ordinary words ("Will", "May"): capitalisation alone does not mark an entity.
    var other = titles + (0..<500).map { _ in word(1...3, capital: true) }
    for k in 0..<60 { other.append(firstNameList[k * 9 + 4]) }
    capitalizedOther = other
    otherZipf = ZipfTable(count: other.count, exponent: 0.9, offset: 2)
    firstNameList.swapAt(0, 4)
    firstNames = firstNameList
    lastNames = (0..<3_000).map { _ in
      word(1...3, ending: ["son", "ez", "ov", "ski", "er"], endingRate: 0.35, capital: true)
    }
    var locs = (0..<1_800).map { _ in
      word(1...3, ending: ["ia", "burg", "ton", "stan", "land"], endingRate: 0.35, capital: true)
    }
    // Some surnames are also places (realistic ambiguity: "Washington").
    for k in 0..<120 { locs[10 + k * 11] = lastNames[5 + k * 23] }
    locations = locs
    var heads = (0..<1_500).map { _ in word(1...3, ending: ["tex", "co", "corp"], endingRate: 0.25, capital: true) }
    // Many organisations (clubs, companies) are named after places: LOC/ORG ambiguity.
    for k in 0..<Lexicon.sharedOrgLoc { heads[k * 3] = locs[k * 4] }
    orgHeads = heads
    orgSuffixes = [
      "Corp", "Inc", "Group", "Bank", "United", "City", "Party", "Ltd", "Airlines", "Council",
      "Rovers", "Motors", "Holdings", "Association",
    ]
    for s in orgSuffixes { used.insert(s) }
    nationalities = locs.prefix(400).map { $0.hasSuffix("ia") ? $0 + "n" : $0 + "ian" }
    eventWords = ["Cup", "Open", "Games", "Championship", "League", "Grand", "Prix", "Masters", "Trophy", "Series"]
    firstZipf = ZipfTable(count: firstNames.count, exponent: 1.0, offset: 3)
    lastZipf = ZipfTable(count: lastNames.count, exponent: Lexicon.nameExponent - 0.1, offset: 4)
    orgZipf = ZipfTable(count: orgHeads.count, exponent: Lexicon.nameExponent, offset: 3)
    locZipf = ZipfTable(count: locations.count, exponent: Lexicon.nameExponent, offset: 3)
    natZipf = ZipfTable(count: nationalities.count, exponent: 1.1, offset: 2)
    cues = [
      [
        ("Mr", true), ("President", true), ("Coach", true), ("said", false), ("told", false), ("minister", true),
        ("Mrs", true), ("his", false), ("has", false),
      ],
      [
        ("shares", false), ("club", true), ("company", true), ("said", false), ("Group", false), ("against", true),
        ("Chairman", false), ("at", true), ("of", true),
      ],
      [
        ("in", true), ("at", true), ("from", true), ("visit", true), ("near", true), ("to", true), ("police", false),
        ("government", false), ("of", true),
      ],
      [("the", true), ("won", true), ("first", true), ("team", false), ("match", false), ("in", true)],
    ]
  }

  private func commonWord(_ rng: inout SeededGenerator) -> String { common[commonZipf.draw(&rng)] }

  /// One entity of the given type (0 PER, 1 ORG, 2 LOC, 3 MISC) as tokens.
  private func entity(_ type: Int, _ rng: inout SeededGenerator) -> [String] {
    let u = rng.nextDouble()
    switch type {
    case 0:
      let last = lastNames[lastZipf.draw(&rng)]
      if u < 0.45 { return [firstNames[firstZipf.draw(&rng)], last] }
      if u < 0.9 { return [last] }
      return [firstNames[firstZipf.draw(&rng)], firstNames[firstZipf.draw(&rng)], last]
    case 1:
      let head = orgHeads[orgZipf.draw(&rng)]
      let suffix = orgSuffixes[rng.nextInt(below: orgSuffixes.count)]
      if u < 0.45 { return [head] }
      if u < 0.8 { return [head, suffix] }
      return [head, orgHeads[orgZipf.draw(&rng)], suffix]
    case 2:
      let loc = locations[locZipf.draw(&rng)]
      if u < 0.82 { return [loc] }
      return [["New", "North", "South", "West", "East"][rng.nextInt(below: 5)], loc]
    default:
      if u < 0.6 { return [nationalities[natZipf.draw(&rng)]] }
      let base = rng.nextDouble() < 0.5 ? locations[locZipf.draw(&rng)] : nationalities[natZipf.draw(&rng)]
      let event = eventWords[rng.nextInt(below: eventWords.count)]
      if u < 0.9 { return [base, event] }
      return ["World", event]
    }
  }

  /// One sentence: ordinary words with entities (never adjacent) and optional cue words, ending with ".".
  func sentence(_ rng: inout SeededGenerator) -> LabeledSentence {
    let length = 6 + rng.nextInt(below: 12) + rng.nextInt(below: 12)
    var tokens: [String] = []
    var tags: [String] = []
    tokens.reserveCapacity(length + 6)
    let typeWeights = [0.28, 0.25, 0.30, 0.17]
    var lastWasEntity = false
    while tokens.count < length {
      if !lastWasEntity && rng.nextDouble() < 0.115 {
        var u = rng.nextDouble()
        var type = 0
        while type < 3 && u >= typeWeights[type] {
          u -= typeWeights[type]
          type += 1
        }
        let cueList = cues[type]
        let cue = rng.nextDouble() < Lexicon.cueRate ? cueList[rng.nextInt(below: cueList.count)] : nil
        if let cue, cue.before {
          tokens.append(cue.word)
          tags.append("O")
        }
        let words = entity(type, &rng)
        let name = SyntheticCorpus.entityTypes[type]
        for (k, w) in words.enumerated() {
          tokens.append(w)
          tags.append((k == 0 ? "B-" : "I-") + name)
        }
        if let cue, !cue.before {
          tokens.append(cue.word)
          tags.append("O")
        }
        lastWasEntity = cue == nil || cue!.before
      } else {
        let w =
          rng.nextDouble() < Lexicon.capitalizedOtherRate ? capitalizedOther[otherZipf.draw(&rng)] : commonWord(&rng)
        tokens.append(w)
        tags.append("O")
        lastWasEntity = false
      }
    }
    if tags[0] == "O" { tokens[0] = tokens[0].prefix(1).uppercased() + tokens[0].dropFirst() }
    tokens.append(".")
    tags.append("O")
    return LabeledSentence(tokens: tokens, tags: tags)
  }
}
