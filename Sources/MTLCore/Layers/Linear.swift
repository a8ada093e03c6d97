import Support

/// Fully connected layer `y = x·W + b` over a batch (row-major, W is input×output), on OpenBLAS.
public final class Linear {
  public let inputSize: Int
  public let outputSize: Int
  public let maxBatch: Int
  /// Weights, inputSize×outputSize.
  public let weight: Parameter
  /// Bias, outputSize.
  public let bias: Parameter
  /// Forward output, maxBatch×outputSize.
  public let output: FloatBuffer
  /// Gradient with respect to the input (written by `backward` when asked), maxBatch×inputSize.
  public let inputGradient: FloatBuffer

  /// Creates the layer with torch's default initialisation: uniform in ±1/√inputSize for W and b.
  public init(inputSize: Int, outputSize: Int, maxBatch: Int, name: String, rng: inout SeededGenerator) {
    self.inputSize = inputSize
    self.outputSize = outputSize
    self.maxBatch = maxBatch
    weight = Parameter(name: name + ".weight", count: inputSize * outputSize)
    bias = Parameter(name: name + ".bias", count: outputSize)
    output = FloatBuffer(count: maxBatch * outputSize)
    inputGradient = FloatBuffer(count: maxBatch * inputSize)
    let bound = 1 / Float(inputSize).squareRoot()
    weight.fillUniform(bound: bound, using: &rng)
    bias.fillUniform(bound: bound, using: &rng)
  }

  public var parameters: [Parameter] { [weight, bias] }

  /// Computes `output[0..<batch]` from `x` (batch×inputSize).
  public func forward(_ x: UnsafePointer<Float>, batch: Int) {
    let y = output.pointer
    let b = bias.value.pointer
    for r in 0..<batch { (y + r * outputSize).update(from: b, count: outputSize) }
    BLAS.gemm(
      transposeA: false, transposeB: false, m: batch, n: outputSize, k: inputSize,
      a: x, lda: inputSize, b: weight.value.pointer, ldb: outputSize, beta: 1, c: y, ldc: outputSize)
  }

  /// Accumulates dW and db from `x` and dL/dy; writes dL/dx into `inputGradient` when `needInputGradient`.
  public func backward(
    _ x: UnsafePointer<Float>, outputGradient dy: UnsafePointer<Float>, batch: Int, needInputGradient: Bool
  ) {
    BLAS.gemm(
      transposeA: true, transposeB: false, m: inputSize, n: outputSize, k: batch,
      a: x, lda: inputSize, b: dy, ldb: outputSize, beta: 1, c: weight.gradient.pointer, ldc: outputSize)
    let db = bias.gradient.pointer
    for r in 0..<batch {
      let row = dy + r * outputSize
      for j in 0..<outputSize { db[j] += row[j] }
    }
    if needInputGradient {
      BLAS.gemm(
        transposeA: false, transposeB: true, m: batch, n: inputSize, k: outputSize,
        a: dy, lda: outputSize, b: weight.value.pointer, ldb: outputSize, beta: 0,
        c: inputGradient.pointer, ldc: inputSize)
    }
  }
}
