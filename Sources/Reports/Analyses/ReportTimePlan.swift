import Foundation

/// How a report divides the time limit of the whole command between the main search, the reruns (bootstrap resamples and the
/// honest half) and the analyses: 45% / 40% / 15% with reruns, 80% / – / 20% without. Each rerun gets an
/// equal share of what is left of the rerun budget when it starts, so a slow one does not push the command past
/// the limit.
public struct ReportTimePlan: Sendable {
  /// The whole command's limit, nil for none.
  public let total: Double?
  /// Searches after the main one.
  public let reruns: Int
  /// The main search's limit.
  public let mainSearch: Double?
  /// What the reruns share.
  public let rerunBudget: Double?

  public init(total: Double?, reruns: Int) {
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
  public var description: String? {
    guard let total, let mainSearch else { return nil }
    var text = "time limit \(Self.seconds(total)): main search \(Self.seconds(mainSearch))"
    if let rerunBudget {
      text +=
        ", \(reruns) reruns sharing \(Self.seconds(rerunBudget)) (about \(Self.seconds(rerunBudget / Double(reruns))) each)"
    }
    return text + ", the rest for fitting and the analyses"
  }

  /// Seconds as `4.2 s`, `42 s` or `2.5 min`.
  /// Without a time limit, after the main search took `searchSeconds`: the reruns still to come and about how long
  /// they take (nil with a time limit or no reruns).
  public func rerunEstimate(searchSeconds: Double, honest: Bool) -> String? {
    guard total == nil, reruns > 0 else { return nil }
    return "reruns: \(reruns) searches (bootstrap\(honest ? " and --honest" : "")) of the same budget, about "
      + "\(Self.seconds(Double(reruns) * searchSeconds)) (--bootstrap 0 or --time-limit shortens this)"
  }

  public static func seconds(_ s: Double) -> String {
    s >= 120 ? String(format: "%.1f min", s / 60) : String(format: s < 10 ? "%.1f s" : "%.0f s", s)
  }
}
