import Expressions
import Foundation
import Reports
import Statistics
import Testing

@Suite struct AnalysesTests {
  private func formula(_ text: String) throws -> Expressions.Expression { try Expressions.Expression(parsing: text) }

  @Test func fDistributionMatchesClosedForms() throws {
    // d1 = 2: P(F > f) = (1 + 2f/d2)^(-d2/2).
    let p = try #require(FDistribution.upperTail(4, d1: 2, d2: 10))
    #expect(abs(p - pow(1.8, -5)) < 1e-12)
    // F(1, d) is t² with d degrees of freedom.
    let f1 = try #require(FDistribution.upperTail(6.25, d1: 1, d2: 17))
    let t = try #require(ParameterInference.tUpperTail(2.5, degreesOfFreedom: 17))
    #expect(abs(f1 - 2 * t) < 1e-10)
    #expect(FDistribution.upperTail(0, d1: 3, d2: 5) == 1)
    #expect(FDistribution.upperTail(1, d1: 0, d2: 5) == nil)
    let i = try #require(FDistribution.regularizedIncompleteBeta(0.3, a: 1, b: 1))
    #expect(abs(i - 0.3) < 1e-14)
  }

  @Test func rightHypothesisWinsAndNestedTestIsComputed() throws {
    let data = try ReportsTestData.inverseSqrt()
    let hypotheses =
      HypothesisLibrary.builtIns(availableColumns: ["n"]) + [
        try Hypothesis(parsing: "inv_sqrt = a + b/sqrt(n)"),
        try Hypothesis(parsing: "inv_sqrt_plus = a + b/sqrt(n) + c/n"),
        try Hypothesis(parsing: "linear=a + b*n"),
      ]
    #expect(Set(hypotheses.map(\.name)) == ["log_n", "sqrt_n", "inv_sqrt", "inv_sqrt_plus", "linear"])
    let comparison = HypothesisComparison(hypotheses: hypotheses, data: data, folds: 5, seed: 3)
    #expect(comparison.best?.name == "inv_sqrt")
    #expect(comparison.folds == 5)
    let wrong = try #require(comparison.results.first { $0.name == "sqrt_n" })
    #expect((wrong.deltaAICc ?? 0) > 50)
    #expect(comparison.cvRanks["inv_sqrt"]! < comparison.cvRanks["sqrt_n"]!)
    let right = try #require(comparison.best?.fit)
    #expect(abs(right.values["b"]! - 2) < 0.05)
    // The extra 1/n term explains nothing beyond noise: the F test does not reject the smaller form.
    let test = try #require(comparison.nestedTests.first { $0.smaller == "inv_sqrt" && $0.larger == "inv_sqrt_plus" })
    #expect(test.numeratorDegrees == 1 && test.denominatorDegrees == 117)
    #expect(test.p > 0.01)
    // A wrong smaller form nested in a right larger one is rejected.
    let sqrtInPlus = comparison.nestedTests.contains { $0.smaller == "sqrt_n" }
    #expect(!sqrtInPlus)
    let weights = comparison.results.compactMap(\.aiccWeight).reduce(0, +)
    #expect(abs(weights - 1) < 1e-9)
  }

  @Test func nestedTestRejectsAMissingTerm() throws {
    let data = try ReportsTestData.inverseSqrt()
    let comparison = HypothesisComparison(
      hypotheses: [
        try Hypothesis(parsing: "const_lin = a + b*n"),
        try Hypothesis(parsing: "with_root = a + b*n + c/sqrt(n)"),
      ],
      data: data, folds: 0)
    let test = try #require(comparison.nestedTests.first)
    #expect(test.smaller == "const_lin" && test.larger == "with_root")
    #expect(test.p < 1e-10)
    #expect(comparison.folds == 0)
  }

  @Test func exponentCIContainsMinusHalf() throws {
    let data = try ReportsTestData.inverseSqrt()
    let analysis = ExponentAnalysis(data: data)
    #expect(analysis.models.count == 1)
    let model = try #require(analysis.models.first)
    let exponent = try #require(model.exponents.first)
    #expect(exponent.term == "n")
    #expect(exponent.containsMinusHalf == true)
    #expect(exponent.containsHalf == false)
    #expect(abs(exponent.value + 0.5) < 0.05)
    #expect(exponent.verdict.contains("contains −0.5"))
    #expect(exponent.verdict.contains("excludes 0.5"))
  }

  @Test func extrapolationErrorSmallForTheRightForm() throws {
    let data = try ReportsTestData.inverseSqrt()
    let rule = try ExtrapolationRule(parsing: "n>3000")
    #expect(rule.feature == "n" && rule.comparison == .greater && rule.threshold == 3000)
    let analysis = try ExtrapolationAnalysis(
      rule: rule,
      formulas: [
        try Hypothesis(parsing: "right=a + b/sqrt(n)"),
        try Hypothesis(parsing: "wrong=a + b*log(n)"),
      ],
      data: data)
    #expect(analysis.heldOutRows > 0 && analysis.heldOutRows + analysis.fittedRows == data.rowCount)
    let right = try #require(analysis.results.first { $0.name == "right" }?.rmse)
    let wrong = try #require(analysis.results.first { $0.name == "wrong" }?.rmse)
    #expect(right < 0.005)
    #expect(wrong > 2 * right)
    #expect(throws: ReportError.self) { try ExtrapolationRule(parsing: "n=5") }
    #expect(throws: ReportError.self) {
      try ExtrapolationAnalysis(rule: try ExtrapolationRule(parsing: "zz<1"), formulas: [], data: data)
    }
    #expect(throws: ReportError.self) {
      try ExtrapolationAnalysis(rule: try ExtrapolationRule(parsing: "n>1e9"), formulas: [], data: data)
    }
  }

  @Test func dataSummaryNoiseCeiling() throws {
    // Two points, each twice: y = (1, 3) at x = 0 and (5, 7) at x = 1. Total SS = 20, within = 4.
    let data = try ReportData(targetName: "y", features: ["x"], columns: ["x": [0, 0, 1, 1]], target: [1, 3, 5, 7])
    let summary = DataSummary(data: data)
    #expect(summary.rows == 4 && summary.distinctPoints == 2 && summary.replicatedPoints == 2)
    #expect(abs(summary.noiseCeilingR2! - 0.8) < 1e-12)
    #expect(summary.features.first?.median == 0.5)
    let single = try ReportData(targetName: "y", features: ["x"], columns: ["x": [0, 1]], target: [1, 2])
    #expect(DataSummary(data: single).noiseCeilingR2 == nil)
    let paperLike = try ReportData(
      targetName: "y", features: ["T", "AMI"], columns: ["T": [1, 1, 2], "AMI": [1, 1, 0.5]],
      target: [0.1, 0.2, 0.3])
    #expect(DataSummary(data: paperLike).singleTaskRowsWithAMIOne == 2)
  }

  @Test func honestSplitsAreDisjointAndRefitRecoversTheTruth() throws {
    let data = try ReportsTestData.inverseSqrt()
    let f = try formula("a + b/sqrt(n)")
    let honest = try HonestAnalysis(data: data, seed: 5, selectionMethod: "fixed") { _ in f }
    #expect(Set(honest.selectionRows).isDisjoint(with: honest.estimationRows))
    #expect(honest.selectionRows.count + honest.estimationRows.count == data.rowCount)
    let fit = try #require(honest.fit)
    #expect(abs(fit.values["b"]! - 2) < 0.1)
    #expect((honest.estimationR2OfSelectionFit ?? 0) > 0.95)
  }

  @Test func bootstrapCountsStructuresWithConstantsAbstracted() throws {
    let data = try ReportsTestData.inverseSqrt()
    #expect(
      StructureKey.key(try formula("a + b/sqrt(n)"), variables: ["n"])
        == StructureKey.key(try formula("c0 + 1.75/sqrt(n)"), variables: ["n"]))
    #expect(
      StructureKey.key(try formula("a + b/sqrt(n)"), variables: ["n"])
        != StructureKey.key(try formula("a + b*log(n)"), variables: ["n"]))
    var calls: [UInt64] = []
    let stability = try BootstrapStability(
      data: data, replicates: 10, seed: 2,
      reference: try formula("a + b*log(n)")
    ) { resample, seed in
      calls.append(seed)
      #expect(resample.rowCount == data.rowCount)
      // Seeds 3, 6, 9, 12 select the log form; every rerun's front holds it.
      let log = try formula("k + m*log(n)")
      return SearchOutcome(selected: seed % 3 == 0 ? log : try formula("a\(seed) + 2.5/sqrt(n)"), front: [log])
    }
    #expect(calls.count == 10 && Set(calls).count == 10)
    #expect(stability.structures.count == 2)
    #expect(stability.structures.map(\.count).reduce(0, +) == 10)
    #expect(stability.structures[0].count >= stability.structures[1].count)
    #expect(stability.featureCounts.first?.count == 10)
    let reference = try #require(stability.reference)
    #expect(reference.selected == 4 && reference.onFront == 10)
    #expect(stability.structures.first { $0.count == 6 }?.onFront == 6)
    let again = try BootstrapStability(data: data, replicates: 10, seed: 2) { _, seed in
      SearchOutcome(selected: seed % 3 == 0 ? try formula("k + m*log(n)") : try formula("a + b/sqrt(n)"))
    }
    #expect(again.structures.map(\.count) == stability.structures.map(\.count))
  }

  @Test func confidenceBandMatchesLinearAlgebra() throws {
    let data = try ReportsTestData.inverseSqrt()
    let fit = try FormulaFitHelper.fit("a + b*n", data)
    let cov = try #require(fit.covariance)
    let band = ConfidenceBand(
      expression: fit.expression, constants: fit.constants.map { ($0.name, $0.value) },
      covariance: cov, degreesOfFreedom: fit.degreesOfFreedom, columns: ["n": [10, 5000]],
      rowCount: 2)
    let se = try #require(band.standardErrors)
    for (i, x) in [10.0, 5000].enumerated() {
      let expected = (cov[0][0] + 2 * x * cov[0][1] + x * x * cov[1][1]).squareRoot()
      #expect(abs(se[i] - expected) < 1e-12 * max(1, expected))
      #expect(band.lower![i] < band.predictions[i] && band.predictions[i] < band.upper![i])
    }
  }

  @Test func hypothesisParsingAndFiles() throws {
    let h = try Hypothesis(parsing: " mine = a + b*sqrt(n) ")
    #expect(h.name == "mine" && h.formula.description == "a + b*sqrt(n)" && h.source == "user")
    #expect(throws: ReportError.self) { try Hypothesis(parsing: "no formula") }
    #expect(throws: ReportError.self) { try Hypothesis(parsing: "bad = a + ") }
    let list = try HypothesisLibrary.parseFile(text: "# comment\n\nx = a + b*n\ny=a*n^b\n", source: "h.txt")
    #expect(list.map(\.name) == ["x", "y"])
    do {
      _ = try HypothesisLibrary.parseFile(text: "x = a +\n", source: "h.txt")
      Issue.record("expected an error")
    } catch let error as ReportError {
      #expect(error.description.hasPrefix("h.txt line 1: hypothesis 'x'"))
      #expect(!error.description.contains("\n"))
    }
    // Every built-in parses to a real formula.
    #expect(HypothesisLibrary.builtIns.allSatisfy { $0.formula.nodeCount > 3 })
  }

  @Test func weightsFromSDUseTheFloor() throws {
    let w = try WeightsFromSD(standardDeviations: [0, 0.01, 0.02, 0.04, 0.05, 0.1, 0.1, 0.1, 0.2, 0.3, 0.4])
    #expect(w.floor == 0.01)
    #expect(w.flooredRows == 1)
    #expect(abs(w.weights[0] - 10_000) < 1e-6 && abs(w.weights[2] - 2500) < 1e-6)
    #expect(throws: ReportError.self) { try WeightsFromSD(standardDeviations: [0, 0]) }
    #expect(try WeightsFromSD(standardDeviations: [0, 0], floor: 0.5).weights == [4, 4])
  }
}
