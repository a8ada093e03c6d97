import Foundation

/// Runs `body(k)` for k in 0..<copies on `copies` threads at once and returns the results in order.
func concurrently<T: Sendable>(_ copies: Int, _ body: @escaping @Sendable (Int) throws -> T) throws -> [T] {
  let box = ResultBox<T>(count: copies)
  let group = DispatchGroup()
  for k in 0..<copies {
    group.enter()
    let thread = Thread {
      box.set(k, Result { try body(k) })
      group.leave()
    }
    thread.stackSize = 8 << 20
    thread.start()
  }
  group.wait()
  return try box.values()
}

/// Results written from several threads.
private final class ResultBox<T: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var results: [Result<T, any Error>?]
  init(count: Int) { results = Array(repeating: nil, count: count) }
  func set(_ k: Int, _ r: Result<T, any Error>) { lock.withLock { results[k] = r } }
  func values() throws -> [T] {
    try lock.withLock { try results.map { r in try (r ?? .failure(BenchError("a thread did not finish"))).get() } }
  }
}
