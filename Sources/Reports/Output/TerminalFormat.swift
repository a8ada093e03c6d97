import Foundation

/// Number and table formatting for terminal output (`%g` style, "-" for missing values).
public enum TerminalFormat {
  /// A number with `digits` significant digits.
  public static func number(_ x: Double, digits: Int = 6) -> String {
    guard x.isFinite else { return "-" }
    return String(format: "%.\(digits)g", x)
  }

  public static func optional(_ x: Double?, digits: Int = 6) -> String {
    x.map { number($0, digits: digits) } ?? "-"
  }

  /// A p value in the terminal's style (`<1e-16`, "-" when absent).
  public static func p(_ x: Double?) -> String { ReportFormat.p(x, missing: "-", below: "<1e-16") }

  /// Left-aligned first column, right-aligned others.
  public static func table(_ rows: [[String]]) -> String {
    guard let first = rows.first else { return "" }
    let widths = first.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
    return rows.map { row in
      row.enumerated().map { index, cell in
        let pad = String(repeating: " ", count: widths[index] - cell.count)
        return index == 0 ? cell + pad : pad + cell
      }.joined(separator: "  ")
    }.joined(separator: "\n")
  }
}
