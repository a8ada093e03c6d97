import Foundation
import SymbolicRegression

#if canImport(Glibc)
  import Glibc
#endif

/// Search progress on stderr: a line rewritten in place on a terminal; otherwise a line per tenth of the budget.
final class Progress: @unchecked Sendable {
  let label: String
  let terminal = isatty(2) != 0
  private var lastTenth = 0

  init(label: String) { self.label = label }

  func update(_ p: SearchProgress) {
    let eta = p.fractionDone > 0 ? p.elapsed * (1 - p.fractionDone) / p.fractionDone : .nan
    let text =
      "\(label): "
      + String(
        format: "epoch %d, %d evals (%.0f/s), best loss %.4g, %.0f%%, %.0f s elapsed, ETA %.0f s",
        p.epoch, p.evaluations, p.evaluationsPerSecond, p.bestLoss, 100 * p.fractionDone, p.elapsed, eta)
    if terminal {
      Self.write("\r" + text + "   ")
    } else {
      let tenth = Int(10 * p.fractionDone)
      guard tenth > lastTenth else { return }
      lastTenth = tenth
      Self.write(text + "\n")
    }
  }

  func finish() { if terminal { Self.write("\n") } }

  /// Writes to stderr.
  static func write(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
}
