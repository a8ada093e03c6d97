/// One section of report.md. A new analysis adds a file with its section and one entry in
/// ``MarkdownSections/order``.
protocol MarkdownSection: Sendable {
  /// The section's Markdown (ending with a blank line), from the report's analyses.
  static func markdown(_ report: Report, plotNames: [String]) -> String
}

extension MarkdownSection {
  /// A number for tables: `digits` significant digits, "–" when absent.
  static func fmt(_ x: Double?, _ digits: Int = 4) -> String { ReportFormat.optional(x, digits: digits) }

  /// `## title`, then `body(analysis)`, or the `absent` paragraph when the analysis was not run.
  static func section<Analysis>(_ title: String, _ analysis: Analysis?, absent: String, body: (Analysis) -> String)
    -> String
  {
    "## \(title)\n\n" + (analysis.map(body) ?? absent + "\n\n")
  }
}

extension SelectionReason {
  static func fmt(_ x: Double?, _ digits: Int = 4) -> String { ReportFormat.optional(x, digits: digits) }
}

/// The sections of report.md, in order.
enum MarkdownSections {
  static let order: [any MarkdownSection.Type] = [
    HeadlineSection.self, DataSection.self, FrontSection.self, SelectedFormulaSection.self, TheorySection.self,
    ExponentSection.self, HonestSection.self, ExtrapolationSection.self, BootstrapSection.self, PlotsSection.self,
    ReproduceSection.self,
  ]
}
