import Support

/// Turns a batch of token-id windows into one feature row per example. New encoders (e.g. message passing
/// between task encoders) conform to this and plug into `MultitaskTagger`.
public protocol WindowEncoder: AnyObject {
  /// Width of a feature row.
  var outputSize: Int { get }
  /// Trainable tensors.
  var parameters: [Parameter] { get }
  /// Features for `ids` (batch×window); valid until the next call.
  func forward(ids: UnsafePointer<Int32>, batch: Int) -> UnsafePointer<Float>
  /// Accumulates gradients from dL/d(features) of the last forward.
  func backward(ids: UnsafePointer<Int32>, outputGradient: UnsafePointer<Float>, batch: Int)
}

/// Concatenated window embeddings (window·dimension features): the `window-mlp` encoder.
public final class ConcatenatedEmbeddingEncoder: WindowEncoder {
  public let embedding: Embedding

  public init(embedding: Embedding) { self.embedding = embedding }

  public var outputSize: Int { embedding.outputSize }
  public var parameters: [Parameter] { embedding.parameters }

  public func forward(ids: UnsafePointer<Int32>, batch: Int) -> UnsafePointer<Float> {
    embedding.forward(ids: ids, batch: batch)
    return UnsafePointer(embedding.output.pointer)
  }

  public func backward(ids: UnsafePointer<Int32>, outputGradient: UnsafePointer<Float>, batch: Int) {
    embedding.backward(ids: ids, outputGradient: outputGradient, batch: batch)
  }
}

/// The paper's encoder: a one-layer bidirectional LSTM over the window whose output at the last position
/// (`out[:, -1, :]`, 2h features) is used. At that position the backward direction has read only the last token
/// from a zero state, so it is computed as a single LSTM step: the same numbers, 7+1 instead of 7+7 steps.
public final class BiLSTMEncoder: WindowEncoder {
  public let embedding: Embedding
  public let forwardLSTM: LSTM
  public let backwardLSTM: LSTM
  private let features: FloatBuffer
  private let embeddingGradient: FloatBuffer

  public init(embedding: Embedding, hiddenSize: Int, rng: inout SeededGenerator) {
    self.embedding = embedding
    let d = embedding.dimension
    let w = embedding.window
    let b = embedding.maxBatch
    forwardLSTM = LSTM(inputSize: d, hiddenSize: hiddenSize, steps: w, maxBatch: b, name: "lstm.forward", rng: &rng)
    backwardLSTM = LSTM(inputSize: d, hiddenSize: hiddenSize, steps: 1, maxBatch: b, name: "lstm.backward", rng: &rng)
    features = FloatBuffer(count: b * 2 * hiddenSize)
    embeddingGradient = FloatBuffer(count: embedding.trainsTable ? b * w * d : 0)
  }

  public var outputSize: Int { 2 * forwardLSTM.hiddenSize }
  public var parameters: [Parameter] { embedding.parameters + forwardLSTM.parameters + backwardLSTM.parameters }

  public func forward(ids: UnsafePointer<Int32>, batch: Int) -> UnsafePointer<Float> {
    embedding.forward(ids: ids, batch: batch)
    let x = UnsafePointer(embedding.output.pointer)
    let stride = embedding.outputSize
    let d = embedding.dimension
    let h = forwardLSTM.hiddenSize
    let hf = forwardLSTM.forward(x, rowStride: stride, batch: batch)
    let hb = backwardLSTM.forward(x + (embedding.window - 1) * d, rowStride: stride, batch: batch)
    let out = features.pointer
    for r in 0..<batch {
      (out + r * 2 * h).update(from: hf + r * h, count: h)
      (out + r * 2 * h + h).update(from: hb + r * h, count: h)
    }
    return UnsafePointer(out)
  }

  public func backward(ids: UnsafePointer<Int32>, outputGradient: UnsafePointer<Float>, batch: Int) {
    let x = UnsafePointer(embedding.output.pointer)
    let stride = embedding.outputSize
    let d = embedding.dimension
    let h = forwardLSTM.hiddenSize
    let trains = embedding.trainsTable
    if trains { embeddingGradient.pointer.update(repeating: 0, count: batch * stride) }
    let dx: UnsafeMutablePointer<Float>? = trains ? embeddingGradient.pointer : nil
    forwardLSTM.backward(
      x, rowStride: stride, outputGradient: outputGradient, outputGradientStride: 2 * h, inputGradient: dx)
    backwardLSTM.backward(
      x + (embedding.window - 1) * d, rowStride: stride, outputGradient: outputGradient + h,
      outputGradientStride: 2 * h, inputGradient: dx.map { $0 + (embedding.window - 1) * d })
    if trains { embedding.backward(ids: ids, outputGradient: embeddingGradient.pointer, batch: batch) }
  }
}

extension Embedding {
  /// Whether the table is trained (false for frozen pretrained vectors).
  public var trainsTable: Bool { table.trainable }
}
