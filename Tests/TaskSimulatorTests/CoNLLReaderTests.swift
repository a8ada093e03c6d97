import Foundation
import TaskSimulator
import TestSupport
import Testing

@Suite struct CoNLLReaderTests {
  @Test func readsCommittedSampleExactly() throws {
    let sentences = try CoNLLReader.read(contentsOf: FixtureLoader.url("conll_sample.txt"))
    #expect(
      sentences == [
        LabeledSentence(
          tokens: ["EU", "rejects", "German", "call", "to", "boycott", "British", "lamb", "."],
          tags: ["B-ORG", "O", "B-MISC", "O", "O", "O", "B-MISC", "O", "O"]),
        LabeledSentence(tokens: ["Peter", "Blackburn"], tags: ["B-PER", "I-PER"]),
        LabeledSentence(
          tokens: ["BRUSSELS", "1996-08-22", "Hans", "Smith", "Anna", "."],
          tags: ["B-LOC", "O", "B-PER", "I-PER", "B-PER", "O"]),
      ])
    let corpus = try CoNLLReader.corpus(train: FixtureLoader.url("conll_sample.txt"), dev: nil, test: nil)
    #expect(corpus.entityTypes == ["ORG", "MISC", "PER", "LOC"])
    #expect(corpus.trainTokenCount == 17)
  }

  @Test func configCorpusFromFiles() throws {
    let fixtures = try FixtureLoader.url("conll_sample.txt").deletingLastPathComponent()
    let json =
      #"{"corpus": {"train": "conll_sample.txt", "test": "conll_sample.txt"}, "points": [{"tasks": 2, "tokens": 8, "alpha": 0.5}]}"#
    let config = try GridConfig.parse(Data(json.utf8), source: "c.json", baseDirectory: fixtures)
    let corpus = try config.corpus.load()
    #expect(corpus.trainTokenCount == 17 && corpus.test.count == 3 && corpus.dev.isEmpty)
    try config.validate(against: corpus)
    let family = try TaskFamily.generate(
      config.points[0].familySpec(repetition: 1, seed: 1, corpus: corpus), corpus: corpus)
    #expect(family.main.tokenCount == 8 && family.auxiliary[0].tokenCount == 8)
    let tooBig = try GridConfig.parse(
      Data(json.replacingOccurrences(of: "\"tokens\": 8", with: "\"tokens\": 9").utf8),
      source: "c.json", baseDirectory: fixtures)
    #expect(throws: TaskSimulatorError.self) { try tooBig.validate(against: corpus) }
  }

  @Test func genericTwoColumnsAndIO() throws {
    let text = "a\tO\nb\tPER\nc\tPER\nd\tLOC\r\n\ne O\n"
    let sentences = try CoNLLReader.parse(text)
    #expect(sentences.count == 2)
    #expect(sentences[0].tags == ["O", "B-PER", "I-PER", "B-LOC"])
    #expect(sentences[1] == LabeledSentence(tokens: ["e"], tags: ["O"]))
  }

  @Test func errorsNameFileAndLine() {
    #expect(throws: TaskSimulatorError("x.conll:2: expected 2 columns, found 3")) {
      try CoNLLReader.parse("a O\nb O O\n", source: "x.conll")
    }
    #expect(throws: TaskSimulatorError("x.conll:1: expected at least 2 columns (token … tag), found 1")) {
      try CoNLLReader.parse("lonely\n", source: "x.conll")
    }
    #expect(throws: TaskSimulatorError.self) {
      try CoNLLReader.read(contentsOf: URL(fileURLWithPath: "/nonexistent/file"))
    }
  }

  @Test func wordVectors() throws {
    let folder = try TemporaryDirectory("vec")
    defer { folder.remove() }
    let dir = folder.url
    let url = dir.appendingPathComponent("tiny.vec")
    try "3 2\nthe 0.5 -1\nParis 2 3.25\nof 0 1e-3\n".write(to: url, atomically: true, encoding: .utf8)
    let v = try WordVectors.read(contentsOf: url)
    #expect(v.dimension == 2 && v.words == ["the", "Paris", "of"])
    #expect(v.vector(for: "Paris").map(Array.init) == [2, 3.25])
    #expect(v.vector(for: "paris") == nil)
    let filtered = try WordVectors.read(contentsOf: url, vocabulary: ["of"])
    #expect(filtered.words == ["of"] && filtered.values == [0, 0.001])
    let noHeader = try WordVectors.parse("a 1 2 3\nb 4 5 6\n")
    #expect(noHeader.dimension == 3 && noHeader.values.count == 6)
    #expect(throws: TaskSimulatorError("v:3: expected 2 values, found 1")) {
      try WordVectors.parse("2 2\na 1 2\nb 1\n", source: "v")
    }
    #expect(throws: TaskSimulatorError("v:1: column 3: 'x' is not a number")) {
      try WordVectors.parse("a 1 x\n", source: "v")
    }
  }
}
