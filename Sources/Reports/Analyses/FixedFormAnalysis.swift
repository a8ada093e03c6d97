import Expressions
import Foundation
import Statistics
import SymbolicRegression

/// A given formula fitted by least squares with its statistics: constants with intervals, goodness of fit and a
/// grouped cross-validation (skipped, with a note, when there are fewer distinct rows than folds).
public struct FixedFormAnalysis: Sendable {
  public let expression: Expressions.Expression
  /// Identifiers that are columns of the table, in order of appearance.
  public let variables: [String]
  /// Identifiers that are not columns: the fitted constants.
  public let constantNames: [String]
  public let fit: FormulaFit
  public let rows: Int
  public let groups: RowGroups
  public let crossValidation: FormulaCrossValidation?
  /// Why cross-validation was skipped, when it was.
  public let note: String?
  /// How the rows were weighted (``ResultsInput/rowWeights()``), when they were.
  public let weightsNote: String?

  /// Fits `formula` on `input` with its row weights (or the given `rowWeights`, e.g. those of the whole table when
  /// `input` is one group of it); `folds` ≥ 2 asks for a grouped cross-validation.
  public init(
    formula: String, input: ResultsInput, starts: [String: Double], folds: Int, seed: UInt64,
    rowWeights: (weights: [Double]?, note: String?)? = nil
  ) throws {
    let (weights, weightsNote) = try rowWeights ?? input.rowWeights()
    self.weightsNote = weightsNote
    let expression = try input.parseFormula(formula)
    let table = input.table
    variables = expression.orderedSymbols.filter(table.hasColumn)
    constantNames = expression.constants(variables: Set(variables))
    guard !variables.isEmpty else {
      throw ReportError(
        setting: "formula",
        "formula uses no column of \(input.path); every identifier would be a constant "
          + "(\(constantNames.joined(separator: ", "))); columns are: \(table.columnList)")
    }
    var columns: [String: [Double]] = [:]
    for name in variables { columns[name] = try table.numericColumn(name) }
    let target = try input.targetValues()
    let data = FittingData(columns: columns, target: target, weights: weights)
    do {
      fit = try FormulaFit(expression: expression, data: data, starts: starts)
    } catch let error as FormulaFitError {
      throw ReportError(setting: "formula", error.description)
    }
    self.expression = expression
    rows = target.count
    groups = try RowGroups(columns: variables.map { columns[$0]! })
    if folds >= 2, groups.groupCount >= folds {
      crossValidation = try FormulaCrossValidation(
        expression: expression, data: data, groups: groups, k: folds, seed: seed, starts: fit.values)
      note = nil
    } else {
      crossValidation = nil
      note = folds >= 2 ? "\(groups.groupCount) distinct rows < \(folds) folds; cross-validation skipped" : nil
    }
  }

  /// Start values from `name=value` items (setting `starts`).
  public static func starts(parsing items: [String]) throws -> [String: Double] {
    var result: [String: Double] = [:]
    for item in items {
      let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
      guard parts.count == 2, !parts[0].isEmpty, let value = Double(parts[1]), value.isFinite else {
        throw ReportError(setting: "starts", "'\(item)': expected name=value with a finite number")
      }
      result[parts[0]] = value
    }
    return result
  }

  /// The result document: a front of this one formula.
  public func document(target: String, run: RunInfo) -> ResultDocument {
    ResultDocument(
      run: run, target: target, features: variables, rows: rows, groups: groups.groupCount, split: nil,
      selected: 0, front: [FormulaEntry(fit: fit, crossValidation: crossValidation)])
  }
}
