import MTLCore
import Support
import Testing

@Suite struct AdamTests {
  @Test func firstStepMovesByLearningRateAgainstGradientSign() {
    var rng = SeededGenerator(seed: 1)
    let layer = Linear(inputSize: 2, outputSize: 1, maxBatch: 1, name: "l", rng: &rng)
    let before = layer.weight.value.array
    layer.weight.gradient[0] = 3
    layer.weight.gradient[1] = -0.5
    Adam(learningRate: 0.01).step(layer.weight)
    let after = layer.weight.value.array
    #expect(abs((after[0] - before[0]) + 0.01) < 1e-6)
    #expect(abs((after[1] - before[1]) - 0.01) < 1e-6)
    #expect(layer.weight.gradient.array == [0, 0])
    #expect(layer.weight.steps == 1)
  }

  @Test func generatorIsReproducible() {
    var a = SeededGenerator(seed: 42)
    var b = SeededGenerator(seed: 42)
    #expect((0..<10).map { _ in a.next() } == (0..<10).map { _ in b.next() })
    #expect(SeedDerivation.chained(1, 2) != SeedDerivation.chained(1, 3))
    var values = Array(0..<10)
    var r = SeededGenerator(seed: 3)
    r.shuffle(&values)
    #expect(values.sorted() == Array(0..<10) && values != Array(0..<10))
  }
}
