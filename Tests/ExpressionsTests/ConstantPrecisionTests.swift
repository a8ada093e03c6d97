import Expressions
import Testing

@Test func constantsPrintWithTheDigitsTheirIntervalSupports() {
  #expect(ConstantPrecision.text(-1.7417782980735683, halfWidth: 0.005) == "-1.742")
  #expect(ConstantPrecision.text(-1.7417782980735683, halfWidth: 0.05) == "-1.74")
  #expect(ConstantPrecision.text(2700.4, halfWidth: 300) == "2700")
  // Exact fits: no interval width to speak of, within 1e-12 relative.
  #expect(ConstantPrecision.text(0.9000000000000007, halfWidth: 1e-17) == "0.9")
  #expect(ConstantPrecision.text(2.0000000000000004, halfWidth: nil) == "2")
  #expect(ConstantPrecision.text(0.123456789012345, halfWidth: nil) == "0.1234567890123")
  #expect(ConstantPrecision.rounded(0, halfWidth: 1) == 0)
}
