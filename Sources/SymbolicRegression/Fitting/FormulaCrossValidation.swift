import Expressions
import Statistics

/// Grouped k-fold cross-validation of a formula: refit on k−1 folds, score on the held-out fold.
public struct FormulaCrossValidation: Sendable {
  /// Number of folds.
  public let k: Int
  /// Whether rows with identical feature values were kept in one fold.
  public let grouped: Bool
  /// Out-of-fold R² of each fold (nil where undefined or the refit failed).
  public let foldR2: [Double?]
  /// Out-of-fold RMSE of each fold.
  public let foldRMSE: [Double?]

  /// Mean of the defined fold R² values.
  public var r2Mean: Double? { Self.mean(foldR2.compactMap { $0 }) }
  /// Sample standard deviation of the defined fold R² values.
  public var r2SD: Double? { Self.sd(foldR2.compactMap { $0 }) }
  /// Mean of the defined fold RMSE values.
  public var rmseMean: Double? { Self.mean(foldRMSE.compactMap { $0 }) }

  /// Cross-validates `expression` on `data`, grouping rows by `groups` (use `RowGroups(columns:)` of the
  /// formula's variables for grouped CV, `RowGroups.singletons` for plain CV). Each refit starts from `starts`.
  public init(
    expression: Expression, data: FittingData, groups: RowGroups, k: Int, seed: UInt64,
    starts: [String: Double] = [:], grouped: Bool = true
  ) throws {
    let folds: GroupedKFold
    do {
      folds = try GroupedKFold(groups: groups, k: k, seed: seed)
    } catch let error as StatisticsError {
      throw FormulaFitError.fit("cross-validation: \(error.description)")
    }
    var r2: [Double?] = []
    var rmse: [Double?] = []
    for fold in folds.folds {
      let training = data.selecting(fold.trainingRows)
      let test = data.selecting(fold.testRows)
      guard let fit = try? FormulaFit(expression: expression, data: training, starts: starts) else {
        r2.append(nil)
        rmse.append(nil)
        continue
      }
      let predicted = fit.predict(columns: test.columns, rowCount: test.rowCount)
      let score = try? GoodnessOfFit(
        observed: test.target, predicted: predicted, weights: test.weights,
        parameterCount: fit.constants.count)
      r2.append(score?.r2)
      rmse.append(score?.rmse)
    }
    self.k = k
    self.grouped = grouped
    self.foldR2 = r2
    self.foldRMSE = rmse
  }

  private static func mean(_ values: [Double]) -> Double? {
    values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
  }

  private static func sd(_ values: [Double]) -> Double? {
    guard values.count > 1, let m = mean(values) else { return nil }
    return (values.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(values.count - 1)).squareRoot()
  }
}
