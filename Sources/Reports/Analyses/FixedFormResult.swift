/// What `fit-formulas --fit` prints and writes, for one fit (``FixedFormAnalysis``) or one per group
/// (``GroupedFixedFormAnalysis``).
public protocol FixedFormResult: Sendable {
  /// A note for stderr (e.g. why cross-validation was skipped), if any.
  var note: String? { get }
  /// The terminal summary.
  func summary(target: String) -> String
  /// The result document.
  func document(target: String, run: RunInfo) -> ResultDocument
}

extension FixedFormAnalysis: FixedFormResult {
  public func summary(target: String) -> String { TerminalSummary.fixedForm(self, target: target) }
}

extension GroupedFixedFormAnalysis: FixedFormResult {
  public var note: String? { nil }
  public func summary(target: String) -> String { TerminalSummary.groupedFixedForm(self, target: target) }
}
