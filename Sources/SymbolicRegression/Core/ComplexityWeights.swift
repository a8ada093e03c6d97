import Foundation

/// How much each node of a formula's `Expression` form adds to its complexity (`--complexity-weights`).
///
/// The default counts every node 1, so the complexity is the node count: `x^2` (a square) and `x^e` (a fixed power)
/// are three nodes, `x`, `^` and the number. A weight can be raised to make an operator or constants more expensive,
/// e.g. `exp=3,log=2,constant=2`; weights are whole numbers ≥ 1, like the complexity itself.
public struct ComplexityWeights: Codable, Sendable, Hashable, CustomStringConvertible {
  /// A fitted constant.
  public var constant: Int = 1
  /// A feature column.
  public var variable: Int = 1
  /// A fixed number (a literal such as the 1 in `1/x`, or an exponent).
  public var number: Int = 1
  /// Operators by their printed name: `+ - * / ^ sqrt log exp abs neg` (missing names weigh 1).
  public var operators: [String: Int] = [:]

  /// Every node counts 1.
  public static let unit = ComplexityWeights()

  /// Names accepted by ``init(parsing:)`` besides `constant`, `variable` and `number`.
  public static let operatorNames = ["+", "-", "*", "/", "^", "sqrt", "log", "exp", "abs", "neg"]

  public init() {}

  /// Parses `name=weight,...`, e.g. `exp=3,log=2,constant=2` (aliases: `const`, `var`, `pow` for `^`).
  public init(parsing text: String) throws {
    for item in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !item.isEmpty {
      let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
      guard parts.count == 2, let w = Int(parts[1]), w >= 1 else {
        throw SearchConfigurationError(
          setting: "complexityWeights", "'\(item)' is not name=weight with a whole weight ≥ 1")
      }
      switch parts[0] {
      case "constant", "const": constant = w
      case "variable", "var": variable = w
      case "number": number = w
      case "pow": operators["^"] = w
      case let name where Self.operatorNames.contains(name): operators[name] = w
      default:
        throw SearchConfigurationError(
          setting: "complexityWeights",
          "unknown name '\(parts[0])' (use constant, variable, "
            + "number or one of \(Self.operatorNames.joined(separator: " ")))")
      }
    }
  }

  /// Weight of one program node (a square or a fixed power counts `^` plus its number).
  @inlinable public func weight(of opcode: Opcode) -> Int {
    if self == .unit { return opcode.complexityWeight }
    switch opcode {
    case .constant: return constant
    case .literal: return number
    case .variable: return variable
    case .square, .power: return (operators["^"] ?? 1) + number
    case .negate: return operators["neg"] ?? 1
    default: return operators[opcode.operatorName] ?? 1
    }
  }

  /// Extra complexity of wrapping a formula `f` as `c0 + c1*f` (linear scaling).
  public var linearScalingCost: Int { 2 * constant + (operators["+"] ?? 1) + (operators["*"] ?? 1) }

  public var description: String {
    if self == .unit { return "every node 1" }
    var parts: [String] = []
    if constant != 1 { parts.append("constant=\(constant)") }
    if variable != 1 { parts.append("variable=\(variable)") }
    if number != 1 { parts.append("number=\(number)") }
    for name in Self.operatorNames { if let w = operators[name], w != 1 { parts.append("\(name)=\(w)") } }
    return parts.isEmpty ? "every node 1" : parts.joined(separator: ",")
  }
}

extension Program {
  /// Complexity under `weights` (``complexity`` is the same with every node counting 1).
  @inlinable public func complexity(weights: ComplexityWeights) -> Int {
    if weights == .unit { return complexity }
    return nodes.reduce(0) { $0 + weights.weight(of: $1.opcode) }
  }
}
