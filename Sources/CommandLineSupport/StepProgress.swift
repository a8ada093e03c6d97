import Foundation

/// Progress through a known number of steps with an ETA: `reruns: 3/20, 12s elapsed, ETA 1m08s`, a line per step
/// (rewritten in place on a terminal). Steps may finish on any thread.
public final class StepProgress: @unchecked Sendable {
  public let label: String
  public let total: Int
  private let started = Date()
  private var done = 0
  private let line = ProgressLine()
  private let lock = NSLock()

  public init(label: String, total: Int) {
    self.label = label
    self.total = total
  }

  /// Records one finished step and shows the line.
  public func finishedOne() {
    lock.lock()
    done += 1
    let (count, elapsed) = (done, Date().timeIntervalSince(started))
    lock.unlock()
    let eta = elapsed / Double(count) * Double(max(0, total - count))
    line.update(
      "\(label): \(count)/\(total), \(ProgressLine.duration(elapsed)) elapsed, ETA \(ProgressLine.duration(eta))")
    if count >= total { line.finish() }
  }
}
