/// Algebraic canonical form used by the simplifier: n-ary sums and products with all numbers folded into one
/// coefficient, fixed-exponent powers, and the remaining functions. `free` marks numbers that came from fitted
/// constants (they stay fitted constants); other numbers are fixed literals.
indirect enum CanonicalTerm: Hashable {
  case number(Double, free: Bool)
  case variable(Int)
  case sum([CanonicalTerm])
  case product([CanonicalTerm])
  case power(CanonicalTerm, Double)
  case function(Opcode, CanonicalTerm)

  var numberValue: Double? {
    if case .number(let v, _) = self { return v }
    return nil
  }

  /// A structural key for sorting that ignores the values of fitted constants.
  var sortKey: String {
    switch self {
    case .number(let v, let free): return free ? "0c" : "0#\(v)"
    case .variable(let i): return "1v\(i)"
    case .sum(let ts): return "4(" + ts.map(\.sortKey).joined(separator: "+") + ")"
    case .product(let fs): return "3(" + fs.map(\.sortKey).joined(separator: "*") + ")"
    case .power(let b, let e): return "2p" + b.sortKey + "^\(e)"
    case .function(let op, let a): return "2f\(op.rawValue)(" + a.sortKey + ")"
    }
  }

  /// Splits a term into its numeric coefficient and the rest (nil rest for a bare number).
  var coefficientSplit: (coefficient: Double, free: Bool, rest: CanonicalTerm?) {
    switch self {
    case .number(let v, let f): return (v, f, nil)
    case .product(let fs):
      if case .number(let v, let f) = fs.first {
        let rest = Array(fs.dropFirst())
        return (v, f, rest.count == 1 ? rest[0] : .product(rest))
      }
      return (1, false, self)
    default: return (1, false, self)
    }
  }

  /// The terms of a sum, or the term itself.
  var summands: [CanonicalTerm] {
    if case .sum(let inner) = self { return inner }
    return [self]
  }

  /// The factors of a product, or the term itself.
  var factors: [CanonicalTerm] {
    if case .product(let inner) = self { return inner }
    return [self]
  }
}
