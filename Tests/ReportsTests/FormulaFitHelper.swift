import Expressions
import Reports
import SymbolicRegression

enum FormulaFitHelper {
  static func fit(_ text: String, _ data: ReportData) throws -> FormulaFit {
    try FormulaFit(expression: try Expressions.Expression(parsing: text), data: data.fittingData)
  }
}
