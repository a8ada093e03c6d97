import Foundation

/// Upper tail of Fisher's F distribution, via the regularized incomplete beta function.
public enum FDistribution {
  /// P(F > f) for F with (d1, d2) degrees of freedom; nil when an argument is invalid.
  public static func upperTail(_ f: Double, d1: Double, d2: Double) -> Double? {
    guard f.isFinite, d1 > 0, d2 > 0 else { return nil }
    if f <= 0 { return 1 }
    // P(F > f) = I_x(d2/2, d1/2) with x = d2 / (d2 + d1 f).
    return regularizedIncompleteBeta(d2 / (d2 + d1 * f), a: d2 / 2, b: d1 / 2)
  }

  /// I_x(a, b) for 0 ≤ x ≤ 1 and a, b > 0 (continued fraction, modified Lentz).
  public static func regularizedIncompleteBeta(_ x: Double, a: Double, b: Double) -> Double? {
    guard a > 0, b > 0, x >= 0, x <= 1 else { return nil }
    if x == 0 { return 0 }
    if x == 1 { return 1 }
    let logFront = lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x)
    if x < (a + 1) / (a + b + 2) {
      return exp(logFront) * continuedFraction(x, a: a, b: b) / a
    }
    return 1 - exp(logFront) * continuedFraction(1 - x, a: b, b: a) / b
  }

  private static func continuedFraction(_ x: Double, a: Double, b: Double) -> Double {
    let tiny = 1e-300
    var c = 1.0
    var d = 1 - (a + b) * x / (a + 1)
    if abs(d) < tiny { d = tiny }
    d = 1 / d
    var result = d
    for m in 1...10_000 {
      let m = Double(m)
      let even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
      d = 1 + even * d
      if abs(d) < tiny { d = tiny }
      c = 1 + even / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      result *= d * c
      let odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
      d = 1 + odd * d
      if abs(d) < tiny { d = tiny }
      c = 1 + odd / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let step = d * c
      result *= step
      if abs(step - 1) < 1e-15 { break }
    }
    return result
  }
}
