/// Node constructors that apply light simplification: fold numbers, `x*1`, `x*0`, `x+0`, `0-x`,
/// `x/1`, `x^1`, `x^0`, `--x`. The symbolic-regression engine has its own, stronger simplifier.
enum Simplify {
  static func negate(_ x: Expression) -> Expression {
    switch x {
    case .number(let v): return .number(-v)
    case .unary(.negate, let inner): return inner
    default: return .unary(.negate, x)
    }
  }

  static func unary(_ function: UnaryFunction, _ x: Expression) -> Expression {
    if function == .negate { return negate(x) }
    if case .number(let v) = x {
      let folded = function.apply(v)
      if folded.isFinite { return .number(folded) }
    }
    return .unary(function, x)
  }

  static func add(_ a: Expression, _ b: Expression) -> Expression {
    switch (a, b) {
    case (.number(let x), .number(let y)): return .number(x + y)
    case (.number(0), _): return b
    case (_, .number(0)): return a
    case (_, .unary(.negate, let inner)): return subtract(a, inner)
    default: return .binary(.add, a, b)
    }
  }

  static func subtract(_ a: Expression, _ b: Expression) -> Expression {
    switch (a, b) {
    case (.number(let x), .number(let y)): return .number(x - y)
    case (_, .number(0)): return a
    case (.number(0), _): return negate(b)
    case (_, .unary(.negate, let inner)): return add(a, inner)
    default: return .binary(.subtract, a, b)
    }
  }

  static func multiply(_ a: Expression, _ b: Expression) -> Expression {
    switch (a, b) {
    case (.number(let x), .number(let y)): return .number(x * y)
    case (.number(0), _), (_, .number(0)): return .number(0)
    case (.number(1), _): return b
    case (_, .number(1)): return a
    case (.number(-1), _): return negate(b)
    case (_, .number(-1)): return negate(a)
    case (.unary(.negate, let x), .unary(.negate, let y)): return multiply(x, y)
    case (_, .number): return .binary(.multiply, b, a)  // numbers first: 2*x, not x*2
    default: return .binary(.multiply, a, b)
    }
  }

  static func divide(_ a: Expression, _ b: Expression) -> Expression {
    switch (a, b) {
    case (.number(let x), .number(let y)) where y != 0: return .number(x / y)
    case (.number(0), _): return .number(0)
    case (_, .number(1)): return a
    case (_, .number(-1)): return negate(a)
    default: return .binary(.divide, a, b)
    }
  }

  static func power(_ a: Expression, _ b: Expression) -> Expression {
    switch (a, b) {
    case (_, .number(1)): return a
    case (_, .number(0)): return .number(1)
    case (.number(let x), .number(let y)):
      let folded = mathPow(x, y)
      return folded.isFinite ? .number(folded) : .binary(.power, a, b)
    default: return .binary(.power, a, b)
    }
  }

  static func binary(_ op: BinaryOperator, _ a: Expression, _ b: Expression) -> Expression {
    switch op {
    case .add: return add(a, b)
    case .subtract: return subtract(a, b)
    case .multiply: return multiply(a, b)
    case .divide: return divide(a, b)
    case .power: return power(a, b)
    }
  }
}

extension Expression {
  /// A lightly simplified copy: numbers folded and the identities `x+0`, `x-0`, `0-x`, `x*1`,
  /// `x*0`, `x/1`, `x^1`, `x^0`, `--x` removed. Folds that would give NaN or infinity are kept.
  public func simplified() -> Expression {
    switch self {
    case .number, .symbol:
      return self
    case .unary(let function, let operand):
      return Simplify.unary(function, operand.simplified())
    case .binary(let op, let left, let right):
      return Simplify.binary(op, left.simplified(), right.simplified())
    }
  }
}
