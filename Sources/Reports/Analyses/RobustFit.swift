import Expressions
import SymbolicRegression

/// Fits a formula, retrying from nearby and default start values when the solver reports no progress
/// (GSL's trust-region solver can stop without converging when started exactly at the optimum).
enum RobustFit {
  static func fit(_ expression: Expressions.Expression, data: FittingData, starts: [String: Double]) throws
    -> FormulaFit
  {
    do {
      return try FormulaFit(expression: expression, data: data, starts: starts)
    } catch let first {
      if starts.isEmpty { throw first }
      let nudged = starts.mapValues { $0 * 1.02 + 1e-3 }
      if let fit = try? FormulaFit(expression: expression, data: data, starts: nudged) { return fit }
      if let fit = try? FormulaFit(expression: expression, data: data) { return fit }
      throw first
    }
  }
}
