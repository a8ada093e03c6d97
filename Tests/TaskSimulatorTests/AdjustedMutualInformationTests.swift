import Support
import TaskSimulator
import Testing

@Suite struct AdjustedMutualInformationTests {
  @Test func parityWithScikitLearn() throws {
    let doc = try FixtureLoader.json("ami_parity.json")
    let cases = try #require(doc["cases"] as? [[String: Any]])
    #expect(cases.count >= 1000)
    var worst = 0.0
    for (k, c) in cases.enumerated() {
      let a = (c["a"] as! String).utf8.map { Int($0) - 48 }
      let b = (c["b"] as! String).utf8.map { Int($0) - 48 }
      let expected = c["ami"] as! Double
      let got = try AdjustedMutualInformation.score(a, b)
      worst = max(worst, abs(got - expected))
      #expect(abs(got - expected) <= 1e-9, "case \(k): \(got) vs \(expected)")
    }
    #expect(worst <= 1e-9)
  }

  @Test func specialCases() throws {
    #expect(try AdjustedMutualInformation.score([], []) == 1)
    #expect(try AdjustedMutualInformation.score([3, 3, 3], [1, 1, 1]) == 1)
    #expect(try AdjustedMutualInformation.score([0, 0, 0, 0], [0, 1, 2, 3]) == 0)
    #expect(throws: TaskSimulatorError.self) { try AdjustedMutualInformation.score([1], [1, 2]) }
    // contingency form: empty rows/columns are ignored; malformed tables give NaN instead of trapping
    let labels = try AdjustedMutualInformation.score([0, 0, 0, 2, 2, 2], [0, 0, 0, 1, 1, 2])
    #expect(AdjustedMutualInformation.score(contingency: [3, 0, 0, 0, 0, 0, 0, 2, 1], rows: 3, columns: 3) == labels)
    #expect(AdjustedMutualInformation.score(contingency: [1, 2], rows: 2, columns: 2).isNaN)
    #expect(AdjustedMutualInformation.expectedMutualInformation(rowSums: [2, 0], columnSums: [1, 1]) == 0)
  }

  @Test func largeVectorsAreHandled() throws {
    var rng = SeededGenerator(seed: 7)
    let n = 200_000
    let truth = (0..<n).map { _ -> Int in
      let u = rng.nextDouble()
      return u < 0.83 ? 0 : 1 + rng.nextInt(below: 4)
    }
    let noisy = truth.map { t -> Int in rng.nextDouble() < 0.9 ? t : (t + 1 + rng.nextInt(below: 4)) % 5 }
    let ami = try AdjustedMutualInformation.score(truth, noisy)
    #expect(ami > 0.4 && ami < 0.7)
  }
}
