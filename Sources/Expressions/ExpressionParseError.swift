import Support

/// A formula that cannot be parsed. ``position`` is the 0-based character offset of the problem
/// in the formula text; ``description`` is one line and reports it 1-based as a column.
public struct ExpressionParseError: UserFacingError, Equatable {
  public var origin: ErrorOrigin { .input }
  /// What is wrong, e.g. `expected a number, a name or '(' but the formula ends`.
  public let message: String
  /// 0-based character offset in the formula text where the problem is.
  public let position: Int
  /// The formula text that failed to parse.
  public let formula: String

  public init(message: String, position: Int, formula: String = "") {
    self.message = message
    self.position = position
    self.formula = formula
  }

  /// One line: `cannot parse formula 'a +' at column 4: expected ...`.
  public var description: String {
    let shown = formula.count > 80 ? String(formula.prefix(77)) + "..." : formula
    let oneLine = String(shown.map { $0.isNewline ? " " : $0 })
    return "cannot parse formula '\(oneLine)' at column \(position + 1): \(message)"
  }
}
