import Expressions
import Foundation
import Statistics
import Support
import SymbolicRegression

/// Fits power laws `a + b*(n^p - 1)/p + c*(T^q - 1)/q + d*(AMI^r - 1)/r` (Box–Cox terms: a power x^p rescaled so that
/// p → 0 gives log x) and the Maurer-style variant with `(n*T)^q`,
/// and says whether the theory's exponents 0.5 / −0.5 lie inside each exponent's 95% CI.
public struct ExponentAnalysis: Sendable {
  /// One fitted exponent.
  public struct Exponent: Sendable {
    /// The term the exponent applies to, e.g. "n" or "n*T".
    public let term: String
    /// Constant name of the exponent in the formula.
    public let constant: String
    public let value: Double
    public let standardError: Double?
    public let lower: Double?
    public let upper: Double?
    /// Whether the coefficient multiplying the power is itself distinguishable from 0 (else the exponent means little).
    public let coefficientExcludesZero: Bool

    public var containsHalf: Bool? { contains(0.5) }
    public var containsMinusHalf: Bool? { contains(-0.5) }
    /// Whether 0 (a logarithmic law, the limit of the Box–Cox term) lies inside the CI.
    public var containsZero: Bool? { contains(0) }

    func contains(_ x: Double) -> Bool? {
      guard let lower, let upper else { return nil }
      return lower <= x && x <= upper
    }

    /// One plain-words sentence on this exponent.
    public var verdict: String {
      let estimate = ReportFormat.number(value, digits: 3)
      guard let lower, let upper else {
        if abs(value) < 1e-3 {
          return
            "The exponent of \(term) goes to 0 (\(estimate)): the power collapses to a constant or, with a growing "
            + "coefficient, to log(\(term)) (x^p ≈ 1 + p·log x as p → 0), so no power law is preferred; no CI exists at that limit."
        }
        return
          "The exponent of \(term) is \(estimate); its confidence interval could not be computed (the fit is not identifiable)."
      }
      let ci = "95% CI \(ReportFormat.number(lower, digits: 3)) to \(ReportFormat.number(upper, digits: 3))"
      var parts: [String] = []
      let root = term.contains("*") ? "√(\(term))" : "√\(term)"
      parts.append(
        contains(0.5)!
          ? "contains 0.5 (a \(root) law is consistent with the data)"
          : "excludes 0.5 (the data reject a \(root) law)")
      parts.append(contains(-0.5)! ? "contains −0.5 (1/\(root) is consistent)" : "excludes −0.5")
      if contains(0)! { parts.append("contains 0 (a logarithm, log \(term), is consistent)") }
      var sentence = "The exponent of \(term) is \(estimate) (\(ci)): it \(parts.joined(separator: " and "))."
      if !coefficientExcludesZero {
        sentence += " Its coefficient's CI includes 0, so this exponent is poorly determined."
      }
      return sentence
    }
  }

  /// One power-law model.
  public struct Model: Sendable {
    public let name: String
    public let formula: Expressions.Expression
    public let fit: FormulaFit?
    public let exponents: [Exponent]
    public let failure: String?
    /// Rows left out because a powered term is not positive there (x^p and its derivative in p need x > 0).
    public let excludedRows: Int
  }

  public let models: [Model]

  /// - Parameter terms: features to put under a power (default: those of n, n_main, n_aux, T, AMI present in the data).
  public init(data: ReportData, terms: [String]? = nil) {
    let available = terms ?? ["n", "n_main", "n_aux", "T", "AMI"].filter { data.columns[$0] != nil }
    // A power of a feature with fewer than 3 distinct values is not identifiable.
    let usable = available.filter { name in Set(data.columns[name] ?? []).count >= 3 }
    var models: [Model] = []
    if !usable.isEmpty {
      models.append(
        Self.fitModel(
          name: "power", terms: usable.map { ($0, Expression.symbol($0)) }, data: data,
          startExponent: 0.5))
    }
    if usable.contains("n"), usable.contains("T") {
      var terms: [(String, Expression)] = [
        ("n", .symbol("n")), ("n*T", .binary(.multiply, .symbol("n"), .symbol("T"))),
      ]
      if usable.contains("AMI") { terms.append(("AMI", .symbol("AMI"))) }
      models.append(Self.fitModel(name: "maurer_power", terms: terms, data: data, startExponent: -0.5))
    }
    self.models = models
  }

  private static let coefficientNames = ["a", "b", "c", "d", "e", "g", "h", "k", "m"]
  private static let exponentNames = ["p", "q", "r", "s", "u", "v", "w"]

  static func fitModel(name: String, terms: [(String, Expression)], data: ReportData, startExponent: Double) -> Model {
    let taken = Set(data.columns.keys)
    let coefficients = coefficientNames.filter { !taken.contains($0) }
    let exponents = exponentNames.filter { !taken.contains($0) }
    guard coefficients.count > terms.count, exponents.count >= terms.count else {
      return Model(
        name: name, formula: .number(0), fit: nil, exponents: [], failure: "constant names clash with columns",
        excludedRows: 0)
    }
    let bases = terms.map { $0.1.evaluate(columns: data.columns, constants: [:], rowCount: data.rowCount) }
    let kept = (0..<data.rowCount).filter { i in bases.allSatisfy { $0[i] > 0 && $0[i].isFinite } }
    let excluded = data.rowCount - kept.count
    let data = excluded > 0 ? data.selecting(kept) : data
    var formula: Expression = .symbol(coefficients[0])
    for (i, term) in terms.enumerated() {
      // Box–Cox form b*(x^p − 1)/p: the same curves as b*x^p (plus a constant), but it tends to b*log(x) as p → 0,
      // so the exponent stays identifiable (with a CI) when the data prefer a logarithm.
      let power: Expression = .binary(.power, term.1, .symbol(exponents[i]))
      let scaled: Expression = .binary(.multiply, .symbol(coefficients[i + 1]), .binary(.subtract, power, .number(1)))
      formula = .binary(.add, formula, .binary(.divide, scaled, .symbol(exponents[i])))
    }
    // Start from the linear fit with every exponent at ±0.5, keep the best converged fit.
    var best: FormulaFit?
    var lastError = "no start converged"
    for start in [startExponent, -startExponent] {
      let fixed = Dictionary(uniqueKeysWithValues: terms.indices.map { (exponents[$0], start) })
      var starts = fixed
      if let linear = try? FormulaFit(expression: formula.substituting(fixed), data: data.fittingData) {
        for (k, v) in linear.values { starts[k] = v }
      }
      do {
        let fit = try FormulaFit(expression: formula, data: data.fittingData, starts: starts)
        if let rss = fit.goodness.residualSumOfSquares,
          best == nil || rss < (best?.goodness.residualSumOfSquares ?? .infinity)
        {
          best = fit
        }
      } catch {
        lastError = "\(error)"
      }
    }
    guard let fit = best else {
      return Model(name: name, formula: formula, fit: nil, exponents: [], failure: lastError, excludedRows: excluded)
    }
    let byName = Dictionary(uniqueKeysWithValues: fit.constants.map { ($0.name, $0) })
    let result = terms.indices.compactMap { i -> Exponent? in
      guard let c = byName[exponents[i]] else { return nil }
      return Exponent(
        term: terms[i].0, constant: c.name, value: c.value, standardError: c.standardError,
        lower: c.lower, upper: c.upper,
        coefficientExcludesZero: byName[coefficients[i + 1]]?.excludesZero ?? false)
    }
    return Model(name: name, formula: formula, fit: fit, exponents: result, failure: nil, excludedRows: excluded)
  }

  /// The analysis as a JSON section.
  public var json: JSONValue {
    .array(
      models.map { model in
        .object([
          ("name", .string(model.name)), ("formula", .string(model.formula.description)),
          ("r2", .number(model.fit?.goodness.r2)), ("aicc", .number(model.fit?.goodness.aicc)),
          ("failure", model.failure.map { .string($0) } ?? .null), ("excluded_rows", .integer(model.excludedRows)),
          (
            "exponents",
            .array(
              model.exponents.map { e in
                .object([
                  ("term", .string(e.term)), ("constant", .string(e.constant)), ("value", .number(e.value)),
                  ("stderr", .number(e.standardError)),
                  ("ci95", e.lower != nil && e.upper != nil ? .array([.number(e.lower), .number(e.upper)]) : .null),
                  ("contains_0.5", e.containsHalf.map { .bool($0) } ?? .null),
                  ("contains_-0.5", e.containsMinusHalf.map { .bool($0) } ?? .null),
                  ("contains_0", e.containsZero.map { .bool($0) } ?? .null),
                  ("verdict", .string(e.verdict)),
                ])
              })
          ),
        ])
      })
  }
}
