import Expressions
import Reports
import TestSupport
import Testing

@Suite(.enabled(if: SharedData.paperBalancedAvailable, "needs ../shared/data/paper-balanced.csv"))
struct PaperDataReportTests {
  @Test func builtInsReproduceThePublishedOLSValues() throws {
    let data = try ReportsTestData.paperBalanced()
    let summary = DataSummary(data: data)
    #expect(summary.rows == 1002 && summary.distinctPoints == 444)
    #expect(abs(summary.noiseCeilingR2! - 0.9958) < 5e-5)
    #expect(summary.singleTaskRowsWithAMIOne > 0)
    let comparison = HypothesisComparison(hypotheses: HypothesisLibrary.builtIns, data: data, folds: 0)
    func r2(_ name: String) -> Double? { comparison.results.first { $0.name == name }?.fit?.goodness.r2 }
    #expect(abs(try #require(r2("paper_sqrt")) - 0.8562) < 5e-5)
    #expect(abs(try #require(r2("log_forms")) - 0.9143) < 5e-5)
    #expect(abs(try #require(r2("maurer")) - 0.7409) < 5e-5)
    #expect(abs(try #require(r2("maurer_ami")) - 0.9107) < 5e-5)
    #expect(abs(try #require(r2("aux_relatedness")) - 0.8883) < 0.05)
    #expect(try #require(r2("log_pooled")) > 0.93)
    #expect(comparison.results.allSatisfy { $0.fit != nil })
    // sqrt_n_T is nested in paper_sqrt; the AMI term is highly significant.
    let test = try #require(comparison.nestedTests.first { $0.smaller == "sqrt_n_T" && $0.larger == "paper_sqrt" })
    #expect(test.p < 1e-10)
  }

  @Test func exponentAnalysisSupportsSqrtAMIButNotSqrtN() throws {
    let data = try ReportsTestData.paperBalanced()
    let model = try #require(ExponentAnalysis(data: data).models.first { $0.name == "power" })
    #expect(model.excludedRows == 62)  // AMI = 0 rows
    let byTerm = Dictionary(uniqueKeysWithValues: model.exponents.map { ($0.term, $0) })
    #expect(byTerm["AMI"]?.containsHalf == true)
    #expect(byTerm["n"]?.containsHalf == false)
    #expect(byTerm["T"]?.containsHalf == false)
  }
}
