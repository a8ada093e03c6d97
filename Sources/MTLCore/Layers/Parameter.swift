import Support

/// A trainable tensor (flat, row-major) with its gradient and Adam moments.
public final class Parameter {
  /// Name for diagnostics, e.g. "head1.linear0.weight".
  public let name: String
  /// Current values.
  public let value: FloatBuffer
  /// Accumulated gradient of the loss (zeroed by the optimizer after each step).
  public let gradient: FloatBuffer
  let firstMoment: FloatBuffer
  let secondMoment: FloatBuffer
  /// Adam steps taken on this parameter (each parameter counts its own, as torch.optim.Adam does).
  public internal(set) var steps = 0
  /// False for frozen tensors (pretrained embeddings): the optimizer skips them.
  public let trainable: Bool
  /// When set, only these rows (of `rowWidth` elements) have a gradient this step: the optimizer updates just them
  /// (lazy Adam for embedding tables).
  var sparseRows: SparseRowSet?

  /// Number of elements.
  public var count: Int { value.count }

  init(name: String, count: Int, trainable: Bool = true) {
    self.name = name
    self.trainable = trainable
    value = FloatBuffer(count: count)
    gradient = FloatBuffer(count: trainable ? count : 0)
    firstMoment = FloatBuffer(count: trainable ? count : 0)
    secondMoment = FloatBuffer(count: trainable ? count : 0)
  }

  /// Sets the gradient to zero (only the touched rows of a sparse table, whose row set is then cleared).
  public func zeroGradient() {
    guard trainable else { return }
    if let rows = sparseRows {
      for r in 0..<rows.rowCount {
        (gradient.pointer + Int(rows.rows.pointer[r]) * rows.rowWidth).update(repeating: 0, count: rows.rowWidth)
      }
      rows.clear()
    } else {
      gradient.pointer.update(repeating: 0, count: count)
    }
  }

  /// Fills the values with uniform samples in [-bound, bound].
  func fillUniform(bound: Float, using rng: inout SeededGenerator) {
    for i in 0..<count { value[i] = (rng.nextFloat() * 2 - 1) * bound }
  }

  /// Fills the values with normal samples of standard deviation `sd`.
  func fillNormal(sd: Float, using rng: inout SeededGenerator) {
    for i in 0..<count { value[i] = Float(rng.nextNormal()) * sd }
  }
}

/// The set of rows touched in one step, kept without allocation.
final class SparseRowSet {
  let rowWidth: Int
  let rows: Int32Buffer
  var rowCount = 0
  private let marked: UnsafeMutablePointer<Bool>
  private let tableRows: Int

  init(tableRows: Int, rowWidth: Int, capacity: Int) {
    self.rowWidth = rowWidth
    self.tableRows = tableRows
    rows = Int32Buffer(count: capacity)
    marked = .allocate(capacity: max(tableRows, 1))
    marked.initialize(repeating: false, count: max(tableRows, 1))
  }

  deinit { marked.deallocate() }

  @inline(__always) func insert(_ row: Int32) {
    let r = Int(row)
    if !marked[r] && rowCount < rows.count {
      marked[r] = true
      rows.pointer[rowCount] = row
      rowCount += 1
    }
  }

  func clear() {
    for i in 0..<rowCount { marked[Int(rows.pointer[i])] = false }
    rowCount = 0
  }
}
