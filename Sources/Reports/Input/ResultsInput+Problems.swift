import Expressions
import SymbolicRegression

/// The inputs of the search and of the report, built from the same columns and weights.
extension ResultsInput {
  /// The search problem over `features`, weighted by `weights`.
  public func searchProblem(features: [String], weights: [Double]?) throws -> SearchProblem {
    SearchProblem(
      featureNames: features, columns: try features.map { try table.numericColumn($0) },
      target: try targetValues(), weights: weights, targetName: target)
  }

  /// The report's rows: the feature columns plus any column that one of `formulas` names (never the target).
  public func reportData(features: [String], formulas: [Expressions.Expression], weights: [Double]?) throws
    -> ReportData
  {
    var columns: [String: [Double]] = [:]
    for name in features { columns[name] = try table.numericColumn(name) }
    for formula in formulas {
      for name in formula.orderedSymbols where columns[name] == nil && table.hasColumn(name) && name != target {
        columns[name] = try table.numericColumn(name)
      }
    }
    return try ReportData(
      targetName: target, features: features, columns: columns, target: try targetValues(), weights: weights)
  }

  /// The report's rows for `features` and the columns `formulas` and `hypotheses` name, weighted as
  /// ``rowWeights()`` says, with the notes on renames and weights for the report.
  public func reportRows(features: [String], formulas: [Expressions.Expression], hypotheses: [Hypothesis]) throws
    -> (data: ReportData, notes: [String])
  {
    let (weights, note) = try rowWeights()
    let data = try reportData(features: features, formulas: formulas + hypotheses.map(\.formula), weights: weights)
    let renames =
      renames.isEmpty
      ? nil : "Columns renamed: " + renames.map { "\($0.from) -> \($0.to)" }.joined(separator: ", ") + "."
    return (data, [renames, note].compactMap { $0 })
  }

  /// Parses a formula given to be fitted (setting `formula`) and checks that it does not use the target.
  public func parseFormula(_ text: String) throws -> Expressions.Expression {
    let expression: Expressions.Expression
    do {
      expression = try Expressions.Expression(parsing: text)
    } catch let error as ExpressionParseError {
      throw ReportError(setting: "formula", error.description)
    }
    if expression.contains(symbol: target) {
      throw ReportError(setting: "formula", "the formula uses the target column '\(target)' as a variable")
    }
    return expression
  }
}
