import Expressions
import SymbolicRegression

/// A formula of the front handed to the report (from the search engine, or a fixed form).
public struct ReportCandidate: Sendable {
  /// The formula with symbolic constants.
  public var formula: Expressions.Expression
  /// Start values of the constants (e.g. the search's fitted values).
  public var starts: [String: Double]
  /// Complexity as the search counts it (default: node count).
  public var complexity: Int?
  /// Scores on the search's validation and test rows, when the search had them.
  public var r2Validation: Double?
  public var r2Test: Double?
  public var rmseTest: Double?

  public init(
    formula: Expressions.Expression, starts: [String: Double] = [:], complexity: Int? = nil,
    r2Validation: Double? = nil, r2Test: Double? = nil, rmseTest: Double? = nil
  ) {
    self.formula = formula
    self.starts = starts
    self.complexity = complexity
    self.r2Validation = r2Validation
    self.r2Test = r2Test
    self.rmseTest = rmseTest
  }
}

extension ReportCandidate {
  /// A search front member as a candidate, or nil when it has no constants (nothing to fit) or no expression.
  public init?(entry: FrontEntry, featureNames: [String]) {
    guard !entry.constants.isEmpty, let formula = entry.expression(featureNames: featureNames) else { return nil }
    self.init(
      formula: formula, starts: entry.constantValues, complexity: entry.complexity, r2Validation: entry.r2Validation,
      r2Test: entry.r2Test, rmseTest: entry.testLoss.map { $0.squareRoot() })
  }
}
