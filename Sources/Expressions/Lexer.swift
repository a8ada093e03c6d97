/// A token of the formula language with its 0-based character offset.
struct Token: Equatable {
  enum Kind: Equatable {
    case number(Double)
    case identifier(String)
    case plus, minus, star, slash, caret, leftParen, rightParen
    case end
  }
  let kind: Kind
  let position: Int
  /// The source text of the token (for messages).
  let text: String
}

/// Splits formula text into tokens. `**` becomes the same token as `^`.
struct Lexer {
  let characters: [Character]
  let formula: String

  init(_ text: String) {
    formula = text
    characters = Array(text)
  }

  /// One-character tokens (`*` is lexed apart, since `**` is a power).
  static let punctuation: [Character: Token.Kind] = [
    "+": .plus, "-": .minus, "/": .slash, "^": .caret, "(": .leftParen, ")": .rightParen,
  ]

  func error(_ message: String, at position: Int) -> ExpressionParseError {
    ExpressionParseError(message: message, position: position, formula: formula)
  }

  func tokenize() throws(ExpressionParseError) -> [Token] {
    var tokens: [Token] = []
    var i = 0
    while i < characters.count {
      let c = characters[i]
      if c.isWhitespace {
        i += 1
        continue
      }
      let start = i
      if let kind = Lexer.punctuation[c] {
        tokens.append(Token(kind: kind, position: i, text: String(c)))
        i += 1
        continue
      }
      switch c {
      case "*":
        if i + 1 < characters.count, characters[i + 1] == "*" {
          tokens.append(Token(kind: .caret, position: i, text: "**"))
          i += 2
        } else {
          tokens.append(Token(kind: .star, position: i, text: "*"))
          i += 1
        }
      default:
        if Lexer.isDigit(c) || c == "." {
          tokens.append(try lexNumber(from: &i))
        } else if Lexer.isIdentifierStart(c) {
          while i < characters.count, Lexer.isIdentifierPart(characters[i]) { i += 1 }
          let name = String(characters[start..<i])
          tokens.append(Token(kind: .identifier(name), position: start, text: name))
        } else {
          throw error("unexpected character '\(c)'", at: i)
        }
      }
    }
    tokens.append(Token(kind: .end, position: characters.count, text: ""))
    return tokens
  }

  /// Reads `digits [. digits] [e [+-] digits]` or `. digits [...]`.
  private func lexNumber(from i: inout Int) throws(ExpressionParseError) -> Token {
    let start = i
    var mantissaDigits = 0
    while i < characters.count, Lexer.isDigit(characters[i]) {
      i += 1
      mantissaDigits += 1
    }
    if i < characters.count, characters[i] == "." {
      i += 1
      while i < characters.count, Lexer.isDigit(characters[i]) {
        i += 1
        mantissaDigits += 1
      }
    }
    var malformed = mantissaDigits == 0
    if i < characters.count, characters[i] == "e" || characters[i] == "E" {
      i += 1
      if i < characters.count, characters[i] == "+" || characters[i] == "-" { i += 1 }
      var exponentDigits = 0
      while i < characters.count, Lexer.isDigit(characters[i]) {
        i += 1
        exponentDigits += 1
      }
      if exponentDigits == 0 { malformed = true }
    }
    // Glued trailing characters such as `1.2.3` or `1e5x` make the literal malformed.
    while i < characters.count, characters[i] == "." || Lexer.isDigit(characters[i]) {
      i += 1
      malformed = true
    }
    let text = String(characters[start..<i])
    if malformed {
      throw error("malformed number '\(text)'", at: start)
    }
    guard let value = Double(text) else {
      throw error("malformed number '\(text)'", at: start)
    }
    guard value.isFinite else {
      throw error("number '\(text)' is out of range", at: start)
    }
    return Token(kind: .number(value), position: start, text: text)
  }

  static func isDigit(_ c: Character) -> Bool {
    c.isASCII && c.isNumber
  }

  static func isIdentifierStart(_ c: Character) -> Bool {
    c.isASCII && (c.isLetter || c == "_")
  }

  static func isIdentifierPart(_ c: Character) -> Bool {
    c.isASCII && (c.isLetter || c.isNumber || c == "_")
  }
}
