import Foundation

/// Adam (Kingma & Ba) with the torch defaults; the paper trains with `torch.optim.Adam()` at lr 1e-3.
public struct Adam: Sendable {
  public var learningRate: Float
  public var beta1: Float
  public var beta2: Float
  public var epsilon: Float

  public init(learningRate: Float = 1e-3, beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-8) {
    self.learningRate = learningRate
    self.beta1 = beta1
    self.beta2 = beta2
    self.epsilon = epsilon
  }

  /// One update of every given parameter from its gradient; zeroes the gradients afterwards.
  /// Embedding tables with a sparse row set are updated only on the rows used in this step (lazy Adam).
  public func step(_ parameters: [Parameter]) {
    for p in parameters where p.trainable { step(p) }
  }

  /// One update of a single parameter.
  public func step(_ p: Parameter) {
    guard p.trainable else { return }
    p.steps += 1
    let t = Float(p.steps)
    let correction1 = 1 - Foundation.pow(beta1, t)
    let correction2 = 1 - Foundation.pow(beta2, t)
    let stepSize = learningRate / correction1
    let sqrtCorrection2 = correction2.squareRoot()
    let w = p.value.pointer
    let g = p.gradient.pointer
    let m = p.firstMoment.pointer
    let v = p.secondMoment.pointer
    let b1 = beta1
    let b2 = beta2
    let eps = epsilon
    @inline(__always) func update(_ start: Int, _ end: Int) {
      // Eight lanes at a time (explicit SIMD: the scalar loop's sqrt and division do not auto-vectorize).
      var i = start
      let rb1 = 1 - b1
      let rb2 = 1 - b2
      let inv = 1 / sqrtCorrection2
      while i + 8 <= end {
        let gi = UnsafeRawPointer(g + i).loadUnaligned(as: SIMD8<Float>.self)
        let mi = b1 * UnsafeRawPointer(m + i).loadUnaligned(as: SIMD8<Float>.self) + rb1 * gi
        let vi = b2 * UnsafeRawPointer(v + i).loadUnaligned(as: SIMD8<Float>.self) + rb2 * gi * gi
        let wi =
          UnsafeRawPointer(w + i).loadUnaligned(as: SIMD8<Float>.self)
          - stepSize * mi / (vi.squareRoot() * inv + eps)
        UnsafeMutableRawPointer(m + i).storeBytes(of: mi, as: SIMD8<Float>.self)
        UnsafeMutableRawPointer(v + i).storeBytes(of: vi, as: SIMD8<Float>.self)
        UnsafeMutableRawPointer(w + i).storeBytes(of: wi, as: SIMD8<Float>.self)
        UnsafeMutableRawPointer(g + i).storeBytes(of: SIMD8<Float>(repeating: 0), as: SIMD8<Float>.self)
        i += 8
      }
      while i < end {
        let gi = g[i]
        let mi = b1 * m[i] + rb1 * gi
        let vi = b2 * v[i] + rb2 * gi * gi
        m[i] = mi
        v[i] = vi
        w[i] -= stepSize * mi / (vi.squareRoot() * inv + eps)
        g[i] = 0
        i += 1
      }
    }
    if let rows = p.sparseRows {
      let width = rows.rowWidth
      for r in 0..<rows.rowCount {
        let start = Int(rows.rows.pointer[r]) * width
        update(start, start + width)
      }
      rows.clear()
    } else {
      update(0, p.count)
    }
  }
}
