extension Canonicalizer {
  // Back to postfix.

  static func emit(_ t: CanonicalTerm, into out: inout [Node]) {
    switch t {
    case .number(let v, let free):
      if !free && v < 0 {
        out.append(.literal(-v))
        out.append(.op(.negate))
      } else {
        out.append(free ? .constant(v) : .literal(v))
      }
    case .variable(let i):
      out.append(.variable(i))
    case .sum(let terms):
      // Put a term without a negative literal coefficient first when possible.
      var ts = terms
      if let k = ts.firstIndex(where: { !isNegativeLiteralTerm($0) }), k != 0 {
        let first = ts.remove(at: k)
        ts.insert(first, at: 0)
      }
      for (k, term) in ts.enumerated() {
        if k > 0 && isNegativeLiteralTerm(term) {
          emit(negatedLiteralTerm(term), into: &out)
          out.append(.op(.subtract))
        } else {
          emit(term, into: &out)
          if k > 0 { out.append(.op(.add)) }
        }
      }
    case .product(let factors):
      var coefficient: CanonicalTerm?
      var numerator: [CanonicalTerm] = []
      var denominator: [CanonicalTerm] = []
      for f in factors {
        switch f {
        case .number: coefficient = f
        case .power(let b, let e) where e < 0: denominator.append(power(b, -e))
        default: numerator.append(f)
        }
      }
      var negate = false
      if case .number(let v, false)? = coefficient {
        if v == 1 {
          coefficient = nil
        } else if v == -1 {
          coefficient = nil
          negate = true
        }
      }
      var count = 0
      if let c = coefficient {
        emit(c, into: &out)
        count += 1
      }
      for f in numerator {
        emit(f, into: &out)
        count += 1
        if count > 1 { out.append(.op(.multiply)) }
      }
      if count == 0 { out.append(.literal(1)) }
      for (k, d) in denominator.enumerated() {
        emit(d, into: &out)
        if k > 0 { out.append(.op(.multiply)) }
      }
      if !denominator.isEmpty { out.append(.op(.divide)) }
      if negate { out.append(.op(.negate)) }
    case .power(let b, let e):
      if e < 0 {
        out.append(.literal(1))
        emit(power(b, -e), into: &out)
        out.append(.op(.divide))
        return
      }
      emit(b, into: &out)
      if e == 2 { out.append(.op(.square)) } else if e == 0.5 { out.append(.op(.sqrt)) } else { out.append(.power(e)) }
    case .function(let op, let a):
      emit(a, into: &out)
      out.append(.op(op))
    }
  }

  static func isNegativeLiteralTerm(_ t: CanonicalTerm) -> Bool {
    switch t {
    case .number(let v, false): return v < 0
    case .product(let fs):
      if case .number(let v, false) = fs.first { return v < 0 }
      return false
    default: return false
    }
  }

  static func negatedLiteralTerm(_ t: CanonicalTerm) -> CanonicalTerm {
    switch t {
    case .number(let v, let f): return .number(-v, free: f)
    case .product(var fs):
      if case .number(let v, let f) = fs.first {
        if v == -1 {
          fs.removeFirst()
          return fs.count == 1 ? fs[0] : .product(fs)
        }
        fs[0] = .number(-v, free: f)
      }
      return .product(fs)
    default: return t
    }
  }
}
