import MTLCore
import Testing

/// End-to-end gradient checks of whole models (small sizes) through `MultitaskTagger.accumulateGradient`.
@Suite struct ModelGradientTests {
  static let models = ["window-mlp", "bilstm-0fc", "bilstm-1fc", "bilstm-2fc", "bilstm-3fc"]

  @Test(arguments: models)
  func modelGradientsMatchFiniteDifferences(_ name: String) throws {
    var spec = try ModelSpec(name: name)
    spec.embeddingSize = 3
    spec.lstmHiddenSize = 4
    spec.sharedSizes = spec.sharedSizes.map { $0 / 16 }
    spec.headSizes = spec.headSizes.map { $0 / 16 }
    if name == "window-mlp" { spec.activation = .tanh }
    let batch = 3
    let vocab = 6
    let model = MultitaskTagger(spec: spec, vocabularySize: vocab, labelCounts: [5, 3], maxBatch: batch, seed: 5)
    let ids: [Int32] = (0..<(batch * 7)).map { Int32(($0 * 5 + 1) % vocab) }
    let labels: [Int32] = [0, 2, 1]
    let task = 1
    for (p, err) in GradientCheck.modelErrors(
      model, parameters: model.parameters(task: task), ids: ids, labels: labels, task: task)
    {
      #expect(err < 3e-2, "\(name) \(p.name) relative error \(err)")
    }
    // The other task's head gets no gradient from this batch.
    for p in model.heads[0].parameters { #expect(p.gradient.array.allSatisfy { $0 == 0 }) }
  }

  @Test func paperModelSizes() throws {
    let expected: [String: ([Int], [Int])] = [
      "bilstm-0fc": ([], [128]), "bilstm-1fc": ([256], [128, 64]),
      "bilstm-2fc": ([256, 128], [64]), "bilstm-3fc": ([256, 128, 64], []),
    ]
    for (name, sizes) in expected {
      let spec = try ModelSpec(name: name)
      #expect(spec.sharedSizes == sizes.0 && spec.headSizes == sizes.1, "\(name)")
      #expect(spec.activation == .identity && spec.embeddingSize == 300 && spec.lstmHiddenSize == 300)
    }
    #expect(throws: ModelSpecError.self) { try ModelSpec(name: "bilstm-9fc") }
  }
}
