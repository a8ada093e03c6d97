import Foundation
import Statistics
import Testing

@Suite("NIST StRD linear least squares")
struct NISTLinearTests {
  @Test("Longley: all coefficients and standard errors to >= 6 significant digits")
  func longley() throws {
    let data = try NISTFixtures.csv("Longley.csv")
    let certified = try NISTFixtures.certifiedLinear("Longley.certified.csv")
    let rows = data.rows.map { [1.0] + $0.dropLast() }
    let fit = try LinearLeastSquares().fit(rows: rows, targets: data.rows.map { $0.last! })
    try check(fit, certified, digits: 6)
  }

  @Test("Filip (degree-10, ill-conditioned): all coefficients and standard errors to >= 6 significant digits")
  func filip() throws {
    let data = try NISTFixtures.csv("Filip.csv")
    let certified = try NISTFixtures.certifiedLinear("Filip.certified.csv")
    let columns = (0...10).map { power in data.rows.map { row in pow(row[0], Double(power)) } }
    let fit = try LinearLeastSquares().fit(columns: columns, targets: data.rows.map { $0[1] })
    try check(fit, certified, digits: 6)
  }

  private func check(
    _ fit: LinearFit, _ certified: (values: [Double], errors: [Double], rss: Double),
    digits: Double
  ) throws {
    try #require(fit.coefficients.count == certified.values.count)
    for j in certified.values.indices {
      let valueDigits = significantDigits(fit.coefficients[j], certified.values[j])
      let errorDigits = significantDigits(fit.standardErrors[j], certified.errors[j])
      #expect(valueDigits >= digits, "b\(j): \(fit.coefficients[j]) vs \(certified.values[j])")
      #expect(errorDigits >= digits, "se b\(j): \(fit.standardErrors[j]) vs \(certified.errors[j])")
    }
    #expect(significantDigits(fit.chiSquared, certified.rss) >= digits, "RSS \(fit.chiSquared) vs \(certified.rss)")
  }
}
