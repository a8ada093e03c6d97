import TaskSimulator
import Testing

@Suite struct TaskFamilyTests {
  let corpus = SyntheticCorpus.standard

  func flatTokens(_ sentences: [TaskSentence]) -> [String] { sentences.flatMap(\.tokens) }

  @Test func disjointSlicesInStreamOrder() throws {
    let spec = TaskFamilySpec(taskCount: 3, mainTokens: 1000, auxTokens: 1500, alphas: [0.9, 0.5], seed: 4)
    let family = try TaskFamily.generate(spec, corpus: corpus)
    let stream = corpus.train.flatMap(\.tokens)
    #expect(family.main.tokenCount == 1000)
    #expect(family.auxiliary.map(\.tokenCount) == [1500, 1500])
    #expect(flatTokens(family.main.train) == Array(stream[0..<1000]))
    #expect(flatTokens(family.auxiliary[0].train) == Array(stream[1000..<2500]))
    #expect(flatTokens(family.auxiliary[1].train) == Array(stream[2500..<4000]))
    #expect(family.auxiliary.map(\.alpha) == [0.9, 0.5])
    #expect(family.auxiliary[0].ami > family.auxiliary[1].ami)
    #expect(abs(family.mutualInfo - (family.auxiliary[0].ami + family.auxiliary[1].ami) / 2) < 1e-15)
    #expect(family.main.labelNames == ["O", "PER", "ORG", "LOC", "MISC"])
    #expect(family.auxiliary[0].labelNames == ["O", "SYN1", "SYN2", "SYN3", "SYN4"])
    // main labels are the gold IO ids; every auxiliary sentence keeps the main gold tags
    for s in family.main.train { #expect(s.labels == corpus.ioLabelIds(s.goldTags)) }
    #expect(family.dev.count == corpus.dev.count && family.test.count == corpus.test.count)
  }

  @Test func sharedInputsAndSingleTask() throws {
    let shared = try TaskFamily.generate(
      TaskFamilySpec(taskCount: 3, mainTokens: 2000, auxTokens: 3000, alphas: [1, 1], inputs: .shared, seed: 1),
      corpus: corpus)
    #expect(flatTokens(shared.auxiliary[0].train) == flatTokens(shared.auxiliary[1].train))
    #expect(Array(flatTokens(shared.auxiliary[0].train).prefix(2000)) == flatTokens(shared.main.train))
    #expect(shared.auxiliary[0].ami == 1)  // α = 1 copies the labels
    let single = try TaskFamily.generate(
      TaskFamilySpec(taskCount: 1, mainTokens: 500, auxTokens: 0, alphas: [], seed: 1),
      corpus: corpus)
    #expect(single.auxiliary.isEmpty && single.mutualInfo == 1 && single.alpha == 1)
  }

  @Test func sameSeedSameLabelsOtherSeedOtherLabels() throws {
    let a = TaskFamilySpec(taskCount: 2, mainTokens: 1000, auxTokens: 1000, alphas: [0.7], seed: 8)
    var b = a
    b.seed = 9
    let fa = try TaskFamily.generate(a, corpus: corpus)
    let fa2 = try TaskFamily.generate(a, corpus: corpus)
    let fb = try TaskFamily.generate(b, corpus: corpus)
    #expect(fa == fa2)
    #expect(fa.auxiliary[0].train.flatMap(\.labels) != fb.auxiliary[0].train.flatMap(\.labels))
  }

  @Test func rejectsBadSpecs() {
    let n = corpus.trainTokenCount
    #expect(throws: TaskSimulatorError.self) {
      try TaskFamily.generate(
        TaskFamilySpec(taskCount: 3, mainTokens: n / 2, auxTokens: n / 2, alphas: [0.9, 0.9], seed: 1),
        corpus: corpus)
    }
    #expect(throws: TaskSimulatorError.self) {
      try TaskFamily.generate(
        TaskFamilySpec(taskCount: 2, mainTokens: 100, auxTokens: 100, alphas: [0.1], seed: 1), corpus: corpus)
    }
    #expect(throws: TaskSimulatorError.self) {
      try TaskFamily.generate(
        TaskFamilySpec(taskCount: 3, mainTokens: 100, auxTokens: 100, alphas: [0.9], seed: 1), corpus: corpus)
    }
  }
}
