import MTLCore
import Support

/// Finite-difference helpers shared by the gradient tests.
enum GradientCheck {
  /// Relative error ‖a − n‖ / (‖a‖ + ‖n‖) between an analytic gradient and central differences of `loss` with
  /// respect to `count` values at `values`, probing every `stride`-th coordinate. Differences are taken in Float
  /// (the model's precision), the loss is accumulated in Double.
  static func relativeError(
    values: UnsafeMutablePointer<Float>, count: Int, analytic: [Float], stride: Int = 1, epsilon: Float = 1e-2,
    loss: () -> Double
  ) -> Double {
    var diff = 0.0
    var norm = 0.0
    var i = 0
    while i < count {
      let saved = values[i]
      values[i] = saved + epsilon
      let up = loss()
      values[i] = saved - epsilon
      let down = loss()
      values[i] = saved
      let numeric = (up - down) / (2 * Double(epsilon))
      let a = Double(analytic[i])
      diff += (a - numeric) * (a - numeric)
      norm += a * a + numeric * numeric
      i += stride
    }
    return norm == 0 ? 0 : diff.squareRoot() / norm.squareRoot()
  }

  /// Fixed pseudo-random values in [-1, 1].
  static func randomValues(_ count: Int, seed: UInt64) -> [Float] {
    var rng = SeededGenerator(seed: seed)
    return (0..<count).map { _ in rng.nextFloat() * 2 - 1 }
  }

  /// A buffer of fixed pseudo-random values in [-scale, scale].
  static func buffer(_ count: Int, seed: UInt64, scale: Float = 1) -> FloatBuffer {
    let b = FloatBuffer(count: count)
    b.copy(from: randomValues(count, seed: seed).map { $0 * scale })
    return b
  }

  /// Σ c_i y_i in Double.
  static func weightedSum(_ y: UnsafePointer<Float>, _ c: [Float]) -> Double {
    var s = 0.0
    for i in c.indices { s += Double(c[i]) * Double(y[i]) }
    return s
  }

  /// One forward and backward pass of `model` on a fixed batch of `task`, then the relative error of each given
  /// parameter's gradient against central differences of the batch loss (every `count / 40`-th coordinate).
  static func modelErrors(
    _ model: some MultitaskModel, parameters: [Parameter], ids: [Int32], labels: [Int32], task: Int
  ) -> [(parameter: Parameter, error: Double)] {
    let batch = labels.count
    let loss: () -> Double = {
      ids.withUnsafeBufferPointer { ip in
        labels.withUnsafeBufferPointer {
          model.loss(ids: ip.baseAddress!, labels: $0.baseAddress!, batch: batch, task: task)
        }
      }
    }
    ids.withUnsafeBufferPointer { ip in
      labels.withUnsafeBufferPointer {
        _ = model.accumulateGradient(ids: ip.baseAddress!, labels: $0.baseAddress!, batch: batch, task: task)
      }
    }
    return parameters.map { p in
      let error = relativeError(
        values: p.value.pointer, count: p.count, analytic: p.gradient.array, stride: max(1, p.count / 40),
        epsilon: 1e-2, loss: loss)
      return (p, error)
    }
  }
}
