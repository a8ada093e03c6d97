/// Decides whether a formula, with its fitted constants as symbols, is exactly `c0 + c1/sqrt(n) + c2*sqrt(AMI)`.
///
/// The formula must be a sum (or difference) of exactly three terms, each the product of one distinct constant
/// symbol with, respectively, nothing, n^(−1/2) and AMI^(1/2) (written with `/`, `sqrt` or `^` in any arrangement).
/// Any other number, feature or constant fails the match.
enum RecoveryStructure {
  static func matches(_ expression: Expression, constants: Set<String>) -> Bool {
    var terms: [Expression] = []
    collectTerms(expression, into: &terms)
    guard terms.count == 3 else { return false }
    var shapes: [[String: Double]] = []
    var used: Set<String> = []
    for term in terms {
      var factors: [String: Double] = [:]
      guard monomial(term, exponent: 1, into: &factors) else { return false }
      let names = factors.keys.filter { constants.contains($0) }
      guard names.count == 1, let c = names.first, factors[c] == 1, !used.contains(c) else { return false }
      used.insert(c)
      factors[c] = nil
      shapes.append(factors)
    }
    let wanted: [[String: Double]] = [[:], ["n": -0.5], ["AMI": 0.5]]
    return wanted.allSatisfy { w in shapes.contains(w) } && shapes.count == wanted.count
  }

  private static func collectTerms(_ e: Expression, into terms: inout [Expression]) {
    switch e {
    case .binary(.add, let a, let b), .binary(.subtract, let a, let b):
      collectTerms(a, into: &terms)
      collectTerms(b, into: &terms)
    case .unary(.negate, let a):
      collectTerms(a, into: &terms)
    default:
      terms.append(e)
    }
  }

  /// Adds the symbol exponents of a product/quotient/power term; false for anything else (numbers included).
  private static func monomial(_ e: Expression, exponent: Double, into factors: inout [String: Double]) -> Bool {
    switch e {
    case .symbol(let s):
      factors[s, default: 0] += exponent
      if factors[s] == 0 { factors[s] = nil }
      return true
    case .unary(.negate, let a):
      return monomial(a, exponent: exponent, into: &factors)
    case .unary(.sqrt, let a):
      return monomial(a, exponent: exponent * 0.5, into: &factors)
    case .binary(.multiply, let a, let b):
      return monomial(a, exponent: exponent, into: &factors) && monomial(b, exponent: exponent, into: &factors)
    case .binary(.divide, let a, let b):
      if case .number(1) = a { return monomial(b, exponent: -exponent, into: &factors) }
      return monomial(a, exponent: exponent, into: &factors) && monomial(b, exponent: -exponent, into: &factors)
    case .binary(.power, let a, .number(let k)):
      return monomial(a, exponent: exponent * k, into: &factors)
    default:
      return false
    }
  }
}
