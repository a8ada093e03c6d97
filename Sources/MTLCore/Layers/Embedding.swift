import Support

/// Embedding lookup of a window of token ids into one concatenated row per example (window·dimension wide).
/// The table is trainable (lazy Adam on the rows used) or frozen (pretrained vectors).
public final class Embedding {
  public let vocabularySize: Int
  public let dimension: Int
  public let window: Int
  public let maxBatch: Int
  /// The table, vocabularySize×dimension.
  public let table: Parameter
  /// Forward output, maxBatch×(window·dimension).
  public let output: FloatBuffer

  /// A trainable table initialised with N(0, 0.1²), or a frozen copy of `pretrained` when given.
  public init(
    vocabularySize: Int, dimension: Int, window: Int, maxBatch: Int, pretrained: [Float]? = nil,
    rng: inout SeededGenerator
  ) {
    self.vocabularySize = vocabularySize
    self.dimension = dimension
    self.window = window
    self.maxBatch = maxBatch
    table = Parameter(name: "embedding", count: vocabularySize * dimension, trainable: pretrained == nil)
    output = FloatBuffer(count: maxBatch * window * dimension)
    if let pretrained {
      table.value.copy(from: pretrained)
    } else {
      table.fillNormal(sd: 0.1, using: &rng)
      table.sparseRows = SparseRowSet(
        tableRows: vocabularySize, rowWidth: dimension, capacity: maxBatch * window)
    }
  }

  public var parameters: [Parameter] { table.trainable ? [table] : [] }
  public var outputSize: Int { window * dimension }

  /// Gathers rows for `ids` (batch×window, each in 0..<vocabularySize).
  public func forward(ids: UnsafePointer<Int32>, batch: Int) {
    let out = output.pointer
    let t = table.value.pointer
    for i in 0..<(batch * window) {
      (out + i * dimension).update(from: t + Int(ids[i]) * dimension, count: dimension)
    }
  }

  /// Adds dL/d(output) into the table's gradient rows (no-op when frozen).
  public func backward(ids: UnsafePointer<Int32>, outputGradient: UnsafePointer<Float>, batch: Int) {
    guard table.trainable else { return }
    let g = table.gradient.pointer
    for i in 0..<(batch * window) {
      let row = g + Int(ids[i]) * dimension
      let src = outputGradient + i * dimension
      for j in 0..<dimension { row[j] += src[j] }
      table.sparseRows?.insert(ids[i])
    }
  }
}
