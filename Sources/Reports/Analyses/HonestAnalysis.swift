import Expressions
import Statistics
import Support
import SymbolicRegression

/// `--honest`: choose the structure on one grouped half of the rows, estimate constants, CIs and R² on the other half.
public struct HonestAnalysis: Sendable {
  public let selectionRows: [Int]
  public let estimationRows: [Int]
  /// The structure chosen on the selection half.
  public let formula: Expressions.Expression
  /// Refit of that structure on the estimation half (nil when it failed).
  public let fit: FormulaFit?
  /// R² of the selection-half fit on its own rows (optimistic) and on the estimation rows (honest).
  public let selectionR2: Double?
  public let estimationR2OfSelectionFit: Double?
  /// How the structure was chosen (e.g. "search on the selection half").
  public let selectionMethod: String
  public let failure: String?

  /// - Parameter select: returns the structure chosen on the given rows (a search run in the CLI; fixed in tests).
  public init(
    data: ReportData, seed: UInt64, selectionMethod: String,
    select: (ReportData) throws -> Expressions.Expression
  ) throws {
    let split: GroupedSplit
    do {
      split = try GroupedSplit(groups: data.groups, testFraction: 0.5, seed: seed)
    } catch {
      throw ReportError(setting: "honest", "\(error)")
    }
    selectionRows = split.trainingRows
    estimationRows = split.testRows
    self.selectionMethod = selectionMethod
    let selectionData = data.selecting(split.trainingRows)
    let estimationData = data.selecting(split.testRows)
    formula = try select(selectionData)
    let selectionFit = try? FormulaFit(expression: formula, data: selectionData.fittingData)
    selectionR2 = selectionFit?.goodness.r2
    if let selectionFit {
      let predicted = selectionFit.predict(columns: estimationData.columns, rowCount: estimationData.rowCount)
      estimationR2OfSelectionFit =
        (try? GoodnessOfFit(
          observed: estimationData.target, predicted: predicted,
          weights: estimationData.weights,
          parameterCount: selectionFit.constants.count))?.r2
    } else {
      estimationR2OfSelectionFit = nil
    }
    do {
      fit = try RobustFit.fit(formula, data: estimationData.fittingData, starts: selectionFit?.values ?? [:])
      failure = nil
    } catch {
      fit = nil
      failure = "\(error)"
    }
  }

  /// The analysis as a JSON section.
  public var json: JSONValue {
    .object([
      ("selection_method", .string(selectionMethod)), ("formula", .string(formula.description)),
      ("selection_rows", .integer(selectionRows.count)), ("estimation_rows", .integer(estimationRows.count)),
      ("selection_r2", .number(selectionR2)), ("estimation_r2_of_selection_fit", .number(estimationR2OfSelectionFit)),
      ("refit", fit.map { FormulaEntry(fit: $0).json } ?? .null),
      ("failure", failure.map { .string($0) } ?? .null),
    ])
  }
}
