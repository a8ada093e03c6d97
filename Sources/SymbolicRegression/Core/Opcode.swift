/// The operation performed by one node of a postfix ``Program``.
public enum Opcode: UInt8, Codable, Sendable, CaseIterable, Hashable {
  /// A free constant, fitted by the constant optimiser (`Node.value`).
  case constant
  /// A fixed number that is never fitted (e.g. the 1 in `1/x`).
  case literal
  /// A feature column (`Node.feature`).
  case variable
  case add, subtract, multiply, divide
  case sqrt, log, exp, square, abs, negate
  /// `x ^ e` with a fixed exponent `e` stored in `Node.value`.
  case power

  /// Number of operands taken from the stack.
  @inlinable public var arity: Int {
    switch self {
    case .constant, .literal, .variable: return 0
    case .add, .subtract, .multiply, .divide: return 2
    case .sqrt, .log, .exp, .square, .abs, .negate, .power: return 1
    }
  }

  /// Weight of the node in the complexity count: the number of nodes of its `Expression` form
  /// (`square` is `x^2` and `power` is `x^e`, so both count 2; everything else 1).
  @inlinable public var complexityWeight: Int {
    switch self {
    case .square, .power: return 2
    default: return 1
    }
  }

  /// Name used by `--operators`.
  public var operatorName: String {
    switch self {
    case .constant: return "const"
    case .literal: return "literal"
    case .variable: return "var"
    case .add: return "+"
    case .subtract: return "-"
    case .multiply: return "*"
    case .divide: return "/"
    case .sqrt: return "sqrt"
    case .log: return "log"
    case .exp: return "exp"
    case .square: return "square"
    case .abs: return "abs"
    case .negate: return "neg"
    case .power: return "pow"
    }
  }
}

/// The set of operators the search may use (`--operators`).
public struct OperatorSet: Codable, Sendable, Equatable {
  /// Binary operators allowed.
  public var binary: [Opcode]
  /// Unary operators allowed.
  public var unary: [Opcode]
  /// Exponents `pow` may use (fixed numbers, not fitted).
  public var exponents: [Double]

  public init(binary: [Opcode], unary: [Opcode], exponents: [Double] = [-2, -1, -0.5, 0.5, 1.5, 2, 3, 1.0 / 3.0]) {
    self.binary = binary
    self.unary = unary
    self.exponents = exponents
  }

  /// `+ - * /` with `sqrt log exp square`: the default of `--operators`.
  public static let standard = OperatorSet(
    binary: [.add, .subtract, .multiply, .divide], unary: [.sqrt, .log, .exp, .square])

  /// Every operator the engine knows.
  public static let all = OperatorSet(
    binary: [.add, .subtract, .multiply, .divide],
    unary: [.sqrt, .log, .exp, .square, .abs, .negate, .power])

  /// Parses a comma-separated list such as `+,-,*,/,sqrt,log,exp,pow,square,abs,neg`.
  public init(parsing text: String) throws {
    var binary: [Opcode] = []
    var unary: [Opcode] = []
    for raw in text.split(separator: ",") {
      let name = raw.trimmingSpaces().lowercased()
      let aliases: [String: Opcode] = [
        "+": .add, "add": .add, "-": .subtract, "sub": .subtract, "subtract": .subtract,
        "*": .multiply, "mul": .multiply, "multiply": .multiply, "/": .divide, "div": .divide, "divide": .divide,
        "sqrt": .sqrt, "log": .log, "exp": .exp, "square": .square, "abs": .abs,
        "neg": .negate, "negate": .negate, "pow": .power, "power": .power, "^": .power,
      ]
      guard let op = aliases[name] else {
        throw SearchConfigurationError(
          setting: "operators", "unknown operator '\(name)' (known: +,-,*,/,sqrt,log,exp,pow,square,abs,neg)")
      }
      if op.arity == 2 {
        if !binary.contains(op) { binary.append(op) }
      } else if !unary.contains(op) {
        unary.append(op)
      }
    }
    guard !binary.isEmpty else {
      throw SearchConfigurationError(setting: "operators", "at least one of + - * / is required")
    }
    self.init(binary: binary, unary: unary)
  }

  /// The list in `--operators` syntax.
  public var description: String { (binary + unary).map(\.operatorName).joined(separator: ",") }
}

extension Substring {
  func trimmingSpaces() -> String {
    var s = self
    while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
    while let l = s.last, l == " " || l == "\t" { s.removeLast() }
    return String(s)
  }
}
