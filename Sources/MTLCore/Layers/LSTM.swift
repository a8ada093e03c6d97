import Foundation
import Support

/// One direction of an LSTM (gates i, f, g, o; zero initial state) run over `steps` positions of a batch.
/// Input for example b at step t is `x + b·rowStride + t·inputSize` (a window row of concatenated embeddings), so the
/// same layer can read all 7 window positions or only the last one.
public final class LSTM {
  public let inputSize: Int
  public let hiddenSize: Int
  public let steps: Int
  public let maxBatch: Int
  /// Input weights inputSize×4h, recurrent weights h×4h, bias 4h.
  public let inputWeight: Parameter, recurrentWeight: Parameter, bias: Parameter
  private let gates: FloatBuffer  // steps × batch × 4h, post-activation
  private let cells: FloatBuffer  // steps × batch × h
  private let tanhCells: FloatBuffer  // steps × batch × h
  private let hidden: FloatBuffer  // steps × batch × h
  private let gateGradient: FloatBuffer  // batch × 4h
  private let hiddenGradient: FloatBuffer  // batch × h
  private let cellGradient: FloatBuffer  // batch × h
  private var batch = 0

  /// Torch's initialisation: every weight uniform in ±1/√hiddenSize.
  public init(inputSize: Int, hiddenSize: Int, steps: Int, maxBatch: Int, name: String, rng: inout SeededGenerator) {
    self.inputSize = inputSize
    self.hiddenSize = hiddenSize
    self.steps = steps
    self.maxBatch = maxBatch
    let g = 4 * hiddenSize
    inputWeight = Parameter(name: name + ".inputWeight", count: inputSize * g)
    recurrentWeight = Parameter(name: name + ".recurrentWeight", count: hiddenSize * g)
    bias = Parameter(name: name + ".bias", count: g)
    let bound = 1 / Float(hiddenSize).squareRoot()
    inputWeight.fillUniform(bound: bound, using: &rng)
    recurrentWeight.fillUniform(bound: bound, using: &rng)
    bias.fillUniform(bound: bound, using: &rng)
    gates = FloatBuffer(count: steps * maxBatch * g)
    cells = FloatBuffer(count: steps * maxBatch * hiddenSize)
    tanhCells = FloatBuffer(count: steps * maxBatch * hiddenSize)
    hidden = FloatBuffer(count: steps * maxBatch * hiddenSize)
    gateGradient = FloatBuffer(count: maxBatch * g)
    hiddenGradient = FloatBuffer(count: maxBatch * hiddenSize)
    cellGradient = FloatBuffer(count: maxBatch * hiddenSize)
  }

  public var parameters: [Parameter] { [inputWeight, recurrentWeight, bias] }

  /// Runs the recurrence; returns the last hidden state (batch×h), valid until the next call.
  public func forward(_ x: UnsafePointer<Float>, rowStride: Int, batch: Int) -> UnsafePointer<Float> {
    self.batch = batch
    let h = hiddenSize
    let g4 = 4 * h
    for t in 0..<steps {
      let z = gates.pointer + t * batch * g4
      for r in 0..<batch { (z + r * g4).update(from: bias.value.pointer, count: g4) }
      BLAS.gemm(
        transposeA: false, transposeB: false, m: batch, n: g4, k: inputSize, a: x + t * inputSize,
        lda: rowStride, b: inputWeight.value.pointer, ldb: g4, beta: 1, c: z, ldc: g4)
      if t > 0 {
        BLAS.gemm(
          transposeA: false, transposeB: false, m: batch, n: g4, k: h,
          a: hidden.pointer + (t - 1) * batch * h, lda: h, b: recurrentWeight.value.pointer, ldb: g4,
          beta: 1, c: z, ldc: g4)
      }
      let c = cells.pointer + t * batch * h
      let tc = tanhCells.pointer + t * batch * h
      let hh = hidden.pointer + t * batch * h
      let cPrev: UnsafeMutablePointer<Float>? = t > 0 ? cells.pointer + (t - 1) * batch * h : nil
      for r in 0..<batch {
        let zr = z + r * g4
        for j in 0..<h {
          let i = sigmoid(zr[j])
          let f = sigmoid(zr[h + j])
          let gg = Foundation.tanh(zr[2 * h + j])
          let o = sigmoid(zr[3 * h + j])
          zr[j] = i
          zr[h + j] = f
          zr[2 * h + j] = gg
          zr[3 * h + j] = o
          let cv = i * gg + (cPrev.map { f * $0[r * h + j] } ?? 0)
          let tcv = Foundation.tanh(cv)
          c[r * h + j] = cv
          tc[r * h + j] = tcv
          hh[r * h + j] = o * tcv
        }
      }
    }
    return UnsafePointer(hidden.pointer + (steps - 1) * batch * h)
  }

  /// Back-propagates dL/d(last hidden state) (row stride `outputGradientStride`) through time. Accumulates the
  /// weight gradients and, when `inputGradient` is given, adds dL/dx into it (same layout as the forward input).
  public func backward(
    _ x: UnsafePointer<Float>, rowStride: Int, outputGradient: UnsafePointer<Float>, outputGradientStride: Int,
    inputGradient: UnsafeMutablePointer<Float>?
  ) {
    let h = hiddenSize
    let g4 = 4 * h
    let dh = hiddenGradient.pointer
    let dc = cellGradient.pointer
    let dz = gateGradient.pointer
    for r in 0..<batch { (dh + r * h).update(from: outputGradient + r * outputGradientStride, count: h) }
    dc.update(repeating: 0, count: batch * h)
    for t in stride(from: steps - 1, through: 0, by: -1) {
      let z = gates.pointer + t * batch * g4
      let tc = tanhCells.pointer + t * batch * h
      let cPrev: UnsafeMutablePointer<Float>? = t > 0 ? cells.pointer + (t - 1) * batch * h : nil
      for r in 0..<batch {
        let zr = z + r * g4
        let dzr = dz + r * g4
        for j in 0..<h {
          let k = r * h + j
          let i = zr[j]
          let f = zr[h + j]
          let gg = zr[2 * h + j]
          let o = zr[3 * h + j]
          let tcv = tc[k]
          let dhv = dh[k]
          let dcv = dc[k] + dhv * o * (1 - tcv * tcv)
          let cp = cPrev?[k] ?? 0
          dzr[j] = dcv * gg * i * (1 - i)
          dzr[h + j] = dcv * cp * f * (1 - f)
          dzr[2 * h + j] = dcv * i * (1 - gg * gg)
          dzr[3 * h + j] = dhv * tcv * o * (1 - o)
          dc[k] = dcv * f
        }
      }
      let db = bias.gradient.pointer
      for r in 0..<batch {
        let row = dz + r * g4
        for j in 0..<g4 { db[j] += row[j] }
      }
      BLAS.gemm(
        transposeA: true, transposeB: false, m: inputSize, n: g4, k: batch, a: x + t * inputSize,
        lda: rowStride, b: dz, ldb: g4, beta: 1, c: inputWeight.gradient.pointer, ldc: g4)
      if let inputGradient {
        BLAS.gemm(
          transposeA: false, transposeB: true, m: batch, n: inputSize, k: g4, a: dz, lda: g4,
          b: inputWeight.value.pointer, ldb: g4, beta: 1, c: inputGradient + t * inputSize, ldc: rowStride)
      }
      if t > 0 {
        BLAS.gemm(
          transposeA: true, transposeB: false, m: h, n: g4, k: batch,
          a: hidden.pointer + (t - 1) * batch * h, lda: h, b: dz, ldb: g4, beta: 1,
          c: recurrentWeight.gradient.pointer, ldc: g4)
        BLAS.gemm(
          transposeA: false, transposeB: true, m: batch, n: h, k: g4, a: dz, lda: g4,
          b: recurrentWeight.value.pointer, ldb: g4, beta: 0, c: dh, ldc: h)
      }
    }
  }
}

@inline(__always) func sigmoid(_ x: Float) -> Float { 1 / (1 + Foundation.exp(-x)) }
