/// Parsing of numeric cells: decimal numbers only (`12`, `-0.5`, `1e-3`, `.5`), surrounding spaces
/// allowed. `nan`, `inf` and friends are recognised so they can be reported as not finite.
enum NumberParsing {
  enum Outcome: Equatable {
    case number(Double)
    case notANumber
    case notFinite
  }

  static func parse(_ cell: String) -> Outcome {
    let text = cell.trimmingSpaces()
    if text.isEmpty { return .notANumber }
    var sawDigit = false
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        sawDigit = true
      case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "+"), UInt8(ascii: "-"):
        continue
      default:
        return nonFiniteWords.contains(text.lowercased()) ? .notFinite : .notANumber
      }
    }
    guard sawDigit, let value = Double(text) else { return .notANumber }
    return value.isFinite ? .number(value) : .notFinite
  }

  static let nonFiniteWords: Set<String> = [
    "nan", "+nan", "-nan", "inf", "+inf", "-inf", "infinity", "+infinity", "-infinity",
  ]
}

extension String {
  /// The string without leading and trailing spaces and tabs.
  func trimmingSpaces() -> String {
    let scalars = unicodeScalars
    if let first = scalars.first, let last = scalars.last,
      first != " ", first != "\t", last != " ", last != "\t"
    {
      return self
    }
    guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
    guard let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
    return String(scalars[first...last])
  }
}
