import Foundation

/// Rounds fitted constants to the digits their uncertainty supports, for printed formulas.
///
/// A constant prints as the shortest decimal within a tenth of its 95% confidence half-width (so
/// `-1.7417782980735683 ± 0.005` prints `-1.742`), and at least within 1e-12 relative (so an exact fit's
/// `0.9000000000000007` prints `0.9`). Without an interval only the relative bound applies.
public enum ConstantPrecision {
  /// The shortest decimal within the tolerance of `value`.
  public static func rounded(_ value: Double, halfWidth: Double?) -> Double {
    guard value.isFinite, value != 0 else { return value }
    var tolerance = 1e-12 * Swift.abs(value)
    if let h = halfWidth, h.isFinite, h > 0 { tolerance = max(tolerance, h / 10) }
    for digits in 1...17 {
      let text = String(format: "%.\(digits - 1)e", value)
      if let candidate = Double(text), Swift.abs(candidate - value) <= tolerance { return candidate }
    }
    return value
  }

  /// `rounded` as text, integers without `.0`.
  public static func text(_ value: Double, halfWidth: Double?) -> String {
    NumberFormatting.shortest(rounded(value, halfWidth: halfWidth))
  }
}
