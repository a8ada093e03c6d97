import Foundation

/// Why a JSON text could not be read.
public struct JSONParseError: UserFacingError {
  public var origin: ErrorOrigin { .input }
  public let description: String
}

extension JSONValue {
  /// Parses JSON text (via Foundation), keeping object key order.
  public init(parsing text: String, source: String = "input") throws {
    var parser = Parser(bytes: Array(text.utf8), source: source)
    parser.skipWhitespace()
    self = try parser.value()
    parser.skipWhitespace()
    if parser.index < parser.bytes.count { throw parser.error("unexpected text after the JSON value") }
  }

  private struct Parser {
    let bytes: [UInt8]
    let source: String
    var index = 0

    init(bytes: [UInt8], source: String) {
      self.bytes = bytes
      self.source = source
    }

    func error(_ message: String) -> JSONParseError {
      JSONParseError(description: "\(source): invalid JSON at byte \(index): \(message)")
    }

    mutating func skipWhitespace() {
      while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
    }

    mutating func expect(_ literal: String) throws {
      let lit = Array(literal.utf8)
      guard index + lit.count <= bytes.count, Array(bytes[index..<index + lit.count]) == lit else {
        throw error("expected '\(literal)'")
      }
      index += lit.count
    }

    /// Reads the comma-separated elements of an array or object whose opening bracket is at `index`, up to and
    /// including the closing one; `element` reads one element (after leading white space).
    mutating func list(closedBy close: Character, name: String, element: (inout Parser) throws -> Void) throws {
      let closing = close.asciiValue!
      index += 1
      skipWhitespace()
      if index < bytes.count, bytes[index] == closing {
        index += 1
        return
      }
      while true {
        skipWhitespace()
        try element(&self)
        skipWhitespace()
        guard index < bytes.count else { throw error("unterminated \(name)") }
        if bytes[index] == UInt8(ascii: ",") {
          index += 1
          continue
        }
        if bytes[index] == closing {
          index += 1
          return
        }
        throw error("expected ',' or '\(close)'")
      }
    }

    mutating func value() throws -> JSONValue {
      guard index < bytes.count else { throw error("unexpected end of input") }
      switch bytes[index] {
      case UInt8(ascii: "n"):
        try expect("null")
        return .null
      case UInt8(ascii: "t"):
        try expect("true")
        return .bool(true)
      case UInt8(ascii: "f"):
        try expect("false")
        return .bool(false)
      case UInt8(ascii: "\""): return .string(try string())
      case UInt8(ascii: "["):
        var items: [JSONValue] = []
        try list(closedBy: "]", name: "array") { parser in items.append(try parser.value()) }
        return .array(items)
      case UInt8(ascii: "{"):
        var pairs: [(String, JSONValue)] = []
        try list(closedBy: "}", name: "object") { parser in
          guard parser.index < parser.bytes.count, parser.bytes[parser.index] == UInt8(ascii: "\"") else {
            throw parser.error("expected a key")
          }
          let key = try parser.string()
          parser.skipWhitespace()
          try parser.expect(":")
          parser.skipWhitespace()
          pairs.append((key, try parser.value()))
        }
        return .object(pairs)
      default:
        return try number()
      }
    }

    mutating func number() throws -> JSONValue {
      let start = index
      while index < bytes.count, "+-0123456789.eE".utf8.contains(bytes[index]) { index += 1 }
      let text = String(decoding: bytes[start..<index], as: UTF8.self)
      if !text.contains(where: { ".eE".contains($0) }), let i = Int(text) { return .integer(i) }
      guard let d = Double(text), d.isFinite else {
        index = start
        throw error("invalid value")
      }
      return .number(d)
    }

    mutating func string() throws -> String {
      index += 1
      var scalars = String.UnicodeScalarView()
      var chunkStart = index
      var out = ""
      while index < bytes.count {
        let b = bytes[index]
        if b == UInt8(ascii: "\"") {
          out += String(decoding: bytes[chunkStart..<index], as: UTF8.self)
          index += 1
          return out
        }
        if b == UInt8(ascii: "\\") {
          out += String(decoding: bytes[chunkStart..<index], as: UTF8.self)
          index += 1
          guard index < bytes.count else { break }
          let e = bytes[index]
          index += 1
          switch e {
          case UInt8(ascii: "n"): out += "\n"
          case UInt8(ascii: "t"): out += "\t"
          case UInt8(ascii: "r"): out += "\r"
          case UInt8(ascii: "b"): out += "\u{8}"
          case UInt8(ascii: "f"): out += "\u{c}"
          case UInt8(ascii: "u"):
            guard index + 4 <= bytes.count,
              let code = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
            else { throw error("bad \\u escape") }
            index += 4
            scalars = String.UnicodeScalarView()
            if let s = Unicode.Scalar(code) { scalars.append(s) }
            out += String(scalars)
          default: out += String(UnicodeScalar(e))
          }
          chunkStart = index
          continue
        }
        index += 1
      }
      throw error("unterminated string")
    }
  }
}
