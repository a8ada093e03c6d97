/// A formula of the MTLFormulas formula language as a tree.
///
/// Leaves are numeric literals and symbols (a column name or a constant name); inner nodes apply
/// one of the unary functions or binary operators. Parse with ``init(parsing:)``, print with
/// ``description`` (our syntax), ``sympy()`` or ``latex()``.
public indirect enum Expression: Hashable, Sendable {
  /// A numeric literal.
  case number(Double)
  /// An identifier: a column (variable) or a constant name.
  case symbol(String)
  /// A unary function (or negation) applied to an operand.
  case unary(UnaryFunction, Expression)
  /// A binary operator applied to a left and a right operand.
  case binary(BinaryOperator, Expression, Expression)
}

extension Expression {
  /// Every symbol that occurs in the expression.
  public var symbols: Set<String> {
    Set(orderedSymbols)
  }

  /// The distinct symbols in order of first appearance, reading the formula left to right.
  public var orderedSymbols: [String] {
    var seen = Set<String>()
    var order: [String] = []
    collectSymbols(into: &order, seen: &seen)
    return order
  }

  private func collectSymbols(into order: inout [String], seen: inout Set<String>) {
    switch self {
    case .number:
      return
    case .symbol(let name):
      if seen.insert(name).inserted { order.append(name) }
    case .unary(_, let operand):
      operand.collectSymbols(into: &order, seen: &seen)
    case .binary(_, let left, let right):
      left.collectSymbols(into: &order, seen: &seen)
      right.collectSymbols(into: &order, seen: &seen)
    }
  }

  /// The symbols that are not in `variables` (the constants to fit), in order of first
  /// appearance in the formula text, left to right. The order is stable, so it can index a
  /// parameter vector.
  public func constants(variables: Set<String>) -> [String] {
    orderedSymbols.filter { !variables.contains($0) }
  }

  /// Number of nodes in the tree; every leaf, function and operator counts 1.
  public var nodeCount: Int { fold(leaf: 1, unary: { 1 + $0 }, binary: { 1 + $0 + $1 }) }

  /// Depth of the tree: a leaf has depth 1.
  public var depth: Int { fold(leaf: 1, unary: { 1 + $0 }, binary: { 1 + max($0, $1) }) }

  /// Bottom-up fold: every leaf gives `leaf`, each operator combines its operands' values.
  func fold<T>(leaf: T, unary: (T) -> T, binary: (T, T) -> T) -> T {
    switch self {
    case .number, .symbol: return leaf
    case .unary(_, let operand): return unary(operand.fold(leaf: leaf, unary: unary, binary: binary))
    case .binary(_, let left, let right):
      return binary(
        left.fold(leaf: leaf, unary: unary, binary: binary), right.fold(leaf: leaf, unary: unary, binary: binary))
    }
  }

  /// True when the expression contains the symbol `name`.
  public func contains(symbol name: String) -> Bool {
    switch self {
    case .number:
      return false
    case .symbol(let s):
      return s == name
    case .unary(_, let operand):
      return operand.contains(symbol: name)
    case .binary(_, let left, let right):
      return left.contains(symbol: name) || right.contains(symbol: name)
    }
  }

  /// Replaces every symbol that has an entry in `values` by that number. Nothing is folded.
  public func substituting(_ values: [String: Double]) -> Expression {
    switch self {
    case .number:
      return self
    case .symbol(let name):
      if let value = values[name] { return .number(value) }
      return self
    case .unary(let function, let operand):
      return .unary(function, operand.substituting(values))
    case .binary(let op, let left, let right):
      return .binary(op, left.substituting(values), right.substituting(values))
    }
  }

  /// Replaces every symbol that has an entry in `mapping` by the mapped name.
  public func renamingSymbols(_ mapping: [String: String]) -> Expression {
    switch self {
    case .number:
      return self
    case .symbol(let name):
      return .symbol(mapping[name] ?? name)
    case .unary(let function, let operand):
      return .unary(function, operand.renamingSymbols(mapping))
    case .binary(let op, let left, let right):
      return .binary(op, left.renamingSymbols(mapping), right.renamingSymbols(mapping))
    }
  }
}
