import Support

/// Rounding to significant digits, for the short constants of final forms.
enum SignificantDigits {
  /// The decimal exponent of `v` (≠ 0, finite): the e of v = m·10^e with 1 ≤ |m| < 10.
  static func exponent(_ v: Double) -> Int {
    var exponent = 0
    var m = Swift.abs(v)
    while m >= 10 {
      m /= 10
      exponent += 1
    }
    while m < 1 {
      m *= 10
      exponent -= 1
    }
    return exponent
  }

  /// `v` rounded to `digits` significant digits, given its decimal exponent.
  static func rounded(_ v: Double, digits: Int, exponent: Int) -> Double {
    let scale = _pow(10, Double(digits - 1 - exponent))
    return (v * scale).rounded() / scale
  }
}
