import Support

/// Why a formula cannot be fitted; `description` is one line.
public enum FormulaFitError: UserFacingError, Equatable, Sendable {
  public var origin: ErrorOrigin { .input }

  /// The formula uses no column of the data.
  case noVariables(formula: String, columns: [String])
  /// Every identifier is a column: nothing to fit.
  case noConstants(formula: String)
  /// A start value names no constant of the formula.
  case unknownStart(name: String, constants: [String])
  /// The formula is not finite on some row at the start values.
  case notFiniteAtStart(row: Int, constants: String)
  /// The statistics layer failed (singular fit, too few rows, ...).
  case fit(String)

  public var description: String {
    switch self {
    case .noVariables(let formula, let columns):
      return
        "formula '\(formula)' uses no column of the data, so every identifier would be a constant (columns: \(columns.joined(separator: ", ")))"
    case .noConstants(let formula):
      return "formula '\(formula)' has no constants to fit (every identifier is a column)"
    case .unknownStart(let name, let constants):
      return
        "start value for '\(name)', which is not a constant of the formula (constants: \(constants.joined(separator: ", ")))"
    case .notFiniteAtStart(let row, let constants):
      return
        "the formula is not finite on row \(row + 1) at the start values (\(constants)); give better start values"
    case .fit(let message):
      return message
    }
  }
}
