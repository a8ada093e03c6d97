/// Entity-level precision, recall and F1 exactly as conlleval (CoNLL-2000 `conlleval.pl`) computes them.
///
/// Chunks follow conlleval's rules: a chunk starts at `B-`/`S-`, at an `I-`/`E-` after `O` or after
/// a chunk end, and wherever the type changes; it ends before `O`, `B-`, `S-`, after `E-`/`S-`, or at a type change.
/// Sentence boundaries reset the state. A chunk counts as correct when gold and predicted chunks start and
/// end at the same tokens with the same type. Precision is 0 when nothing was predicted (as in `conlleval.pl`).
public struct SpanF1: Sendable, Equatable {
  /// Gold chunks.
  public var goldChunks: Int
  /// Predicted chunks.
  public var predictedChunks: Int
  /// Predicted chunks that match a gold chunk exactly.
  public var correctChunks: Int

  /// Creates a score from chunk counts.
  public init(goldChunks: Int, predictedChunks: Int, correctChunks: Int) {
    self.goldChunks = goldChunks
    self.predictedChunks = predictedChunks
    self.correctChunks = correctChunks
  }

  /// correct / predicted (0 when nothing was predicted).
  public var precision: Double { predictedChunks == 0 ? 0 : Double(correctChunks) / Double(predictedChunks) }
  /// correct / gold (0 when there is no gold chunk).
  public var recall: Double { goldChunks == 0 ? 0 : Double(correctChunks) / Double(goldChunks) }
  /// Harmonic mean of precision and recall (0 when both are 0).
  public var f1: Double {
    let p = precision
    let r = recall
    return p + r == 0 ? 0 : 2 * p * r / (p + r)
  }

  /// Adds the counts of another score (micro-averaging).
  public static func + (lhs: SpanF1, rhs: SpanF1) -> SpanF1 {
    SpanF1(
      goldChunks: lhs.goldChunks + rhs.goldChunks, predictedChunks: lhs.predictedChunks + rhs.predictedChunks,
      correctChunks: lhs.correctChunks + rhs.correctChunks)
  }

  /// Scores sentences of gold and predicted tags (BIO, or any scheme conlleval accepts).
  /// Sentences (and tags within them) are paired by position; extra items on either side are ignored.
  public static func score(gold: [[String]], predicted: [[String]]) -> SpanF1 {
    var scorer = ChunkScorer()
    for (g, p) in zip(gold, predicted) {
      for (gt, pt) in zip(g, p) { scorer.add(gold: gt, predicted: pt) }
      scorer.boundary()
    }
    scorer.finish()
    return SpanF1(goldChunks: scorer.gold, predictedChunks: scorer.predicted, correctChunks: scorer.correct)
  }

  /// Scores one flat sequence (no sentence boundaries inside).
  public static func score(gold: [String], predicted: [String]) -> SpanF1 {
    score(gold: [gold], predicted: [predicted])
  }

  /// Scores IO predictions against BIO gold tags sentence by sentence: each predicted sentence is turned into BIO
  /// as in the paper (a run of one type = one entity), then counted with conlleval's chunk rules.
  public static func score(gold: [[String]], predictedIO: [[String]]) -> SpanF1 {
    score(gold: gold, predicted: predictedIO.map { LabelScheme.convert($0, from: .io, to: .bio) })
  }

  /// The same for flat tag lists made of consecutive sentences of `sentenceLengths` tokens.
  public static func score(goldBIO: [String], predictedIO: [String], sentenceLengths: [Int]) -> SpanF1 {
    var gold: [[String]] = []
    var predicted: [[String]] = []
    var start = 0
    for length in sentenceLengths {
      let end = min(start + length, goldBIO.count)
      gold.append(Array(goldBIO[start..<end]))
      predicted.append(Array(predictedIO[start..<end]))
      start = end
    }
    return score(gold: gold, predictedIO: predicted)
  }
}

/// conlleval's chunk state machine.
struct ChunkScorer {
  var gold = 0, predicted = 0, correct = 0
  private var inCorrect = false
  private var lastGold = "O", lastGoldType = ""
  private var lastGuess = "O", lastGuessType = ""

  mutating func add(gold goldTag: String, predicted guessTag: String) {
    let (g, gType) = Self.parse(goldTag)
    let (p, pType) = Self.parse(guessTag)
    step(g, gType, p, pType)
  }

  mutating func boundary() { step("O", "", "O", "") }

  mutating func finish() {
    if inCorrect {
      correct += 1
      inCorrect = false
    }
  }

  private mutating func step(_ g: String, _ gType: String, _ p: String, _ pType: String) {
    let endGold = Self.endOfChunk(lastGold, g, lastGoldType, gType)
    let endGuess = Self.endOfChunk(lastGuess, p, lastGuessType, pType)
    let startGold = Self.startOfChunk(lastGold, g, lastGoldType, gType)
    let startGuess = Self.startOfChunk(lastGuess, p, lastGuessType, pType)
    if inCorrect {
      if endGold && endGuess && lastGuessType == lastGoldType {
        inCorrect = false
        correct += 1
      } else if endGold != endGuess || pType != gType {
        inCorrect = false
      }
    }
    if startGold && startGuess && pType == gType { inCorrect = true }
    if startGold { gold += 1 }
    if startGuess { predicted += 1 }
    lastGold = g
    lastGoldType = gType
    lastGuess = p
    lastGuessType = pType
  }

  /// conlleval's tag parsing: `X-Y` → (X, Y) at the first dash, otherwise (tag, "").
  static func parse(_ tag: String) -> (String, String) {
    if let dash = tag.firstIndex(of: "-") {
      return (String(tag[..<dash]), String(tag[tag.index(after: dash)...]))
    }
    return (tag, "")
  }

  static func endOfChunk(_ prev: String, _ tag: String, _ prevType: String, _ type: String) -> Bool {
    if prev == "E" || prev == "S" { return true }
    if prev == "B" || prev == "I" {
      if tag == "B" || tag == "S" || tag == "O" { return true }
    }
    if prev != "O" && prev != "." && prevType != type { return true }
    if prev == "]" || prev == "[" { return true }
    return false
  }

  static func startOfChunk(_ prev: String, _ tag: String, _ prevType: String, _ type: String) -> Bool {
    if tag == "B" || tag == "S" { return true }
    if tag == "E" || tag == "I" {
      if prev == "E" || prev == "S" || prev == "O" { return true }
    }
    if tag != "O" && tag != "." && prevType != type { return true }
    if tag == "[" || tag == "]" { return true }
    return false
  }
}
