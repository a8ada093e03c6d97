import Expressions

extension Program {
  /// The program as an `Expressions.Expression`.
  ///
  /// Feature `i` becomes `.symbol(featureNames[i])` (or `x<i>`). Fitted constants become `.symbol(constantNames[k])`
  /// when names are given, else `.number(value)`; literals become numbers; `square` and `pow` become `^`.
  /// Returns nil for an invalid program. `expression(...).nodeCount == complexity`.
  public func expression(featureNames: [String], constantNames: [String]? = nil) -> Expression? {
    guard isValid else { return nil }
    var stack: [Expression] = []
    var k = 0
    for node in nodes {
      switch node.opcode {
      case .constant:
        if let names = constantNames, k < names.count {
          stack.append(.symbol(names[k]))
        } else {
          stack.append(.number(node.value))
        }
        k += 1
      case .literal:
        stack.append(.number(node.value))
      case .variable:
        let i = Int(node.feature)
        stack.append(.symbol(i < featureNames.count ? featureNames[i] : "x\(i)"))
      case .add, .subtract, .multiply, .divide:
        let b = stack.removeLast()
        let a = stack.removeLast()
        let op: BinaryOperator
        switch node.opcode {
        case .add: op = .add
        case .subtract: op = .subtract
        case .multiply: op = .multiply
        default: op = .divide
        }
        stack.append(.binary(op, a, b))
      case .square:
        stack.append(.binary(.power, stack.removeLast(), .number(2)))
      case .power:
        stack.append(.binary(.power, stack.removeLast(), .number(node.value)))
      case .negate:
        stack.append(.unary(.negate, stack.removeLast()))
      case .sqrt:
        stack.append(.unary(.sqrt, stack.removeLast()))
      case .log:
        stack.append(.unary(.log, stack.removeLast()))
      case .exp:
        stack.append(.unary(.exp, stack.removeLast()))
      case .abs:
        stack.append(.unary(.abs, stack.removeLast()))
      }
    }
    return stack.count == 1 ? stack[0] : nil
  }
}

extension FrontEntry {
  /// The formula with constants named by `constantNames` (refit it with `FormulaFit`, starting from `constantValues`).
  public func expression(featureNames: [String]) -> Expression? {
    program.expression(featureNames: featureNames, constantNames: constantNames)
  }

  /// The formula with the fitted constant values substituted.
  public func fittedExpression(featureNames: [String]) -> Expression? {
    program.expression(featureNames: featureNames)
  }

  /// Constant values by name (start values for a refit).
  public var constantValues: [String: Double] {
    Dictionary(uniqueKeysWithValues: zip(constantNames, constants).map { ($0, $1) })
  }
}
