import TaskSimulator
import Testing

@Suite struct SpanF1Tests {
  @Test func perfectAndEmpty() {
    let gold = [["B-PER", "I-PER", "O", "B-LOC"]]
    let perfect = SpanF1.score(gold: gold, predicted: gold)
    #expect(perfect.goldChunks == 2 && perfect.correctChunks == 2 && perfect.f1 == 1)
    let none = SpanF1.score(gold: gold, predicted: [["O", "O", "O", "O"]])
    #expect(none.predictedChunks == 0 && none.precision == 0 && none.f1 == 0)
  }

  @Test func conllevalChunkRules() {
    // I- after O starts a chunk; a type change inside a run starts a new chunk.
    let s = SpanF1.score(gold: [["O", "I-PER", "I-PER", "I-LOC"]], predicted: [["B-PER", "I-PER", "O", "B-LOC"]])
    #expect(s.goldChunks == 2)
    #expect(s.predictedChunks == 2)
    #expect(s.correctChunks == 1)
    // Sentence boundaries end chunks.
    let b = SpanF1.score(gold: [["B-ORG"], ["I-ORG"]], predicted: [["B-ORG"], ["I-ORG"]])
    #expect(b.goldChunks == 2 && b.correctChunks == 2)
  }

  @Test func parityWithConllevalPackage() throws {
    let doc = try FixtureLoader.json("conlleval_parity.json")
    let cases = try #require(doc["cases"] as? [[String: Any]])
    #expect(cases.count >= 300)
    for (k, c) in cases.enumerated() {
      let gold = (c["gold"] as! String).components(separatedBy: " | ").map { $0.split(separator: " ").map(String.init) }
      let pred = (c["pred"] as! String).components(separatedBy: " | ").map { $0.split(separator: " ").map(String.init) }
      let s = SpanF1.score(gold: gold, predicted: pred)
      #expect(s.goldChunks == c["goldChunks"] as! Int, "case \(k)")
      #expect(s.predictedChunks == c["predictedChunks"] as! Int, "case \(k)")
      #expect(s.correctChunks == c["correctChunks"] as! Int, "case \(k)")
      #expect(abs(s.f1 - (c["f1"] as! Double)) < 1e-12, "case \(k)")
      #expect(abs(s.recall - (c["recall"] as! Double)) < 1e-12, "case \(k)")
      if s.predictedChunks > 0 { #expect(abs(s.precision - (c["precision"] as! Double)) < 1e-12, "case \(k)") }
    }
  }
}
