/// A fixed-size, zero-initialised, heap-allocated array addressed through a stable pointer.
/// Workspaces and parameters use it so that the training loop never allocates.
public final class FixedBuffer<Element: AdditiveArithmetic> {
  /// The first element; valid for `count` elements for the buffer's lifetime.
  public let pointer: UnsafeMutablePointer<Element>
  /// Number of elements.
  public let count: Int

  /// Allocates `count` zeros.
  public init(count: Int) {
    self.count = count
    pointer = .allocate(capacity: max(count, 1))
    pointer.initialize(repeating: .zero, count: max(count, 1))
  }

  deinit { pointer.deallocate() }

  /// Sets every element to zero.
  public func zero() { pointer.update(repeating: .zero, count: count) }

  /// The elements as an array (a copy).
  public var array: [Element] { Array(UnsafeBufferPointer(start: pointer, count: count)) }

  /// Copies `values` (which must have `count` elements) in.
  public func copy(from values: [Element]) {
    let n = min(values.count, count)
    values.withUnsafeBufferPointer { src in
      if let base = src.baseAddress { pointer.update(from: base, count: n) }
    }
  }

  public subscript(index: Int) -> Element {
    get { pointer[index] }
    set { pointer[index] = newValue }
  }
}

/// Values, gradients and activations.
public typealias FloatBuffer = FixedBuffer<Float>

/// Token-id, label and index workspaces.
public typealias Int32Buffer = FixedBuffer<Int32>
