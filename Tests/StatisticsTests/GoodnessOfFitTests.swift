import Foundation
import Statistics
import Testing

@Suite("Goodness of fit")
struct GoodnessOfFitTests {
  @Test("Hand-computed case: R², adjusted R², RMSE, MAE, log-likelihood, AIC, AICc, BIC")
  func handCase() throws {
    // residuals 0.1, -0.1, 0.2, -0.2, 0 -> RSS 0.1; TSS 10; n 5; p 2; k 3
    let fit = try GoodnessOfFit(observed: [1, 2, 3, 4, 5], predicted: [0.9, 2.1, 2.8, 4.2, 5.0], parameterCount: 2)
    let ll = -2.5 * (log(2 * Double.pi) + log(0.1 / 5) + 1)
    func close(_ value: Double?, _ expected: Double) -> Bool {
      guard let value else { return false }
      return abs(value - expected) <= 1e-12 * max(1, abs(expected))
    }
    #expect(close(fit.residualSumOfSquares, 0.1))
    #expect(close(fit.totalSumOfSquares, 10))
    #expect(close(fit.r2, 0.99))
    #expect(close(fit.adjustedR2, 1 - 0.01 * 4 / 3))
    #expect(close(fit.rmse, (0.1 / 5).squareRoot()))
    #expect(close(fit.mae, 0.12))
    #expect(close(fit.logLikelihood, ll))
    #expect(close(fit.logLikelihood, 2.685364847546997))
    #expect(close(fit.aic, -2 * ll + 6))
    #expect(close(fit.aicc, -2 * ll + 6 + 24.0))  // 2k(k+1)/(n-k-1) = 24/1
    #expect(close(fit.bic, -2 * ll + 3 * log(5)))
    #expect(fit.informationCriterionParameters == 3)
  }

  @Test("Weights enter RSS, TSS, RMSE, MAE and the log-likelihood")
  func weighted() throws {
    let fit = try GoodnessOfFit(observed: [1, 2, 4], predicted: [1.5, 2, 3], weights: [2, 1, 1], parameterCount: 1)
    // RSS = 2*0.25 + 0 + 1 = 1.5; weighted mean = (2+2+4)/4 = 2; TSS = 2*1 + 0 + 4 = 6
    #expect(fit.residualSumOfSquares == 1.5)
    #expect(fit.totalSumOfSquares == 6)
    #expect(fit.r2 == 0.75)
    #expect(abs(fit.rmse! - (1.5 / 4).squareRoot()) < 1e-15)
    #expect(abs(fit.mae! - 2.0 / 4) < 1e-15)
    let ll = -1.5 * (log(2 * Double.pi) + log(0.5) + 1) + log(2) / 2
    #expect(abs(fit.logLikelihood! - ll) < 1e-12)
  }

  @Test("Undefined statistics are nil, not NaN")
  func undefined() throws {
    let perfect = try GoodnessOfFit(observed: [1, 2, 3], predicted: [1, 2, 3], parameterCount: 2)
    #expect(perfect.r2 == 1 && perfect.logLikelihood == nil && perfect.aic == nil && perfect.bic == nil)
    let constant = try GoodnessOfFit(observed: [2, 2, 2], predicted: [1, 2, 3], parameterCount: 1)
    #expect(constant.r2 == nil && constant.adjustedR2 == nil)
    let small = try GoodnessOfFit(observed: [1, 2, 4], predicted: [1.1, 2, 3.8], parameterCount: 1)
    #expect(small.aicc == nil && small.aic != nil)  // n - k - 1 = 0
    let broken = try GoodnessOfFit(observed: [1, 2, 4], predicted: [1, .nan, 4], parameterCount: 1)
    #expect(broken.r2 == nil && broken.rmse == nil && broken.mae == nil && broken.aic == nil)
    #expect(throws: StatisticsError.self) {
      try GoodnessOfFit(observed: [1, .infinity], predicted: [1, 2], parameterCount: 1)
    }
    #expect(throws: StatisticsError.self) { try GoodnessOfFit(observed: [1, 2], predicted: [1], parameterCount: 1) }
  }
}
