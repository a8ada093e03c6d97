import Support

/// An error from the statistics layer. Its `description` is one line that names the problem.
public enum StatisticsError: UserFacingError, Equatable, Sendable {
  /// Convergence and GSL failures happen while running; the rest are about the data or arguments given.
  public var origin: ErrorOrigin {
    switch self {
    case .didNotConverge, .gslFailure: .run
    default: .input
    }
  }

  /// Two inputs that must have the same length do not (`what` names them).
  case lengthMismatch(what: String, expected: Int, actual: Int)
  /// Not more rows than fitted constants, so nothing is left to estimate the noise.
  case tooFewRows(rows: Int, parameters: Int)
  /// The design (or Jacobian) has rank below the number of constants: some constants cannot be told apart.
  case singularFit(rank: Int, parameters: Int)
  /// An input value is NaN or infinite; `what` names the input and `index` the position (0-based).
  case nonFiniteInput(what: String, index: Int)
  /// The model gave a NaN or infinite value where a finite one is needed (`context` says where).
  case nonFiniteModel(context: String)
  /// An iterative fit stopped before meeting its convergence test.
  case didNotConverge(iterations: Int)
  /// Fewer groups (distinct rows) than a resampling scheme needs, e.g. more folds than groups.
  case tooFewGroups(groups: Int, needed: Int, purpose: String)
  /// An option or argument is out of range (`message` says which and why).
  case invalidArgument(String)
  /// A GSL routine reported an error code.
  case gslFailure(routine: String, code: Int32, message: String)

  public var description: String {
    switch self {
    case .lengthMismatch(let what, let expected, let actual):
      return "length mismatch: \(what) has \(actual) values, expected \(expected)"
    case .tooFewRows(let rows, let parameters):
      return "too few rows: \(rows) rows for \(parameters) constants (need more rows than constants)"
    case .singularFit(let rank, let parameters):
      return "singular fit: the \(parameters) constants are not identifiable from the data (rank \(rank))"
    case .nonFiniteInput(let what, let index):
      return "non-finite input: \(what) at index \(index) is NaN or infinite"
    case .nonFiniteModel(let context):
      return "non-finite model value: \(context)"
    case .didNotConverge(let iterations):
      return "fit did not converge after \(iterations) iterations"
    case .tooFewGroups(let groups, let needed, let purpose):
      return "too few groups: \(groups) distinct row groups, but \(purpose) needs at least \(needed)"
    case .invalidArgument(let message):
      return "invalid argument: \(message)"
    case .gslFailure(let routine, let code, let message):
      return "GSL \(routine) failed with code \(code): \(message)"
    }
  }
}
