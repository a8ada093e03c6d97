import MTLCore
import Support
import Testing

/// Finite-difference checks of every hand-written backward pass.
@Suite struct LayerGradientTests {
  let tolerance = 2e-2

  @Test func linearGradientsMatchFiniteDifferences() {
    var rng = SeededGenerator(seed: 1)
    let batch = 4
    let nin = 5
    let nout = 3
    let layer = Linear(inputSize: nin, outputSize: nout, maxBatch: batch, name: "l", rng: &rng)
    let x = GradientCheck.buffer(batch * nin, seed: 2)
    let c = GradientCheck.randomValues(batch * nout, seed: 3)
    let loss: () -> Double = {
      layer.forward(x.pointer, batch: batch)
      return GradientCheck.weightedSum(layer.output.pointer, c)
    }
    _ = loss()
    c.withUnsafeBufferPointer {
      layer.backward(x.pointer, outputGradient: $0.baseAddress!, batch: batch, needInputGradient: true)
    }
    let dW = layer.weight.gradient.array
    let db = layer.bias.gradient.array
    let dx = Array(UnsafeBufferPointer(start: layer.inputGradient.pointer, count: batch * nin))
    #expect(
      GradientCheck.relativeError(values: layer.weight.value.pointer, count: nin * nout, analytic: dW, loss: loss)
        < tolerance)
    #expect(
      GradientCheck.relativeError(values: layer.bias.value.pointer, count: nout, analytic: db, loss: loss) < tolerance)
    let errX = GradientCheck.relativeError(values: x.pointer, count: batch * nin, analytic: dx, loss: loss)
    #expect(errX < tolerance)
  }

  @Test(arguments: [Activation.identity, .tanh, .relu])
  func denseStackWithActivationMatchesFiniteDifferences(_ activation: Activation) {
    var rng = SeededGenerator(seed: 4)
    let batch = 3
    let nin = 4
    let stack = DenseStack(
      inputSize: nin, sizes: [6, 5, 2], activation: activation, activateLast: true, maxBatch: batch, name: "s",
      rng: &rng)
    let x = GradientCheck.buffer(batch * nin, seed: 5)
    let c = GradientCheck.randomValues(batch * 2, seed: 6)
    let loss: () -> Double = {
      let y = stack.forward(x.pointer, batch: batch)
      return GradientCheck.weightedSum(y, c)
    }
    _ = loss()
    let dx = c.withUnsafeBufferPointer { cp in
      Array(
        UnsafeBufferPointer(
          start: stack.backward(x.pointer, outputGradient: cp.baseAddress!, batch: batch, needInputGradient: true)!,
          count: batch * nin))
    }
    // ReLU has a kink at 0: a small step keeps the finite differences on one side of it.
    let epsilon: Float = activation == .relu ? 1e-4 : 1e-3
    for p in stack.parameters {
      let err = GradientCheck.relativeError(
        values: p.value.pointer, count: p.count, analytic: p.gradient.array, epsilon: epsilon, loss: loss)
      #expect(err < tolerance, "\(p.name)")
    }
    let errX = GradientCheck.relativeError(
      values: x.pointer, count: batch * nin, analytic: dx, epsilon: epsilon, loss: loss)
    #expect(errX < tolerance)
  }

  @Test func embeddingGradientMatchesFiniteDifferences() {
    var rng = SeededGenerator(seed: 7)
    let batch = 3
    let window = 3
    let dim = 2
    let vocab = 5
    let e = Embedding(vocabularySize: vocab, dimension: dim, window: window, maxBatch: batch, rng: &rng)
    let ids: [Int32] = [0, 1, 1, 4, 2, 0, 3, 3, 3]
    let c = GradientCheck.randomValues(batch * window * dim, seed: 8)
    let loss: () -> Double = {
      ids.withUnsafeBufferPointer { e.forward(ids: $0.baseAddress!, batch: batch) }
      return GradientCheck.weightedSum(e.output.pointer, c)
    }
    _ = loss()
    ids.withUnsafeBufferPointer { ip in
      c.withUnsafeBufferPointer { e.backward(ids: ip.baseAddress!, outputGradient: $0.baseAddress!, batch: batch) }
    }
    let err = GradientCheck.relativeError(
      values: e.table.value.pointer, count: vocab * dim, analytic: e.table.gradient.array, loss: loss)
    #expect(err < tolerance)
  }

  @Test(arguments: [7, 1])
  func lstmGradientsMatchFiniteDifferences(steps: Int) {
    var rng = SeededGenerator(seed: 9)
    let batch = 3
    let d = 4
    let h = 3
    let window = 7
    let lstm = LSTM(inputSize: d, hiddenSize: h, steps: steps, maxBatch: batch, name: "lstm", rng: &rng)
    // Input rows are whole windows (window·d wide); a 1-step LSTM reads the last position only.
    let x = GradientCheck.buffer(batch * window * d, seed: 10)
    let offset = (window - steps) * d
    let c = GradientCheck.randomValues(batch * h, seed: 11)
    let loss: () -> Double = {
      let y = lstm.forward(x.pointer + offset, rowStride: window * d, batch: batch)
      return GradientCheck.weightedSum(y, c)
    }
    _ = loss()
    var dx = [Float](repeating: 0, count: batch * window * d)
    c.withUnsafeBufferPointer { cp in
      dx.withUnsafeMutableBufferPointer { dp in
        lstm.backward(
          x.pointer + offset, rowStride: window * d, outputGradient: cp.baseAddress!, outputGradientStride: h,
          inputGradient: dp.baseAddress! + offset)
      }
    }
    for p in lstm.parameters {
      let err = GradientCheck.relativeError(
        values: p.value.pointer, count: p.count, analytic: p.gradient.array, epsilon: 1e-2, loss: loss)
      #expect(err < tolerance, "\(p.name)")
    }
    let errX = GradientCheck.relativeError(values: x.pointer, count: batch * window * d, analytic: dx, loss: loss)
    #expect(errX < tolerance)
    if steps == 1 { #expect(dx[0..<offset].allSatisfy { $0 == 0 }) }
  }

  @Test func softmaxCrossEntropyGradientMatchesFiniteDifferences() {
    let batch = 4
    let classes = 5
    let ce = SoftmaxCrossEntropy(classes: classes, maxBatch: batch)
    let logits = GradientCheck.buffer(batch * classes, seed: 12, scale: 3)
    let labels: [Int32] = [0, 4, 2, 2]
    let loss: () -> Double = {
      labels.withUnsafeBufferPointer { ce.loss(logits: logits.pointer, labels: $0.baseAddress!, batch: batch) }
    }
    _ = loss()
    let analytic = Array(UnsafeBufferPointer(start: ce.logitGradient.pointer, count: batch * classes))
    let err = GradientCheck.relativeError(
      values: logits.pointer, count: batch * classes, analytic: analytic, epsilon: 1e-3, loss: loss)
    #expect(err < tolerance)
    // Uniform logits give log(K).
    let flat = [Float](repeating: 0, count: classes)
    let l = flat.withUnsafeBufferPointer { fp in
      [Int32(1)].withUnsafeBufferPointer { ce.loss(logits: fp.baseAddress!, labels: $0.baseAddress!, batch: 1) }
    }
    #expect(abs(l - 1.6094379124341003) < 1e-6)
  }
}
