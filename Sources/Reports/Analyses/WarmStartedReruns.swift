import Foundation
import SymbolicRegression

/// The search a report reruns on bootstrap resamples and on the honest half: warm-started from the main search's
/// front (initial populations hold it), each rerun limited to an equal share of what is left of the plan's rerun
/// budget when it starts.
public enum WarmStartedReruns {
  /// A ``FormulaSearch`` for ``Report``; `finishedOne` is called after every rerun (for progress).
  public static func search(
    after result: SearchResult, configuration: SearchConfiguration, features: [String], plan: ReportTimePlan,
    finishedOne: @escaping @Sendable () -> Void = {}
  ) -> FormulaSearch {
    var base = configuration
    base.checkpointPath = nil
    base.resume = false
    base.seedPrograms = result.front.map(\.program)
    let deadline = plan.rerunBudget.map { Date().addingTimeInterval($0) }
    let started = Counter()
    return { [base] rows, seed in
      var c = base
      c.seed = seed
      if let deadline {
        let left = max(0, deadline.timeIntervalSinceNow)
        c.timeLimit = max(0.2, left / Double(max(1, plan.reruns - started.next())))
      }
      defer { finishedOne() }
      let problem = SearchProblem(
        featureNames: features, columns: features.map { rows.columns[$0] ?? [] }, target: rows.target,
        weights: rows.weights, targetName: rows.targetName)
      let again = try Search.run(problem, configuration: c)
      guard let selected = again.selectedEntry?.expression(featureNames: features) else { return nil }
      return SearchOutcome(selected: selected, front: again.front.compactMap { $0.expression(featureNames: features) })
    }
  }
}

/// Reruns started so far (reruns run one after another; the lock keeps the closure `Sendable`).
private final class Counter: @unchecked Sendable {
  private var value = 0
  private let lock = NSLock()
  func next() -> Int {
    lock.lock()
    defer { lock.unlock() }
    defer { value += 1 }
    return value
  }
}
