/// Builds CSV text: a header, then rows of text or numbers. Fields holding a comma, a quote, a line
/// break or surrounding spaces are quoted (quotes doubled); numbers use Swift's shortest
/// round-trip form with integers written without `.0` (`nan`, `inf`, `-inf` when not finite).
public struct CSVWriter: Sendable {
  /// The column names.
  public let header: [String]
  /// The CSV text so far, ending with a line break.
  public private(set) var text: String

  public init(header: [String]) {
    self.header = header
    self.text = ""
    appendLine(header)
  }

  /// Appends a row of text fields. Throws when the field count differs from the header's.
  public mutating func appendRow(_ fields: [String]) throws {
    guard fields.count == header.count else {
      throw DataTableError(
        .wrongFieldCount,
        "CSV row \(rowCount + 1) has \(fields.count) fields, header has \(header.count)")
    }
    appendRowUnchecked(fields)
  }

  /// Appends a row of numbers. Throws when the field count differs from the header's.
  public mutating func appendRow(numbers: [Double]) throws {
    try appendRow(numbers.map(CSVWriter.format))
  }

  /// Number of data rows appended.
  public private(set) var rowCount = 0

  mutating func appendRowUnchecked(_ fields: [String]) {
    appendLine(fields)
    rowCount += 1
  }

  private mutating func appendLine(_ fields: [String]) {
    var first = true
    for field in fields {
      if !first { text += "," }
      first = false
      text += CSVWriter.escape(field)
    }
    text += "\n"
  }

  /// The field as it must appear in CSV: quoted (with quotes doubled) when it holds a comma,
  /// a quote, a line break, or starts or ends with a space or tab; an empty field stays empty.
  public static func escape(_ field: String) -> String {
    var needsQuotes = false
    for byte in field.utf8
    where byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"")
      || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    {
      needsQuotes = true
      break
    }
    if let first = field.unicodeScalars.first, first == " " || first == "\t" { needsQuotes = true }
    if let last = field.unicodeScalars.last, last == " " || last == "\t" { needsQuotes = true }
    if !needsQuotes { return field }
    var quoted = "\""
    for character in field {
      if character == "\"" { quoted += "\"\"" } else { quoted.append(character) }
    }
    quoted += "\""
    return quoted
  }

  /// A number in shortest round-trip form (`0.1`, `2`, `1e-05`); `nan`, `inf`, `-inf` when not finite.
  public static func format(_ value: Double) -> String {
    if value.isNaN { return "nan" }
    if value.isInfinite { return value < 0 ? "-inf" : "inf" }
    var text = "\(value)"
    if text.hasSuffix(".0") { text.removeLast(2) }
    return text
  }
}
