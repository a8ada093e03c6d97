import Expressions
import Foundation
import Statistics
import Support
import SymbolicRegression

/// Which rows are held out for extrapolation, e.g. `n>20000`.
public struct ExtrapolationRule: Sendable, Equatable, CustomStringConvertible {
  public enum Comparison: String, Sendable {
    case greater = ">"
    case greaterOrEqual = ">="
    case less = "<"
    case lessOrEqual = "<="
  }
  public let feature: String
  public let comparison: Comparison
  public let threshold: Double

  /// Parses `feature>value`, `>=`, `<`, `<=`.
  public init(parsing text: String) throws {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    for op in [Comparison.greaterOrEqual, .lessOrEqual, .greater, .less] {
      if let range = trimmed.range(of: op.rawValue) {
        let name = trimmed[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
        let value = trimmed[range.upperBound...].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, let threshold = Double(value), threshold.isFinite else { break }
        feature = name
        comparison = op
        self.threshold = threshold
        return
      }
    }
    throw ReportError(setting: "extrapolation", "'\(text)': expected FEATURE>VALUE (or >=, <, <=), e.g. n>20000")
  }

  public func holdsOut(_ value: Double) -> Bool {
    switch comparison {
    case .greater: value > threshold
    case .greaterOrEqual: value >= threshold
    case .less: value < threshold
    case .lessOrEqual: value <= threshold
    }
  }

  public var description: String { "\(feature)\(comparison.rawValue)\(ReportFormat.number(threshold, digits: 6))" }
}

/// Fits each formula on the rows the rule keeps and scores it on the held-out rows.
public struct ExtrapolationAnalysis: Sendable {
  public struct Result: Sendable {
    public let name: String
    public let formula: Expressions.Expression
    public let rmse: Double?
    public let mae: Double?
    public let r2: Double?
    /// Mean of observed − predicted on the held-out rows.
    public let bias: Double?
    public let failure: String?
  }

  public let rule: ExtrapolationRule
  public let fittedRows: Int
  public let heldOutRows: Int
  public let results: [Result]

  public init(rule: ExtrapolationRule, formulas: [Hypothesis], data: ReportData) throws {
    guard let column = data.columns[rule.feature] else {
      throw ReportError(
        setting: "extrapolation",
        "column '\(rule.feature)' not found (columns: \(data.columns.keys.sorted().joined(separator: ", ")))"
      )
    }
    let held = column.indices.filter { rule.holdsOut(column[$0]) }
    let kept = column.indices.filter { !rule.holdsOut(column[$0]) }
    guard !held.isEmpty else { throw ReportError(setting: "extrapolation", "\(rule): no row matches") }
    guard kept.count > 1 else {
      throw ReportError(setting: "extrapolation", "\(rule): every row matches, nothing left to fit")
    }
    self.rule = rule
    fittedRows = kept.count
    heldOutRows = held.count
    let train = data.selecting(kept)
    let test = data.selecting(held)
    results = formulas.map { h in
      do {
        let fit = try RobustFit.fit(h.formula, data: train.fittingData, starts: h.starts)
        let predicted = fit.predict(columns: test.columns, rowCount: test.rowCount)
        let score = try? GoodnessOfFit(
          observed: test.target, predicted: predicted, weights: test.weights,
          parameterCount: fit.constants.count)
        let residuals = zip(test.target, predicted).map { $0 - $1 }
        let bias = residuals.allSatisfy(\.isFinite) ? residuals.reduce(0, +) / Double(residuals.count) : nil
        return Result(
          name: h.name, formula: h.formula, rmse: score?.rmse, mae: score?.mae, r2: score?.r2, bias: bias,
          failure: score == nil ? "predictions not finite on the held-out rows" : nil)
      } catch {
        return Result(name: h.name, formula: h.formula, rmse: nil, mae: nil, r2: nil, bias: nil, failure: "\(error)")
      }
    }
  }

  /// The analysis as a JSON section.
  public var json: JSONValue {
    .object([
      ("rule", .string(rule.description)), ("fitted_rows", .integer(fittedRows)),
      ("held_out_rows", .integer(heldOutRows)),
      (
        "results",
        .array(
          results.map { r in
            .object([
              ("name", .string(r.name)), ("formula", .string(r.formula.description)), ("rmse", .number(r.rmse)),
              ("mae", .number(r.mae)), ("r2", .number(r.r2)), ("bias", .number(r.bias)),
              ("failure", r.failure.map { .string($0) } ?? .null),
            ])
          })
      ),
    ])
  }
}
