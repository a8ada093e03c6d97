import Support
import TaskSimulator
import Testing

@Suite struct ChannelAndCalibrationTests {
  @Test func generatorIsReproducible() {
    var a = SeededGenerator(seed: 42)
    var b = SeededGenerator(seed: 42)
    var c = SeededGenerator(seed: 43)
    let sa = (0..<100).map { _ in a.next() }
    let sb = (0..<100).map { _ in b.next() }
    let sc = (0..<100).map { _ in c.next() }
    #expect(sa == sb && sa != sc)
    var r = SeededGenerator(seed: 1)
    for bound in [1, 2, 5, 7, 1000] {
      for _ in 0..<200 {
        let v = r.nextInt(below: bound)
        #expect(v >= 0 && v < bound)
      }
    }
    for _ in 0..<1000 {
      let d = r.nextDouble()
      #expect(d >= 0 && d < 1)
    }
  }

  @Test(arguments: [0.2, 0.35, 0.6, 0.9, 0.99])
  func keepRateWithinBinomialInterval(alpha: Double) throws {
    let channel = try NoisyChannel(labelCount: 5, alpha: alpha)
    let n = 100_000
    var rng = SeededGenerator(seed: 11)
    let input = (0..<n).map { _ in rng.nextInt(below: 5) }
    let output = channel.apply(input, seed: 99)
    let kept = zip(input, output).filter { $0 == $1 }.count
    let sd = (Double(n) * alpha * (1 - alpha)).squareRoot()
    // 99.9% two-sided normal interval of the binomial count.
    #expect(abs(Double(kept) - Double(n) * alpha) <= 3.29 * sd + 0.5, "kept \(kept) of \(n) at alpha \(alpha)")
    // Changed labels are spread uniformly over the other K − 1 labels (each ≈ 1/4 of the changes).
    let changed = zip(input, output).filter { $0 != $1 }.map { ($1 - $0 + 5) % 5 }
    if !changed.isEmpty {
      for shift in 1...4 {
        let share = Double(changed.filter { $0 == shift }.count) / Double(changed.count)
        #expect(abs(share - 0.25) <= 3.29 * (0.1875 / Double(changed.count)).squareRoot() + 1e-9)
      }
    }
    #expect(channel.probability(from: 0, to: 0) == alpha)
    #expect(abs(channel.probability(from: 0, to: 3) - (1 - alpha) / 4) < 1e-15)
  }

  @Test func channelRejectsBadAlpha() {
    #expect(throws: TaskSimulatorError.self) { try NoisyChannel(labelCount: 5, alpha: 0.1) }
    #expect(throws: TaskSimulatorError.self) { try NoisyChannel(labelCount: 5, alpha: 1.01) }
    #expect(throws: TaskSimulatorError.self) { try NoisyChannel(labelCount: 1, alpha: 1) }
  }

  @Test func calibrationHitsTargetsOnEmbeddedCorpus() throws {
    let corpus = SyntheticCorpus.standard
    let p = corpus.ioLabelDistribution()
    let n = corpus.trainTokenCount
    var previous = 0.2
    for target in [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9] {
      let alpha = try Calibration.alpha(forAMI: target, labelDistribution: p, tokens: n)
      #expect(alpha > previous)  // monotone
      previous = alpha
      let expected = Calibration.expectedAMI(alpha: alpha, labelDistribution: p, tokens: n)
      #expect(abs(expected - target) <= 0.005)
      // The channel applied to (almost) the whole training stream measures the target AMI too.
      let spec = TaskFamilySpec(taskCount: 2, mainTokens: 1000, auxTokens: n - 1000, alphas: [alpha], seed: 3)
      let measured = try TaskFamily.generate(spec, corpus: corpus).auxiliary[0].ami
      #expect(abs(measured - target) <= 0.005, "target \(target): measured \(measured) at alpha \(alpha)")
    }
    #expect(throws: TaskSimulatorError.self) { try Calibration.alpha(forAMI: 1, labelDistribution: p, tokens: n) }
    #expect(throws: TaskSimulatorError.self) { try Calibration.alpha(forAMI: 0, labelDistribution: p, tokens: n) }
  }

  @Test func expectedAMIEndpoints() {
    let p = SyntheticCorpus.standard.ioLabelDistribution()
    #expect(abs(Calibration.expectedAMI(alpha: 1, labelDistribution: p, tokens: 100_000) - 1) < 1e-9)
    #expect(abs(Calibration.expectedAMI(alpha: 0.2, labelDistribution: p, tokens: 100_000)) < 1e-3)
  }
}
