import Expressions

/// The structure of a formula with its constants abstracted: two formulas that differ only in constant
/// values (or names) get the same key. Constants (non-variable symbols, and numbers other than integers
/// within ±10) become `C`; operands of `+` and `*` are put in a fixed order. The key is printed in formula syntax.
public enum StructureKey {
  public static func key(_ expression: Expressions.Expression, variables: Set<String>) -> String {
    abstracted(expression.simplified(), variables: variables).description
  }

  /// The formula with constants replaced by the symbol `C` and commutative operands ordered.
  static func abstracted(_ e: Expressions.Expression, variables: Set<String>) -> Expressions.Expression {
    switch e {
    case .number(let x):
      return x == x.rounded() && abs(x) <= 10 ? e : .symbol("C")
    case .symbol(let name):
      return variables.contains(name) ? e : .symbol("C")
    case .unary(let f, let x):
      return .unary(f, abstracted(x, variables: variables))
    case .binary(let op, let a, let b):
      let left = abstracted(a, variables: variables)
      let right = abstracted(b, variables: variables)
      if op == .add || op == .multiply, right.description < left.description { return .binary(op, right, left) }
      return .binary(op, left, right)
    }
  }
}
