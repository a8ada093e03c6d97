import Support

/// A chain of `Linear` layers with an activation after each layer (after the last one only if `activateLast`).
/// An empty stack passes its input through.
public final class DenseStack {
  public let layers: [Linear]
  public let activation: Activation
  public let activateLast: Bool
  public let inputSize: Int
  private let scratch: [FloatBuffer]

  /// `sizes` lists the widths after the input, e.g. input 600 and sizes [256, 128].
  public init(
    inputSize: Int, sizes: [Int], activation: Activation, activateLast: Bool, maxBatch: Int, name: String,
    rng: inout SeededGenerator
  ) {
    var layers: [Linear] = []
    var width = inputSize
    for (i, size) in sizes.enumerated() {
      layers.append(Linear(inputSize: width, outputSize: size, maxBatch: maxBatch, name: "\(name).\(i)", rng: &rng))
      width = size
    }
    self.layers = layers
    self.activation = activation
    self.activateLast = activateLast
    self.inputSize = inputSize
    scratch = layers.map { FloatBuffer(count: maxBatch * $0.outputSize) }
  }

  public var outputSize: Int { layers.last?.outputSize ?? inputSize }
  public var parameters: [Parameter] { layers.flatMap(\.parameters) }

  private func activated(_ i: Int) -> Bool {
    activation != .identity && (i < layers.count - 1 || activateLast)
  }

  /// Runs the stack on `x` (batch×inputSize); returns the output (batch×outputSize), valid until the next call.
  public func forward(_ x: UnsafePointer<Float>, batch: Int) -> UnsafePointer<Float> {
    var input = x
    for (i, layer) in layers.enumerated() {
      layer.forward(input, batch: batch)
      if activated(i) { activation.apply(layer.output.pointer, count: batch * layer.outputSize) }
      input = UnsafePointer(layer.output.pointer)
    }
    return input
  }

  /// Back-propagates dL/d(output); `x` must be the input of the last `forward`. Returns dL/dx when asked
  /// (valid until the next call), else nil.
  @discardableResult
  public func backward(
    _ x: UnsafePointer<Float>, outputGradient: UnsafePointer<Float>, batch: Int, needInputGradient: Bool
  ) -> UnsafePointer<Float>? {
    var gradient = outputGradient
    for i in stride(from: layers.count - 1, through: 0, by: -1) {
      let layer = layers[i]
      if activated(i) {
        activation.backward(
          output: layer.output.pointer, outputGradient: gradient, inputGradient: scratch[i].pointer,
          count: batch * layer.outputSize)
        gradient = UnsafePointer(scratch[i].pointer)
      }
      let input = i == 0 ? x : UnsafePointer(layers[i - 1].output.pointer)
      let needs = i > 0 || needInputGradient
      layer.backward(input, outputGradient: gradient, batch: batch, needInputGradient: needs)
      if needs { gradient = UnsafePointer(layer.inputGradient.pointer) }
    }
    return needInputGradient ? gradient : nil
  }
}
