import Foundation
import Support

/// Word lists and the sentence model of the synthetic corpus.
struct Lexicon: Sendable {
  let common: [String]  // ordinary lower-case words, Zipf-ranked
  let commonZipf: ZipfTable
  let capitalizedOther: [String]  // capitalised non-entity words (months, titles, days)
  let otherZipf: ZipfTable
  let firstNames: [String], lastNames: [String]
  let orgHeads: [String]
  let locations: [String]
  let nationalities: [String]
  let firstZipf: ZipfTable, lastZipf: ZipfTable, orgZipf: ZipfTable, locZipf: ZipfTable, natZipf: ZipfTable

  static let capitalizedOtherRate = 0.07
  static let cueRate = 0.45
  static let sharedOrgLoc = 400
  static let nameExponent = 0.9

  /// Generates the word lists, phase by phase from one generator (the order of the phases fixes the corpus).
  init(seed: UInt64) {
    var maker = WordMaker(seed: SeedDerivation.keyed(seed, 0))
    // Ordinary words: the function words, then generated lower-case words.
    maker.reserve(Lexicon.functionWords)
    var commonWords = Lexicon.functionWords
    while commonWords.count < 9_000 { commonWords.append(maker.word(1...3, capital: false)) }
    common = commonWords
    commonZipf = ZipfTable(count: commonWords.count, exponent: 1.05, offset: 2.7)
    // Capitalised non-entity words: titles and dates, product and topic words, and some first names used as
    // ordinary words ("Will", "May"): capitalisation alone does not mark an entity.
    maker.reserve(Lexicon.titles)
    var firstNameList = maker.words(700, 1...2, ending: ["a", "o", "el"], endingRate: 0.3)
    var other = Lexicon.titles + maker.words(500, 1...3)
    for k in 0..<60 { other.append(firstNameList[k * 9 + 4]) }
    capitalizedOther = other
    otherZipf = ZipfTable(count: other.count, exponent: 0.9, offset: 2)
    firstNameList.swapAt(0, 4)
    firstNames = firstNameList
    // Names of people, places and organisations.
    lastNames = maker.words(3_000, 1...3, ending: ["son", "ez", "ov", "ski", "er"], endingRate: 0.35)
    var locs = maker.words(1_800, 1...3, ending: ["ia", "burg", "ton", "stan", "land"], endingRate: 0.35)
    // Some surnames are also places (realistic ambiguity: "Washington").
    for k in 0..<120 { locs[10 + k * 11] = lastNames[5 + k * 23] }
    locations = locs
    var heads = maker.words(1_500, 1...3, ending: ["tex", "co", "corp"], endingRate: 0.25)
    // Many organisations (clubs, companies) are named after places: LOC/ORG ambiguity.
    for k in 0..<Lexicon.sharedOrgLoc { heads[k * 3] = locs[k * 4] }
    orgHeads = heads
    maker.reserve(Lexicon.orgSuffixes)
    nationalities = locs.prefix(400).map { $0.hasSuffix("ia") ? $0 + "n" : $0 + "ian" }
    firstZipf = ZipfTable(count: firstNames.count, exponent: 1.0, offset: 3)
    lastZipf = ZipfTable(count: lastNames.count, exponent: Lexicon.nameExponent - 0.1, offset: 4)
    orgZipf = ZipfTable(count: orgHeads.count, exponent: Lexicon.nameExponent, offset: 3)
    locZipf = ZipfTable(count: locations.count, exponent: Lexicon.nameExponent, offset: 3)
    natZipf = ZipfTable(count: nationalities.count, exponent: 1.1, offset: 2)
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
      let suffix = Lexicon.orgSuffixes[rng.nextInt(below: Lexicon.orgSuffixes.count)]
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
      let event = Lexicon.eventWords[rng.nextInt(below: Lexicon.eventWords.count)]
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
        let cueList = Lexicon.cues[type]
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
