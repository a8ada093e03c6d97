import Foundation

/// Number formatting shared by the report's Markdown, LaTeX and SVG output.
public enum ReportFormat {
  /// `digits` significant digits; "–" for non-finite values.
  public static func number(_ x: Double, digits: Int = 4) -> String {
    guard x.isFinite else { return "–" }
    if x == 0 { return "0" }
    let magnitude = abs(x)
    if magnitude >= 1e-4 && magnitude < 1e7 {
      var s = String(format: "%.\(digits)g", x)
      if s.contains("e") { s = String(format: "%.\(max(0, digits - 1 - Int(log10(magnitude).rounded(.down))))f", x) }
      return s
    }
    return String(format: "%.\(max(1, digits - 1))e", x)
  }

  /// An optional number, "–" when absent.
  public static func optional(_ x: Double?, digits: Int = 4) -> String {
    x.map { number($0, digits: digits) } ?? "–"
  }

  /// A p value: `below` ("< 1e-16") under 1e-16, else 3 significant digits; `missing` when absent.
  public static func p(_ x: Double?, missing: String = "–", below: String = "< 1e-16") -> String {
    guard let x, x.isFinite else { return missing }
    return x < 1e-16 ? below : String(format: "%.3g", x)
  }
}
