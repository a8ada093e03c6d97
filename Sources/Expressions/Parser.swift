/// Precedence-climbing parser of the formula language.
///
/// Grammar (lowest to highest binding):
/// ```
/// sum     := product (('+' | '-') product)*
/// product := unary (('*' | '/') unary)*
/// unary   := '-' unary | '+' unary | power
/// power   := primary (('^' | '**') unary)?     // right-associative; -x^2 = -(x^2)
/// primary := number | name | function '(' sum ')' | '(' sum ')'
/// ```
/// A minus written directly before a numeric literal (`-2`, not `-(2)` and not `-2^x`) gives a
/// negative number literal, so printed negative numbers parse back to the same tree.
struct Parser {
  private let tokens: [Token]
  private var index = 0
  private var depth = 0
  private let lexer: Lexer
  static let maximumDepth = 256

  init(_ text: String) throws(ExpressionParseError) {
    lexer = Lexer(text)
    tokens = try lexer.tokenize()
  }

  private var current: Token { tokens[index] }

  private func error(_ message: String, at position: Int) -> ExpressionParseError {
    lexer.error(message, at: position)
  }

  private func describe(_ token: Token) -> String {
    token.kind == .end ? "the formula ends" : "found '\(token.text)'"
  }

  mutating func parseFormula() throws(ExpressionParseError) -> Expression {
    if tokens.count == 1 {
      throw error("the formula is empty", at: 0)
    }
    let result = try parseBinary()
    switch current.kind {
    case .end:
      return result
    case .rightParen:
      throw error("unmatched ')'", at: current.position)
    case .identifier, .number, .leftParen:
      var hint = ""
      if index > 0, case .number = tokens[index - 1].kind, case .identifier = current.kind {
        hint = " (write '*' for a product)"
      }
      throw error(
        "expected an operator or the end of the formula but \(describe(current))\(hint)", at: current.position)
    default:
      throw error("unexpected '\(current.text)'", at: current.position)
    }
  }

  private mutating func enter(at position: Int) throws(ExpressionParseError) {
    depth += 1
    if depth > Parser.maximumDepth {
      throw error("the formula nests more than \(Parser.maximumDepth) levels deep", at: position)
    }
  }

  /// Binary operator levels from loosest to tightest (`+ -`, then `* /`); each is left-associative.
  private static let binaryLevels: [[(Token.Kind, BinaryOperator)]] = [
    [(.plus, .add), (.minus, .subtract)], [(.star, .multiply), (.slash, .divide)],
  ]

  /// A left-associative chain of the operators of `level` over operands of the next level (unary at the end).
  private mutating func parseBinary(level: Int = 0) throws(ExpressionParseError) -> Expression {
    guard level < Self.binaryLevels.count else { return try parseUnary() }
    var left = try parseBinary(level: level + 1)
    while let op = Self.binaryLevels[level].first(where: { $0.0 == current.kind })?.1 {
      index += 1
      left = .binary(op, left, try parseBinary(level: level + 1))
    }
    return left
  }

  private mutating func parseUnary() throws(ExpressionParseError) -> Expression {
    let token = current
    switch token.kind {
    case .minus:
      try enter(at: token.position)
      defer { depth -= 1 }
      index += 1
      let literalFollows: Bool
      if case .number = current.kind { literalFollows = true } else { literalFollows = false }
      let operand = try parseUnary()
      if literalFollows, case .number(let value) = operand {
        return .number(-value)
      }
      return .unary(.negate, operand)
    case .plus:
      try enter(at: token.position)
      defer { depth -= 1 }
      index += 1
      return try parseUnary()
    default:
      return try parsePower()
    }
  }

  private mutating func parsePower() throws(ExpressionParseError) -> Expression {
    let base = try parsePrimary()
    if case .caret = current.kind {
      try enter(at: current.position)
      defer { depth -= 1 }
      index += 1
      let exponent = try parseUnary()
      return .binary(.power, base, exponent)
    }
    return base
  }

  private mutating func parsePrimary() throws(ExpressionParseError) -> Expression {
    let token = current
    switch token.kind {
    case .number(let value):
      index += 1
      return .number(value)
    case .identifier(let name):
      index += 1
      if case .leftParen = current.kind {
        guard let function = UnaryFunction(functionName: name) else {
          throw error("unknown function '\(name)' (known: sqrt, log, exp, abs)", at: token.position)
        }
        let open = current
        index += 1
        let argument = try parseParenthesised(open: open)
        return .unary(function, argument)
      }
      if UnaryFunction(functionName: name) != nil {
        throw error("function '\(name)' needs '(' after its name", at: current.position)
      }
      return .symbol(name)
    case .leftParen:
      index += 1
      return try parseParenthesised(open: token)
    default:
      throw error("expected a number, a name or '(' but \(describe(token))", at: token.position)
    }
  }

  /// Parses `sum ')'` after an opening parenthesis.
  private mutating func parseParenthesised(open: Token) throws(ExpressionParseError) -> Expression {
    try enter(at: open.position)
    defer { depth -= 1 }
    let inner = try parseBinary()
    guard case .rightParen = current.kind else {
      if case .end = current.kind {
        throw error("missing ')' to close the '(' at column \(open.position + 1)", at: current.position)
      }
      throw error("expected ')' but \(describe(current))", at: current.position)
    }
    index += 1
    return inner
  }
}

extension Expression {
  /// Parses a formula such as `a + b*sqrt(n) + c*log(T) - d/sqrt(n*T) + e*AMI^0.5`.
  ///
  /// Operators `+ - * /`, powers `^` or `**` (right-associative, binding tighter than unary
  /// minus: `-x^2` is `-(x^2)`), functions `sqrt log exp abs`, numeric literals (`2`, `1e-3`,
  /// `.5`) and identifiers `[A-Za-z_][A-Za-z0-9_]*`. Throws ``ExpressionParseError``.
  public init(parsing text: String) throws {
    var parser = try Parser(text)
    self = try parser.parseFormula()
  }
}
