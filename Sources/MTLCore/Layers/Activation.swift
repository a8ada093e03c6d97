import Foundation

/// Element-wise activation between dense layers. The paper's models use none (`identity`).
public enum Activation: String, Sendable, CaseIterable {
  case identity, tanh, relu

  /// Applies the activation in place to `count` values.
  public func apply(_ x: UnsafeMutablePointer<Float>, count: Int) {
    switch self {
    case .identity: return
    case .tanh: for i in 0..<count { x[i] = Foundation.tanh(x[i]) }
    case .relu: for i in 0..<count where x[i] < 0 { x[i] = 0 }
    }
  }

  /// gradientIn[i] = gradientOut[i] · f'(·), computed from the activation's outputs `y`.
  public func backward(
    output y: UnsafePointer<Float>, outputGradient: UnsafePointer<Float>,
    inputGradient: UnsafeMutablePointer<Float>, count: Int
  ) {
    switch self {
    case .identity: inputGradient.update(from: outputGradient, count: count)
    case .tanh: for i in 0..<count { inputGradient[i] = outputGradient[i] * (1 - y[i] * y[i]) }
    case .relu: for i in 0..<count { inputGradient[i] = y[i] > 0 ? outputGradient[i] : 0 }
    }
  }
}
