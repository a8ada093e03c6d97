import Foundation
import Statistics
import SymbolicRegression

/// One hypothesis fitted to the data, with its cross-validated error.
public struct HypothesisResult: Sendable {
  public let hypothesis: Hypothesis
  /// The fit on all rows; nil when the formula could not be fitted (see `failure`).
  public let fit: FormulaFit?
  /// Grouped k-fold cross-validation (nil when skipped or failed).
  public let crossValidation: FormulaCrossValidation?
  /// Why the fit failed, one line.
  public let failure: String?
  /// AICc minus the smallest AICc of the comparison.
  public internal(set) var deltaAICc: Double?
  /// AICc weight exp(−Δ/2) / Σ exp(−Δ/2).
  public internal(set) var aiccWeight: Double?

  public var name: String { hypothesis.name }
  /// Node count of the formula.
  public var complexity: Int { hypothesis.formula.nodeCount }
}

/// An F test of a smaller formula against a larger one that contains it (linear forms whose design columns nest).
public struct NestedModelTest: Sendable, Equatable {
  public let smaller: String
  public let larger: String
  public let f: Double
  public let numeratorDegrees: Int
  public let denominatorDegrees: Int
  /// P(F > f): small values say the extra terms of the larger form explain real variance.
  public let p: Double
}

/// Fits named hypotheses, ranks them by AICc, BIC and grouped CV error, and F-tests nested pairs.
public struct HypothesisComparison: Sendable {
  /// Results sorted by AICc (failed fits last, in input order).
  public let results: [HypothesisResult]
  public let nestedTests: [NestedModelTest]
  /// Folds of the cross-validation (0 when skipped).
  public let folds: Int

  /// - Parameters:
  ///   - folds: grouped k-fold CV (groups = rows sharing all feature values); reduced to the group count, skipped below 2.
  public init(hypotheses: [Hypothesis], data: ReportData, folds: Int = 5, seed: UInt64 = 1) {
    let fitting = data.fittingData
    let groups = data.groups
    let k = min(folds, groups.groupCount)
    var results: [HypothesisResult] = []
    for hypothesis in hypotheses {
      let missing = hypothesis.requiredColumns.filter { data.columns[$0] == nil }
      if !missing.isEmpty {
        results.append(
          HypothesisResult(
            hypothesis: hypothesis, fit: nil, crossValidation: nil,
            failure: "needs column(s) \(missing.joined(separator: ", "))"))
        continue
      }
      do {
        let fit = try RobustFit.fit(hypothesis.formula, data: fitting, starts: hypothesis.starts)
        let cv =
          k >= 2
          ? try? FormulaCrossValidation(
            expression: hypothesis.formula, data: fitting, groups: groups, k: k,
            seed: seed, starts: fit.values) : nil
        results.append(HypothesisResult(hypothesis: hypothesis, fit: fit, crossValidation: cv, failure: nil))
      } catch {
        results.append(HypothesisResult(hypothesis: hypothesis, fit: nil, crossValidation: nil, failure: "\(error)"))
      }
    }
    let best = results.compactMap { $0.fit?.goodness.aicc }.min()
    if let best {
      let total = results.compactMap { $0.fit?.goodness.aicc }.map { Foundation.exp(-($0 - best) / 2) }.reduce(0, +)
      for i in results.indices {
        if let aicc = results[i].fit?.goodness.aicc {
          results[i].deltaAICc = aicc - best
          results[i].aiccWeight = Foundation.exp(-(aicc - best) / 2) / total
        }
      }
    }
    let order = results.indices.sorted { i, j in
      switch (results[i].fit?.goodness.aicc, results[j].fit?.goodness.aicc) {
      case (let a?, let b?): return a != b ? a < b : i < j
      case (.some, nil): return true
      case (nil, .some): return false
      case (nil, nil): return i < j
      }
    }
    self.results = order.map { results[$0] }
    self.folds = k >= 2 ? k : 0
    self.nestedTests = Self.nestedTests(self.results, data: fitting)
  }

  /// The hypothesis with the smallest AICc.
  public var best: HypothesisResult? { results.first { $0.fit != nil } }

  /// Rank (1 = best) of each fitted hypothesis by BIC, by name.
  public var bicRanks: [String: Int] { ranks { $0.fit?.goodness.bic } }
  /// Rank (1 = best) by mean out-of-fold RMSE, by name.
  public var cvRanks: [String: Int] { ranks { $0.crossValidation?.rmseMean } }

  private func ranks(_ key: (HypothesisResult) -> Double?) -> [String: Int] {
    let scored = results.compactMap { r in key(r).map { (r.name, $0) } }.sorted { $0.1 < $1.1 }
    var out: [String: Int] = [:]
    for (i, item) in scored.enumerated() where out[item.0] == nil { out[item.0] = i + 1 }
    return out
  }

  private static func nestedTests(_ results: [HypothesisResult], data: FittingData) -> [NestedModelTest] {
    let fitted = results.compactMap { r -> (String, FormulaFit)? in
      guard let fit = r.fit, fit.isLinearInConstants else { return nil }
      return (r.name, fit)
    }
    let designs = fitted.map { design(of: $0.1, data: data) }
    var tests: [NestedModelTest] = []
    for (i, small) in fitted.enumerated() {
      for (j, large) in fitted.enumerated() where i != j {
        let pSmall = small.1.constants.count
        let pLarge = large.1.constants.count
        guard pSmall < pLarge, let ds = designs[i], let dl = designs[j], nests(ds, in: dl) else { continue }
        guard let rssSmall = small.1.goodness.residualSumOfSquares,
          let rssLarge = large.1.goodness.residualSumOfSquares
        else { continue }
        let d1 = pLarge - pSmall
        let d2 = data.rowCount - pLarge
        guard d2 > 0, rssLarge > 0 else { continue }
        let f = max(0, (rssSmall - rssLarge) / Double(d1)) / (rssLarge / Double(d2))
        guard let p = FDistribution.upperTail(f, d1: Double(d1), d2: Double(d2)) else { continue }
        tests.append(
          NestedModelTest(
            smaller: small.0, larger: large.0, f: f, numeratorDegrees: d1,
            denominatorDegrees: d2, p: p))
      }
    }
    return tests
  }

  /// Offset f(x; 0) and design columns ∂f/∂cⱼ of a linear-in-constants fit.
  private static func design(of fit: FormulaFit, data: FittingData) -> (offset: [Double], columns: [[Double]])? {
    let zeros = Dictionary(uniqueKeysWithValues: fit.constantNames.map { ($0, 0.0) })
    let n = data.rowCount
    let offset = fit.expression.evaluate(columns: data.columns, constants: zeros, rowCount: n)
    let columns = fit.constantNames.map {
      fit.expression.derivative(withRespectTo: $0).evaluate(columns: data.columns, constants: zeros, rowCount: n)
    }
    guard offset.allSatisfy(\.isFinite), columns.allSatisfy({ $0.allSatisfy(\.isFinite) }) else { return nil }
    return (offset, columns)
  }

  /// Whether every column (and the offset) of `small` lies in the span of `large`'s columns (and offset).
  private static func nests(
    _ small: (offset: [Double], columns: [[Double]]),
    in large: (offset: [Double], columns: [[Double]])
  ) -> Bool {
    let offsetGap = zip(small.offset, large.offset).map { abs($0 - $1) }.max() ?? 0
    let offsetScale = (small.offset + large.offset).map(abs).max() ?? 0
    guard offsetGap <= 1e-9 * max(1, offsetScale) else { return false }
    let solver = LinearLeastSquares(covarianceScaling: .none)
    for column in small.columns {
      let total = column.reduce(0) { $0 + $1 * $1 }
      guard total > 0 else { continue }
      guard let fit = try? solver.fit(columns: large.columns, targets: column) else { return false }
      if fit.chiSquared > 1e-10 * total { return false }
    }
    return true
  }
}
