import Dispatch

extension Search {
  /// Runs `body(0..<count)` on up to `threads` threads.
  static func parallel(_ count: Int, threads: Int, _ body: @escaping @Sendable (Int) -> Void) {
    let t = max(1, min(threads, count))
    if t == 1 {
      for i in 0..<count { body(i) }
      return
    }
    DispatchQueue.concurrentPerform(iterations: t) { worker in
      for i in stride(from: worker, to: count, by: t) { body(i) }
    }
  }
}

/// Fixed-size slots written by distinct threads (each index by one thread only).
final class Slots<T>: @unchecked Sendable {
  private let base: UnsafeMutablePointer<T?>
  let count: Int
  init(count: Int) {
    self.count = count
    base = .allocate(capacity: max(1, count))
    base.initialize(repeating: nil, count: max(1, count))
  }
  deinit {
    base.deinitialize(count: max(1, count))
    base.deallocate()
  }
  subscript(i: Int) -> T? {
    get { base[i] }
    set { base[i] = newValue }
  }
  var values: [T?] { (0..<count).map { base[$0] } }
}
