/// A fixed-size, zero-initialised, heap-allocated Float array addressed through a stable pointer.
/// Workspaces and parameters use it so that the training loop never allocates.
public final class FloatBuffer {
  /// The first element; valid for `count` elements for the buffer's lifetime.
  public let pointer: UnsafeMutablePointer<Float>
  /// Number of elements.
  public let count: Int

  /// Allocates `count` zeros.
  public init(count: Int) {
    self.count = count
    pointer = .allocate(capacity: max(count, 1))
    pointer.initialize(repeating: 0, count: max(count, 1))
  }

  deinit { pointer.deallocate() }

  /// Sets every element to zero.
  public func zero() { pointer.update(repeating: 0, count: count) }

  /// The elements as an array (a copy).
  public var array: [Float] { Array(UnsafeBufferPointer(start: pointer, count: count)) }

  /// Copies `values` (which must have `count` elements) in.
  public func copy(from values: [Float]) {
    let n = min(values.count, count)
    values.withUnsafeBufferPointer { src in
      if let base = src.baseAddress { pointer.update(from: base, count: n) }
    }
  }

  public subscript(index: Int) -> Float {
    get { pointer[index] }
    set { pointer[index] = newValue }
  }
}

/// A fixed-size Int32 buffer for label and index workspaces.
public final class Int32Buffer {
  public let pointer: UnsafeMutablePointer<Int32>
  public let count: Int

  public init(count: Int) {
    self.count = count
    pointer = .allocate(capacity: max(count, 1))
    pointer.initialize(repeating: 0, count: max(count, 1))
  }

  deinit { pointer.deallocate() }
}
