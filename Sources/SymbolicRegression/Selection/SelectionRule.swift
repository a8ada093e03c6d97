/// How one member of the final front is chosen as the formula a user gets.
public enum SelectionRule: String, Codable, Sendable, CaseIterable {
  /// Grouped K-fold cross-validation with the one-standard-error rule (default): the simplest member whose mean
  /// held-out loss exceeds the best member's by at most the larger of the best's standard error and a
  /// ``PracticalEquivalence`` margin, or whose held-out loss is at the replicate-noise level.
  case cv1se = "cv-1se"
  /// PySR's score: the largest `−Δlog(loss)/Δcomplexity` among members within 2× the lowest in-sample loss.
  case score
  /// Lowest corrected Akaike information criterion of the in-sample fit.
  case aicc
  /// Lowest Bayesian information criterion of the in-sample fit.
  case bic

  /// Parses a rule name (`cv-1se`, `score`, `aicc`, `bic`).
  public init?(name: String) { self.init(rawValue: name.lowercased()) }

  /// The rule named `name`, or an error (setting `selection`) listing the rules.
  public init(parsing name: String) throws {
    guard let rule = SelectionRule(name: name) else {
      throw SearchConfigurationError(
        setting: "selection", "unknown rule '\(name)' (rules: \(Self.allCases.map(\.rawValue).joined(separator: ", ")))"
      )
    }
    self = rule
  }
}
