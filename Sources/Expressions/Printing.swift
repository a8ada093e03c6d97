/// Binding strength of a node when printed; larger binds tighter.
enum PrintPrecedence: Int, Comparable {
  case sum = 1
  case product = 2
  case negation = 3
  case power = 4
  case atom = 5

  static func < (a: PrintPrecedence, b: PrintPrecedence) -> Bool { a.rawValue < b.rawValue }
}

extension Expression {
  /// How tightly this node binds when printed. Negative numbers print with a leading minus and
  /// so bind like a negation.
  var printPrecedence: PrintPrecedence {
    switch self {
    case .number(let value):
      return NumberFormatting.isNegative(value) ? .negation : .atom
    case .symbol:
      return .atom
    case .unary(let function, _):
      return function == .negate ? .negation : .atom
    case .binary(let op, _, _):
      switch op {
      case .add, .subtract: return .sum
      case .multiply, .divide: return .product
      case .power: return .power
      }
    }
  }

  /// True when the printed text starts with a minus sign (a negative number or a negation,
  /// possibly as the leftmost factor of a product or quotient).
  var printsLeadingMinus: Bool {
    switch self {
    case .number(let value):
      return NumberFormatting.isNegative(value)
    case .symbol:
      return false
    case .unary(let function, _):
      return function == .negate
    case .binary(let op, let left, _):
      switch op {
      case .multiply, .divide:
        // A sum on the left is parenthesised, so the text then starts with '('.
        return left.printPrecedence > .sum && left.printsLeadingMinus
      case .add, .subtract:
        return left.printsLeadingMinus
      case .power: return false
      }
    }
  }

  /// Whether a child printed in this position needs parentheses to parse back to the same tree.
  static func needsParentheses(child: Expression, of op: BinaryOperator, isRight: Bool) -> Bool {
    let p = child.printPrecedence
    switch op {
    case .add, .subtract:
      // Right operands: `a - (b + c)`, `a + (-b)` and `a - (-b*c)` keep their grouping and read well.
      return isRight ? p <= .sum || child.printsLeadingMinus : false
    case .multiply, .divide:
      return isRight ? p <= .product || p == .negation : p < .product
    case .power:
      // Right-associative: `2^3^2` is `2^(3^2)`; the base needs parentheses unless it is an atom.
      return isRight ? p < .power || p == .negation : p <= .power
    }
  }
}

extension Expression: CustomStringConvertible {
  /// The formula in our syntax with minimal parentheses (`a + b*sqrt(n) - c/x^2`). It parses back
  /// to an equal ``Expression`` (for finite numbers). Integers print without `.0`; other numbers
  /// use Swift's shortest round-trip representation.
  public var description: String {
    var out = ""
    write(to: &out, style: .native)
    return out
  }

  /// The formula in our syntax for reading: like ``description``, but a term with a leading minus is subtracted
  /// (`a - 3900/(c + n)` rather than `a + (-3900/(c + n))`). It parses back to an equal *value*, not always to the
  /// same tree.
  public var readable: String {
    var out = ""
    write(to: &out, style: .readable)
    return out
  }

  enum PrintStyle { case native, readable, sympy }

  func write(to out: inout String, style: PrintStyle) {
    switch self {
    case .number(let value):
      out += Expression.formatNumber(value, style: style)
    case .symbol(let name):
      out += name
    case .unary(let function, let operand):
      if function == .negate {
        out += "-"
        // `-(2)` keeps a negated positive literal distinct from the literal `-2`.
        let parenthesise: Bool
        switch operand {
        case .number: parenthesise = true
        default: parenthesise = operand.printPrecedence < .power
        }
        operand.writeWrapped(to: &out, style: style, parenthesise: parenthesise)
      } else {
        out += style == .sympy && function == .abs ? "Abs" : function.rawValue
        out += "("
        operand.write(to: &out, style: style)
        out += ")"
      }
    case .binary(let op, let left, let right)
    where style != .native && (op == .add || op == .subtract)
      && right.printsLeadingMinus && right.printPrecedence > .sum:
      // sympy and readable text need not keep the tree: `a + (-0.2*x)` prints as `a - 0.2*x`.
      left.write(to: &out, style: style)
      out += op == .add ? " - " : " + "
      var rest = ""
      right.write(to: &rest, style: style)
      rest.removeFirst()
      out += rest
    case .binary(let op, let left, let right):
      left.writeWrapped(
        to: &out, style: style,
        parenthesise: Expression.needsParentheses(child: left, of: op, isRight: false))
      switch op {
      case .add: out += " + "
      case .subtract: out += " - "
      case .multiply: out += "*"
      case .divide: out += "/"
      case .power: out += style == .sympy ? "**" : "^"
      }
      right.writeWrapped(
        to: &out, style: style,
        parenthesise: Expression.needsParentheses(child: right, of: op, isRight: true))
    }
  }

  private func writeWrapped(to out: inout String, style: PrintStyle, parenthesise: Bool) {
    if parenthesise {
      out += "("
      write(to: &out, style: style)
      out += ")"
    } else {
      write(to: &out, style: style)
    }
  }

  static func formatNumber(_ value: Double, style: PrintStyle) -> String {
    if value.isNaN { return "nan" }
    if value.isInfinite {
      switch style {
      case .sympy: return value < 0 ? "-oo" : "oo"
      case .native, .readable: return value < 0 ? "-inf" : "inf"
      }
    }
    return NumberFormatting.shortest(value)
  }
}
