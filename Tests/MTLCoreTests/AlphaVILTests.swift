import MTLCore
import Support
import Testing

/// αVIL on a main task with one copy task (α = 1, the same labels) and one random task (α = 1/5: labels
/// independent of the main task's): the learned weights, the per-epoch log and the shared gradient readout.
@Suite struct AlphaVILTests {
  static func train(seed: UInt64, method: any MTLMethod = AlphaVIL()) throws -> TrainingResult {
    let data = ToyCorpus.taskData(alphas: [1, 0.2], n: 2000, seed: seed, evaluationTokens: 1000)
    let options = TrainingOptions(epochs: 8, patience: nil, batchSize: 32, learningRate: 3e-3)
    return try Trainer(spec: try TrainerTests.smallSpec(), options: options, method: method).train(data, seed: seed)
  }

  @Test func theRegistryHasIt() throws {
    #expect(try MTLMethods.named("alphavil") is AlphaVIL)
  }

  @Test func theCopyTaskGetsTheLargerWeightInAtLeastFourOfFiveSeeds() throws {
    var wins = 0
    var cosineWins = 0
    for seed: UInt64 in 1...5 {
      let result = try Self.train(seed: seed)
      let weights = try #require(result.relatedness)
      #expect(weights.count == 2)
      #expect(weights.allSatisfy { $0 >= 0 && $0 <= 2 })
      if weights[0] > weights[1] { wins += 1 }
      let cosine = try #require(result.gradientCosine)
      if cosine[0] > cosine[1] { cosineWins += 1 }
    }
    #expect(wins >= 4)
    #expect(cosineWins >= 4)
  }

  @Test func everyTasksWeightIsLoggedPerEpoch() throws {
    let result = try Self.train(seed: 7)
    let weights = result.log.filter { $0.quantity == "weight" }
    #expect(weights.count == 8 * 3)
    #expect(Set(weights.map(\.epoch)) == Set(1...8))
    #expect(Set(weights.compactMap(\.task)) == [0, 1, 2])
    let last = weights.filter { $0.epoch == 8 && $0.task != 0 }.sorted { $0.task! < $1.task! }.map(\.value)
    #expect(last == result.relatedness)
    #expect(result.test.f1 > 0.3)
  }

  @Test func sameSeedSameResult() throws {
    #expect(try Self.train(seed: 3) == Self.train(seed: 3))
  }
}
