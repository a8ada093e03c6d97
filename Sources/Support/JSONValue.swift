import Foundation

/// The project's one JSON value: ordered object keys, so documents print in a stable, readable order and configs
/// report keys as written. `JSONValue(parsing:)` reads text; `prettyPrinted()` writes it.
/// Non-finite numbers are written as `null`, never as NaN text.
public indirect enum JSONValue: Sendable, Equatable {
  case null
  case bool(Bool)
  case number(Double)
  case integer(Int)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): return true
    case (.bool(let a), .bool(let b)): return a == b
    case (.number(let a), .number(let b)): return a == b
    case (.integer(let a), .integer(let b)): return a == b
    case (.number(let a), .integer(let b)), (.integer(let b), .number(let a)): return a == Double(b)
    case (.string(let a), .string(let b)): return a == b
    case (.array(let a), .array(let b)): return a == b
    case (.object(let a), .object(let b)):
      return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    default: return false
    }
  }

  /// A number, or `null` when it is missing or not finite.
  public static func number(_ value: Double?) -> JSONValue {
    guard let value, value.isFinite else { return .null }
    return .number(value)
  }

  /// A string, or `null` when missing.
  public static func string(_ value: String?) -> JSONValue {
    value.map { .string($0) } ?? .null
  }

  /// Looks up a key of an object (nil for other values or a missing key).
  public subscript(key: String) -> JSONValue? {
    guard case .object(let pairs) = self else { return nil }
    return pairs.first { $0.0 == key }?.1
  }

  public var doubleValue: Double? {
    switch self {
    case .number(let v): return v
    case .integer(let v): return Double(v)
    default: return nil
    }
  }

  public var intValue: Int? {
    switch self {
    case .integer(let v): return v
    case .number(let v): return v.rounded() == v && abs(v) < 9e15 ? Int(v) : nil
    default: return nil
    }
  }

  public var stringValue: String? {
    if case .string(let s) = self { return s }
    return nil
  }

  public var arrayValue: [JSONValue]? {
    if case .array(let a) = self { return a }
    return nil
  }

  public var boolValue: Bool? {
    if case .bool(let b) = self { return b }
    return nil
  }
}

extension JSONValue {
  /// Pretty-printed JSON text (two-space indent, short arrays of scalars on one line), ending with a newline.
  public func prettyPrinted() -> String {
    var out = ""
    write(into: &out, indent: 0)
    out.append("\n")
    return out
  }

  private var isScalar: Bool {
    switch self {
    case .array, .object: return false
    default: return true
    }
  }

  private func write(into out: inout String, indent: Int) {
    let pad = String(repeating: "  ", count: indent)
    let inner = String(repeating: "  ", count: indent + 1)
    switch self {
    case .null: out.append("null")
    case .bool(let b): out.append(b ? "true" : "false")
    case .integer(let i): out.append(String(i))
    case .number(let d): out.append(JSONValue.format(d))
    case .string(let s): out.append(JSONValue.quote(s))
    case .array(let items):
      if items.isEmpty {
        out.append("[]")
        return
      }
      if items.count <= 8 && items.allSatisfy(\.isScalar) {
        out.append("[")
        for (i, item) in items.enumerated() {
          if i > 0 { out.append(", ") }
          item.write(into: &out, indent: indent + 1)
        }
        out.append("]")
        return
      }
      out.append("[\n")
      for (i, item) in items.enumerated() {
        out.append(inner)
        item.write(into: &out, indent: indent + 1)
        out.append(i + 1 < items.count ? ",\n" : "\n")
      }
      out.append(pad + "]")
    case .object(let pairs):
      if pairs.isEmpty {
        out.append("{}")
        return
      }
      out.append("{\n")
      for (i, (key, value)) in pairs.enumerated() {
        out.append(inner + JSONValue.quote(key) + ": ")
        value.write(into: &out, indent: indent + 1)
        out.append(i + 1 < pairs.count ? ",\n" : "\n")
      }
      out.append(pad + "}")
    }
  }

  /// Shortest round-trip text of a finite double; `null` otherwise.
  static func format(_ d: Double) -> String {
    guard d.isFinite else { return "null" }
    if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
    return "\(d)"
  }

  static func quote(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out.append("\\\"")
      case "\\": out.append("\\\\")
      case "\n": out.append("\\n")
      case "\r": out.append("\\r")
      case "\t": out.append("\\t")
      default:
        if scalar.value < 0x20 {
          out.append(String(format: "\\u%04x", scalar.value))
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    out.append("\"")
    return out
  }
}

extension JSONValue {
  /// The object's members as a dictionary (the last of repeated keys wins), or nil for other values.
  public var objectMembers: [String: JSONValue]? {
    guard case .object(let pairs) = self else { return nil }
    return Dictionary(pairs, uniquingKeysWith: { _, last in last })
  }

  /// A short name of the value's JSON type, for error messages.
  public var typeName: String {
    switch self {
    case .null: return "null"
    case .bool: return "boolean"
    case .integer, .number: return "number"
    case .string: return "string"
    case .array: return "array"
    case .object: return "object"
    }
  }
}
