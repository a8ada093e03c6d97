import Foundation
import Reports
import Support
import Testing

@Suite struct ResultDocumentTests {
  static func sample() -> ResultDocument {
    let entry = FormulaEntry(
      complexity: 7, expression: "a + b*sqrt(n)", sympy: "1.5 + 0.25*sqrt(n)", latex: "1.5 + 0.25 \\sqrt{n}",
      constants: [
        ConstantEntry(name: "a", value: 1.5, standardError: 0.1, ci95: (1.3, 1.7), t: 15, p: 1e-9),
        ConstantEntry(name: "b", value: 0.25, standardError: nil, ci95: nil, t: nil, p: nil),
      ],
      r2: 0.9, adjustedR2: .nan, rmse: 0.05, aicc: -.infinity, bic: -12.5,
      crossValidation: CrossValidationEntry(k: 5, grouped: true, r2Mean: 0.88, r2SD: 0.02, rmseMean: 0.06),
      covariance: [[0.01, 0.001], [0.001, 0.002]], degreesOfFreedom: 10)
    return ResultDocument(
      run: RunInfo(
        version: "0.1.0", commit: "abc", command: "fit-formulas x.csv", seed: 3, threads: 2,
        seconds: 1.25, evaluations: 1000, inputSHA256: "00"),
      target: "fscore", features: ["n"], rows: 12, groups: 6,
      split: SplitInfo(testFraction: 0.25, validationFraction: 0.2, grouped: true, seed: 3),
      selected: 0, front: [entry])
  }

  @Test func nonFiniteStatisticsAreNull() throws {
    let text = Self.sample().text()
    #expect(!text.lowercased().contains("nan"))
    #expect(!text.contains("inf"))
    let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
    let entry = (object["front"] as! [[String: Any]])[0]
    #expect(entry["adj_r2"] is NSNull)
    #expect(entry["aicc"] is NSNull)
    #expect(entry["r2"] as? Double == 0.9)
  }

  @Test func roundTripsThroughText() throws {
    let document = Self.sample()
    let parsed = try ResultDocument(json: try JSONValue(parsing: document.text()), source: "test")
    #expect(parsed.jsonWithoutRun == document.jsonWithoutRun)
    #expect(parsed.front[0].covariance == [[0.01, 0.001], [0.001, 0.002]])
    #expect(parsed.run.seed == 3)
  }

  @Test func keyOrderFollowsTheConvention() {
    let text = Self.sample().text()
    let keys = [
      "\"schema\"", "\"run\"", "\"target\"", "\"features\"", "\"rows\"", "\"groups\"", "\"split\"",
      "\"selected\"", "\"front\"",
    ]
    let positions = keys.map { text.range(of: $0)!.lowerBound }
    #expect(positions == positions.sorted())
  }

  @Test func rejectsOtherDocuments() {
    #expect(throws: ResultDocumentError.self) {
      try ResultDocument(json: try JSONValue(parsing: "{\"schema\": \"other\"}"), source: "x.json")
    }
    #expect(throws: JSONParseError.self) { try JSONValue(parsing: "{\"a\": [1, 2", source: "x.json") }
  }

  @Test func jsonStringsAreEscaped() throws {
    let value = JSONValue.object([("k", .string("quote \" backslash \\ newline \n tab \t"))])
    let parsed = try JSONValue(parsing: value.prettyPrinted())
    #expect(parsed == value)
  }

  @Test func sha256KnownVectors() {
    #expect(InputDigest.sha256(Array("".utf8)) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(InputDigest.sha256(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    let long = Array(String(repeating: "a", count: 1000).utf8)
    #expect(InputDigest.sha256(long) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
  }
}
