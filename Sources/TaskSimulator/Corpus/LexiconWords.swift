import Support

/// The fixed word lists of the synthetic corpus.
extension Lexicon {
  /// Frequent lower-case words, ahead of the generated ones.
  static let functionWords = [
    "the", "of", "to", "in", "and", "a", "said", "on", "for", "was", "with", "at", "by", "is",
    "that", "from", "it", "he", "his", "be", "has", "as", "were", "after", "had", "have", "will",
    "an", "but", "not", "they", "its", "last", "up", "two", "one", "year", "week", "first", "new",
    "government", "percent", "told", "would", "over", "against", "three", "minister", "match",
    "shares", "team", "police", "market", "people", "won", "president", "club", "visit", "company",
  ]

  /// Capitalised words that are not entities.
  static let titles = [
    "Mr", "Mrs", "President", "Minister", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday", "January", "February", "March", "April", "June", "July", "August",
    "September", "October", "November", "December", "Prime", "Chairman", "Coach", "Police",
    "Reuters", "Tuesday's", "Officials", "Analysts", "Shares", "Results", "Division", "Group",
  ]

  static let orgSuffixes = [
    "Corp", "Inc", "Group", "Bank", "United", "City", "Party", "Ltd", "Airlines", "Council",
    "Rovers", "Motors", "Holdings", "Association",
  ]

  static let eventWords = [
    "Cup", "Open", "Games", "Championship", "League", "Grand", "Prix", "Masters", "Trophy", "Series",
  ]

  /// Per entity type (PER, ORG, LOC, MISC): cue words and whether they precede the entity.
  static let cues: [[(word: String, before: Bool)]] = [
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

/// Makes pseudo-words from syllables, each different from every word made or reserved before.
struct WordMaker {
  static let onsets = [
    "b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z",
    "br", "ch", "st", "tr", "sh", "gr", "pl", "th", "kr", "dr",
  ]
  static let vowels = ["a", "e", "i", "o", "u", "ai", "ea", "ou", "y"]
  static let codas = ["", "", "", "n", "r", "s", "l", "t", "m", "nd", "rt", "ck"]

  private var rng: SeededGenerator
  private var used = Set<String>()

  init(seed: UInt64) { rng = SeededGenerator(seed: seed) }

  /// Marks words as taken.
  mutating func reserve(_ words: [String]) {
    for w in words { used.insert(w) }
  }

  /// A new word of `syllables` syllables, given one of `ending` with probability `endingRate`.
  mutating func word(_ syllables: ClosedRange<Int>, ending: [String] = [], endingRate: Double = 0, capital: Bool)
    -> String
  {
    while true {
      var w = ""
      let count = syllables.lowerBound + rng.nextInt(below: syllables.count)
      for _ in 0..<count {
        w +=
          Self.onsets[rng.nextInt(below: Self.onsets.count)] + Self.vowels[rng.nextInt(below: Self.vowels.count)]
          + Self.codas[rng.nextInt(below: Self.codas.count)]
      }
      if !ending.isEmpty && rng.nextDouble() < endingRate { w += ending[rng.nextInt(below: ending.count)] }
      if capital { w = w.prefix(1).uppercased() + w.dropFirst() }
      if used.insert(w).inserted { return w }
    }
  }

  /// `count` new capitalised words.
  mutating func words(_ count: Int, _ syllables: ClosedRange<Int>, ending: [String] = [], endingRate: Double = 0)
    -> [String]
  {
    var out: [String] = []
    for _ in 0..<count { out.append(word(syllables, ending: ending, endingRate: endingRate, capital: true)) }
    return out
  }
}
