import TaskSimulator
import Testing

@Suite struct CorpusTests {
  @Test func embeddedCorpusShapeAndDeterminism() {
    let corpus = SyntheticCorpus.standard
    #expect(corpus.trainTokenCount >= 250_000)
    #expect(corpus.dev.reduce(0) { $0 + $1.tokens.count } >= 40_000)
    #expect(corpus.test.reduce(0) { $0 + $1.tokens.count } >= 40_000)
    #expect(corpus.ioLabels == ["O", "PER", "ORG", "LOC", "MISC"])
    let p = corpus.ioLabelDistribution()
    #expect(p[0] > 0.8 && p[0] < 0.9)  // entity tokens 10–20 %, like CoNLL-2003 (17 %)
    for k in 1...4 { #expect(p[k] > 0.01) }
    // multi-token entities exist and tags are valid BIO
    let bio = corpus.train.flatMap(\.tags)
    #expect(bio.contains("I-PER") && bio.contains("I-ORG") && bio.contains("I-LOC") && bio.contains("I-MISC"))
    for s in corpus.train.prefix(2000) { #expect(LabelScheme.normalizedBIO(s.tags) == s.tags) }
    let small = SyntheticCorpus.Specification(seed: 9, trainTokens: 5000, devTokens: 500, testTokens: 500)
    #expect(SyntheticCorpus.generate(small) == SyntheticCorpus.generate(small))
    var other = small
    other.seed = 10
    #expect(SyntheticCorpus.generate(small).train != SyntheticCorpus.generate(other).train)
  }

  @Test func baselineF1RisesWithTrainingTokens() {
    let corpus = SyntheticCorpus.standard
    func slice(_ n: Int) -> [LabeledSentence] {
      var out: [LabeledSentence] = []
      var count = 0
      for s in corpus.train where count < n {
        out.append(s)
        count += s.tokens.count
      }
      return out
    }
    let test = Array(corpus.test.prefix(600))
    let f1 = [1000, 4000, 10_000, 40_000].map { n in
      PerceptronTagger(training: slice(n), labels: corpus.ioLabels, epochs: 5, seed: 1).evaluate(test).f1
    }
    for k in 1..<f1.count { #expect(f1[k] > f1[k - 1] + 0.02, "F1 by n: \(f1)") }
    #expect(f1[0] < 0.6 && f1[0] > 0.2, "F1 by n: \(f1)")  // learnable, but far from saturated at 1k
    #expect(f1[3] > 0.7, "F1 by n: \(f1)")
  }
}
