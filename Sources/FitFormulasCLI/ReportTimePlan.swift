import Foundation

/// How `--report` divides `--time-limit` between the main search, the reruns (bootstrap resamples and the
/// `--honest` half) and the analyses: 45% / 40% / 15% with reruns, 80% / – / 20% without. Each rerun gets an
/// equal share of what is left of the rerun budget when it starts, so a slow one does not push the command past
/// the limit.
struct ReportTimePlan {
  let total: Double?
  let reruns: Int
  let mainSearch: Double?
  let rerunBudget: Double?

  init(total: Double?, reruns: Int) {
    self.total = total
    self.reruns = reruns
    guard let total else {
      mainSearch = nil
      rerunBudget = nil
      return
    }
    mainSearch = total * (reruns > 0 ? 0.45 : 0.8)
    rerunBudget = reruns > 0 ? total * 0.4 : nil
  }

  /// One line for stdout describing the plan (nil without a time limit).
  var description: String? {
    guard let total, let mainSearch else { return nil }
    var text = "time limit \(Self.seconds(total)): main search \(Self.seconds(mainSearch))"
    if let rerunBudget {
      text +=
        ", \(reruns) reruns sharing \(Self.seconds(rerunBudget)) (about \(Self.seconds(rerunBudget / Double(reruns))) each)"
    }
    return text + ", the rest for fitting and the analyses"
  }

  static func seconds(_ s: Double) -> String {
    s >= 120 ? String(format: "%.1f min", s / 60) : String(format: s < 10 ? "%.1f s" : "%.0f s", s)
  }
}

/// Progress of the report's reruns on stderr, with an ETA: a line per rerun (rewritten in place on a terminal).
final class RerunProgress: @unchecked Sendable {
  let total: Int
  let started = Date()
  private(set) var done = 0
  private let terminal = isatty(2) != 0
  private let lock = NSLock()

  init(total: Int) { self.total = total }

  func finishedOne() {
    lock.lock()
    done += 1
    let elapsed = Date().timeIntervalSince(started)
    let eta = elapsed / Double(done) * Double(max(0, total - done))
    let text =
      "reruns: \(done)/\(total), \(ReportTimePlan.seconds(elapsed)) elapsed, ETA \(ReportTimePlan.seconds(eta))"
    lock.unlock()
    Progress.write(terminal ? "\r" + text + "   " + (done == total ? "\n" : "") : text + "\n")
  }
}
