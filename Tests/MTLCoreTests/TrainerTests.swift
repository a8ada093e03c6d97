import MTLCore
import Testing

/// Training outcomes on the toy corpus with a small window-mlp (fast in debug and release).
@Suite struct TrainerTests {
  static func smallSpec(_ name: String = "window-mlp") throws -> ModelSpec {
    var spec = try ModelSpec(name: name)
    spec.embeddingSize = 16
    spec.sharedSizes = name == "window-mlp" ? [64] : spec.sharedSizes.map { $0 / 8 }
    spec.headSizes = spec.headSizes.map { $0 / 8 }
    spec.lstmHiddenSize = 16
    return spec
  }

  static func meanF1(tasks: Int, n: Int, alpha: Double, epochs: Int, seeds: ClosedRange<UInt64> = 1...3) throws
    -> Double
  {
    let trainer = Trainer(spec: try ModelSpec(name: "window-mlp"), options: TrainingOptions(epochs: epochs))
    var sum = 0.0
    for seed in seeds {
      let data = ToyCorpus.taskData(tasks: tasks, n: n, alpha: alpha, seed: seed, evaluationTokens: 1500)
      sum += try trainer.train(data, seed: seed).test.f1
    }
    return sum / Double(seeds.count)
  }

  @Test(arguments: ["window-mlp", "bilstm-1fc"])
  func trainingIsDeterministicForASeed(_ name: String) throws {
    let data = ToyCorpus.taskData(tasks: 2, n: 300, alpha: 0.9, seed: 7, evaluationTokens: 500)
    for schedule in TaskSchedule.allCases {
      let trainer = Trainer(spec: try Self.smallSpec(name), options: TrainingOptions(epochs: 3, schedule: schedule))
      let a = try trainer.train(data, seed: 11)
      let b = try trainer.train(data, seed: 11)
      #expect(a == b)
      #expect(a.trainedTokens == 3 * 600)
    }
  }

  @Test func mainTaskF1RisesWithTrainingTokens() throws {
    let small = try Self.meanF1(tasks: 1, n: 300, alpha: 1, epochs: 15)
    let large = try Self.meanF1(tasks: 1, n: 3000, alpha: 1, epochs: 15)
    #expect(large > small + 0.1, "F1 at n=300: \(small), at n=3000: \(large)")
  }

  @Test func multitaskBenefitFollowsTaskRelatedness() throws {
    let stl = try Self.meanF1(tasks: 1, n: 500, alpha: 1, epochs: 30)
    let related = try Self.meanF1(tasks: 3, n: 500, alpha: 1, epochs: 30)
    let unrelated = try Self.meanF1(tasks: 3, n: 500, alpha: 0.2, epochs: 30)
    // High AMI (alpha 1): auxiliary tasks are more main-task data under other heads, MTL must help.
    #expect(related - stl > 0.05, "STL \(stl), MTL alpha=1 \(related)")
    // AMI ≈ 0 (alpha 0.2 = uniform channel for 5 labels): no real benefit.
    #expect(unrelated - stl < 0.05, "STL \(stl), MTL alpha=0.2 \(unrelated)")
    #expect(related > unrelated)
  }

  @Test func earlyStoppingKeepsTheBestEpoch() throws {
    let data = ToyCorpus.taskData(tasks: 1, n: 2000, alpha: 1, seed: 3, evaluationTokens: 800)
    let trainer = Trainer(
      spec: try Self.smallSpec(), options: TrainingOptions(epochs: 60, patience: 2, minimumEpochs: 3))
    let r = try trainer.train(data, seed: 5)
    #expect(r.epochs < 60)
    #expect(r.bestEpoch == r.epochs - 2)
    #expect(r.dev.f1 > 0.3)
  }

  @Test func invalidDataIsRejectedWithOneLine() throws {
    var data = ToyCorpus.taskData(tasks: 1, n: 100, alpha: 1, seed: 1, evaluationTokens: 100)
    data.train[0].tokenIDs[5] = Int32(ToyCorpus.vocabularySize)
    let trainer = Trainer(spec: try Self.smallSpec(), options: TrainingOptions(epochs: 1))
    let error = #expect(throws: TaskDataError.self) { try trainer.train(data, seed: 1) }
    #expect(error?.description.contains("task 0 train") == true)
    #expect(error?.description.contains("\n") == false)
  }
}
