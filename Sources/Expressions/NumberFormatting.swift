/// Formats numbers for printed formulas.
enum NumberFormatting {
  /// Swift's shortest round-trip representation, with integers written without `.0`
  /// (`2`, `0.5`, `1e-05`, `1e+20`).
  static func shortest(_ value: Double) -> String {
    var text = "\(value)"
    if text.hasSuffix(".0") { text.removeLast(2) }
    return text
  }

  /// True when the printed number starts with a minus sign.
  static func isNegative(_ value: Double) -> Bool {
    value.sign == .minus && !value.isNaN
  }
}
