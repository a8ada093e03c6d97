import CommandLineSupport
import Foundation
import Reports
import SymbolicRegression

/// Search progress with ETA; off a terminal a line per tenth of the budget.
final class Progress: @unchecked Sendable {
  let label: String
  private let line = ProgressLine()
  private var lastTenth = 0

  init(label: String) { self.label = label }

  func update(_ p: SearchProgress) {
    let eta = p.fractionDone > 0 ? p.elapsed * (1 - p.fractionDone) / p.fractionDone : .nan
    let tenth = Int(10 * p.fractionDone)
    defer { lastTenth = max(lastTenth, tenth) }
    line.update(
      "\(label): "
        + String(
          format: "epoch %d, %d evals (%.0f/s), best loss %.4g, %.0f%%, %.0f s elapsed, ETA %.0f s",
          p.epoch, p.evaluations, p.evaluationsPerSecond, p.bestLoss, 100 * p.fractionDone, p.elapsed, eta),
      log: tenth > lastTenth)
  }

  func finish() { line.finish() }
}

/// Progress of the report's reruns with an ETA: a line per rerun.
final class RerunProgress: @unchecked Sendable {
  let total: Int
  let started = Date()
  private var done = 0
  private let line = ProgressLine()
  private let lock = NSLock()

  init(total: Int) { self.total = total }

  func finishedOne() {
    lock.lock()
    done += 1
    let elapsed = Date().timeIntervalSince(started)
    let eta = elapsed / Double(done) * Double(max(0, total - done))
    let finished = done == total
    lock.unlock()
    line.update(
      "reruns: \(done)/\(total), \(ReportTimePlan.seconds(elapsed)) elapsed, ETA \(ReportTimePlan.seconds(eta))")
    if finished { line.finish() }
  }
}
