extension Expression {
  /// The exact derivative with respect to the symbol `name`, lightly simplified (numbers folded,
  /// `x*1`, `x*0`, `x+0`, `0-x`, `x^1` removed).
  ///
  /// Rules: `d sqrt(u) = u'/(2*sqrt(u))`, `d log(u) = u'/u`, `d exp(u) = u'*exp(u)`,
  /// `d abs(u) = u'*u/abs(u)` (the sign of `u`; NaN at 0), `d u^c = c*u^(c-1)*u'` for an exponent
  /// free of `name`, `d c^v = c^v*log(c)*v'` for a base free of `name`, and
  /// `d u^v = u^v*(v'*log(u) + v*u'/u)` otherwise.
  public func derivative(withRespectTo name: String) -> Expression {
    switch self {
    case .number:
      return .number(0)
    case .symbol(let s):
      return .number(s == name ? 1 : 0)
    case .unary(let function, let u):
      let du = u.derivative(withRespectTo: name)
      if case .number(0) = du { return .number(0) }
      switch function {
      case .negate:
        return Simplify.negate(du)
      case .sqrt:
        return Simplify.divide(du, Simplify.multiply(.number(2), .unary(.sqrt, u)))
      case .log:
        return Simplify.divide(du, u)
      case .exp:
        return Simplify.multiply(du, .unary(.exp, u))
      case .abs:
        return Simplify.multiply(du, Simplify.divide(u, .unary(.abs, u)))
      }
    case .binary(let op, let u, let v):
      let du = u.derivative(withRespectTo: name)
      let dv = v.derivative(withRespectTo: name)
      let duZero = du == .number(0)
      let dvZero = dv == .number(0)
      if duZero && dvZero { return .number(0) }
      switch op {
      case .add:
        return Simplify.add(du, dv)
      case .subtract:
        return Simplify.subtract(du, dv)
      case .multiply:
        return Simplify.add(Simplify.multiply(du, v), Simplify.multiply(u, dv))
      case .divide:
        if dvZero { return Simplify.divide(du, v) }
        let numerator = Simplify.subtract(Simplify.multiply(du, v), Simplify.multiply(u, dv))
        return Simplify.divide(numerator, Simplify.power(v, .number(2)))
      case .power:
        if dvZero {
          // d u^c = c * u^(c-1) * u'
          let reduced: Expression
          if case .number(let c) = v {
            reduced = Simplify.power(u, .number(c - 1))
          } else {
            reduced = Simplify.power(u, Simplify.subtract(v, .number(1)))
          }
          return Simplify.multiply(Simplify.multiply(v, reduced), du)
        }
        if duZero {
          // d c^v = c^v * log(c) * v'
          return Simplify.multiply(Simplify.multiply(self, .unary(.log, u)), dv)
        }
        let inner = Simplify.add(
          Simplify.multiply(dv, .unary(.log, u)),
          Simplify.divide(Simplify.multiply(v, du), u))
        return Simplify.multiply(self, inner)
      }
    }
  }
}
