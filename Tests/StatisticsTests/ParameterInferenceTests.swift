import Statistics
import Testing

@Suite("Parameter inference")
struct ParameterInferenceTests {
  @Test(
    "Student t quantiles match reference values",
    arguments: [
      (0.975, 10.0, 2.228138851986274), (0.975, 1.0, 12.706204736174694),
      (0.975, 30.0, 2.0422724563012378), (0.95, 5.0, 2.0150483733330233),
      (0.995, 3.0, 5.840909309733355),
    ])
  func quantiles(probability: Double, dof: Double, expected: Double) throws {
    let value = try #require(ParameterInference.tQuantile(probability, degreesOfFreedom: dof))
    #expect(abs(value - expected) <= 1e-9 * expected)
  }

  @Test("Standard errors, 95% interval, t and two-sided p for a hand case")
  func handCase() throws {
    let inference = try ParameterInference(
      estimates: [1, -2], covariance: [[0.25, 0.1], [0.1, 4]],
      degreesOfFreedom: 10)
    let critical = try #require(inference.criticalValue)
    #expect(abs(critical - 2.228138851986274) < 1e-12)
    let a = inference.estimates[0]
    let b = inference.estimates[1]
    #expect(a.standardError == 0.5)
    #expect(b.standardError == 2)
    #expect(a.t == 2)
    #expect(b.t == -1)
    let ci = try #require(a.confidenceInterval)
    #expect(abs(ci.lower - (1 - 0.5 * critical)) < 1e-12 && abs(ci.upper - (1 + 0.5 * critical)) < 1e-12)
    #expect(abs(try #require(a.p) - 0.07338803477074037) < 1e-10)
    #expect(abs(try #require(b.p) - 0.34089313230206) < 1e-10)
  }

  @Test("Level is configurable; p at the critical t equals 1 - level")
  func level() throws {
    let inference = try ParameterInference(
      estimates: [2.0150483733330233], covariance: [[1]],
      degreesOfFreedom: 5, level: 0.90)
    #expect(abs(try #require(inference.criticalValue) - 2.0150483733330233) < 1e-9)
    #expect(abs(try #require(inference.estimates[0].p) - 0.10) < 1e-9)
  }

  @Test("Missing or unusable covariance gives nil statistics, never NaN")
  func missing() throws {
    let none = try ParameterInference(estimates: [1, 2], covariance: nil, degreesOfFreedom: 3)
    #expect(none.estimates.allSatisfy { $0.standardError == nil && $0.p == nil && $0.confidenceInterval == nil })
    let zeroDof = try ParameterInference(estimates: [1], covariance: [[1]], degreesOfFreedom: 0)
    #expect(zeroDof.criticalValue == nil && zeroDof.estimates[0].standardError == nil)
    let nan = try ParameterInference(estimates: [1], covariance: [[.nan]], degreesOfFreedom: 4)
    #expect(nan.estimates[0].standardError == nil && nan.estimates[0].t == nil)
    #expect(throws: StatisticsError.self) {
      try ParameterInference(estimates: [1], covariance: [[1]], degreesOfFreedom: 4, level: 1.5)
    }
    #expect(throws: StatisticsError.self) {
      try ParameterInference(estimates: [1, 2], covariance: [[1]], degreesOfFreedom: 4)
    }
  }
}
