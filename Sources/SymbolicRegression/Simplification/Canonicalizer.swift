/// Builds canonical terms, applying the simplification rules as terms are combined.
enum Canonicalizer {
  static func number(_ v: Double, free: Bool) -> CanonicalTerm { .number(v, free: free) }

  static func sorted(_ ts: [CanonicalTerm]) -> [CanonicalTerm] {
    ts.sorted { l, r in
      let a = l.sortKey
      let b = r.sortKey
      if a != b { return a < b }
      return "\(l)" < "\(r)"
    }
  }

  static func sum(_ input: [CanonicalTerm]) -> CanonicalTerm {
    let flat = input.flatMap(\.summands)
    var constant = 0.0
    var constantFree = false
    var hasConstant = false
    var order: [CanonicalTerm] = []
    var coefficients: [CanonicalTerm: (Double, Bool)] = [:]
    for t in flat {
      let (c, f, rest) = t.coefficientSplit
      guard let rest else {
        constant += c
        constantFree = constantFree || f
        hasConstant = true
        continue
      }
      if let (c0, f0) = coefficients[rest] {
        coefficients[rest] = (c0 + c, f0 || f)
      } else {
        coefficients[rest] = (c, f)
        order.append(rest)
      }
    }
    var terms: [CanonicalTerm] = []
    for rest in order {
      guard let (c, f) = coefficients[rest] else { continue }
      if c == 0 && !f { continue }
      terms.append(product([.number(c, free: f), rest]))
    }
    terms = sorted(terms)
    if hasConstant && (constant != 0 || constantFree) {
      terms.insert(.number(constant, free: constantFree), at: 0)
    }
    if terms.isEmpty { return .number(hasConstant ? constant : 0, free: constantFree) }
    if terms.count == 1 { return terms[0] }
    return .sum(terms)
  }

  static func product(_ input: [CanonicalTerm]) -> CanonicalTerm {
    let flat = input.flatMap(\.factors)
    var coefficient = 1.0
    var free = false
    var order: [CanonicalTerm] = []
    var exponents: [CanonicalTerm: Double] = [:]
    for t in flat {
      switch t {
      case .number(let v, let f):
        coefficient *= v
        free = free || f
      default:
        var base = t
        var e = 1.0
        if case .power(let b, let x) = t {
          base = b
          e = x
        }
        if let e0 = exponents[base] {
          exponents[base] = e0 + e
        } else {
          exponents[base] = e
          order.append(base)
        }
      }
    }
    if coefficient == 0 && !free { return .number(0, free: false) }
    var factors: [CanonicalTerm] = []
    for base in order {
      guard let e = exponents[base], e != 0 else { continue }
      let f = power(base, e)
      if case .number(let v, let fr) = f {
        coefficient *= v
        free = free || fr
      } else {
        factors.append(f)
      }
    }
    factors = sorted(factors)
    // Distribute a coefficient over a single sum whose every term already carries a number:
    // a*(b*x + c) -> (a*b)*x + a*c, so no two constants are redundant.
    if factors.count == 1, case .sum(let terms) = factors[0], coefficient != 1 || free {
      // With a fitted coefficient every term must already hold a fitted number (else constants multiply).
      let allCarry = terms.allSatisfy { t in
        if case .number(_, let f) = t { return f || !free }
        if case .product(let fs) = t, case .number(_, let f) = fs.first { return f || !free }
        return false
      }
      if allCarry {
        return sum(terms.map { product([.number(coefficient, free: free), $0]) })
      }
    }
    if factors.isEmpty { return .number(coefficient, free: free) }
    let result: CanonicalTerm
    if coefficient == 1 && !free {
      result = factors.count == 1 ? factors[0] : .product(factors)
    } else {
      result = .product([.number(coefficient, free: free)] + factors)
    }
    // Distribute the other factors over a single sum when that makes the formula smaller:
    // (a*sqrt(n) - n*b)/n -> a/sqrt(n) - b.
    let sums = factors.filter { if case .sum = $0 { return true } else { return false } }
    if sums.count == 1, factors.count > 1 || coefficient != 1 || free, case .sum(let terms) = sums[0] {
      let others =
        [CanonicalTerm.number(coefficient, free: free)]
        + factors.filter { if case .sum = $0 { return false } else { return true } }
      let distributed = sum(terms.map { product(others + [$0]) })
      let (s0, f0) = measure(result)
      let (s1, f1) = measure(distributed)
      if s1 <= s0 && f1 <= f0 { return distributed }
    }
    return result
  }

  /// Complexity and number of fitted constants of a term.
  static func measure(_ t: CanonicalTerm) -> (size: Int, free: Int) {
    var nodes: [Node] = []
    emit(t, into: &nodes)
    let p = Program(nodes)
    return (p.complexity, p.constantIndices.count)
  }

  static func power(_ base: CanonicalTerm, _ e: Double) -> CanonicalTerm {
    if e == 1 { return base }
    if e == 0 { return .number(1, free: false) }
    switch base {
    case .number(let v, let f):
      let r = _pow(v, e)
      if r.isFinite { return .number(r, free: f) }
    case .power(let b, let e2)
    where e == e.rounded() || !(e2 == e2.rounded() && e2.truncatingRemainder(dividingBy: 2) == 0):
      // (x^a)^b = x^(ab) unless a is even and b is not an integer ((x^2)^0.5 is |x|).
      return power(b, e * e2)
    case .product(let fs):
      if case .number(let c, let f) = fs.first, c > 0 || e == e.rounded() {
        let rest = Array(fs.dropFirst())
        let r = _pow(c, e)
        if r.isFinite {
          return product([.number(r, free: f), power(rest.count == 1 ? rest[0] : .product(rest), e)])
        }
      }
    default: break
    }
    return .power(base, e)
  }

  static func function(_ op: Opcode, _ a: CanonicalTerm) -> CanonicalTerm {
    if case .number(let v, let f) = a {
      let r: Double
      switch op {
      case .sqrt: r = v.squareRoot()
      case .log: r = _log(v)
      case .exp: r = _exp(v)
      default: r = Swift.abs(v)
      }
      if r.isFinite { return .number(r, free: f) }
      return .function(op, a)
    }
    switch (op, a) {
    case (.exp, .function(.log, let inner)), (.log, .function(.exp, let inner)):
      return inner
    case (.log, .power(let base, let e)) where !(e == e.rounded() && e.truncatingRemainder(dividingBy: 2) == 0):
      // log(x^e) = e*log(x) wherever the left side is defined (e not an even integer).
      return product([.number(e, free: false), function(.log, base)])
    case (.log, .product(let fs)):
      if case .number(let c, let f) = fs.first, c > 0 {
        let rest = Array(fs.dropFirst())
        return sum([.number(_log(c), free: f), .function(.log, rest.count == 1 ? rest[0] : .product(rest))])
      }
    case (.exp, .sum(let ts)):
      if case .number(let c, let f) = ts.first {
        let rest = Array(ts.dropFirst())
        return product([.number(_exp(c), free: f), .function(.exp, rest.count == 1 ? rest[0] : .sum(rest))])
      }
    case (.abs, .product(let fs)):
      if case .number(let c, let f) = fs.first {
        let rest = Array(fs.dropFirst())
        return product([.number(Swift.abs(c), free: f), .function(.abs, rest.count == 1 ? rest[0] : .product(rest))])
      }
    default: break
    }
    return .function(op, a)
  }

  /// Canonical form of a program (nil if the program is invalid).
  static func canonical(_ program: Program) -> CanonicalTerm? {
    guard program.isValid else { return nil }
    var stack: [CanonicalTerm] = []
    for node in program.nodes {
      switch node.opcode {
      case .constant: stack.append(.number(node.value, free: true))
      case .literal: stack.append(.number(node.value, free: false))
      case .variable: stack.append(.variable(Int(node.feature)))
      case .add, .subtract, .multiply, .divide:
        let b = stack.removeLast()
        let a = stack.removeLast()
        switch node.opcode {
        case .add: stack.append(sum([a, b]))
        case .subtract: stack.append(sum([a, product([.number(-1, free: false), b])]))
        case .multiply: stack.append(product([a, b]))
        default: stack.append(product([a, power(b, -1)]))
        }
      case .negate: stack.append(product([.number(-1, free: false), stack.removeLast()]))
      case .square: stack.append(power(stack.removeLast(), 2))
      case .power: stack.append(power(stack.removeLast(), node.value))
      case .sqrt: stack.append(power(stack.removeLast(), 0.5))
      case .log, .exp, .abs: stack.append(function(node.opcode, stack.removeLast()))
      }
    }
    return stack.last
  }
}
