import Foundation
import Reports
import Support
import TestSupport
import Testing

/// `--fit F --group-by COL`: one structure, each group's own constants, and the test of shared constants.
@Suite struct GroupedFixedFormTests {
  /// fscore = a_g + b_g·sqrt(n) + noise for three methods, 40 rows each (5 replicates of 8 sizes).
  static func input(_ truth: [String: (Double, Double)], noise: Double = 0.002) throws -> (
    ResultsInput, TemporaryDirectory
  ) {
    var rng = SeededGenerator(seed: 3)
    var lines = ["n,method,fscore"]
    for method in truth.keys.sorted() {
      let (a, b) = truth[method]!
      for n in stride(from: 1000, through: 8000, by: 1000) {
        for _ in 0..<5 {
          lines.append("\(n),\(method),\(a + b * Double(n).squareRoot() + noise * rng.nextNormal())")
        }
      }
    }
    let folder = try TemporaryDirectory("grouped-fit")
    let path = folder.file("results.csv")
    try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    return (try ResultsInput(InputRequest(path: path, target: "fscore")), folder)
  }

  @Test func eachGroupGetsItsOwnConstantsAndTheTestSeesTheDifference() throws {
    let truth = ["alphavil": (0.20, 0.004), "graph-star": (0.25, 0.003), "hard-sharing": (0.10, 0.005)]
    let (input, folder) = try Self.input(truth)
    defer { folder.remove() }
    let grouped = try GroupedFixedFormAnalysis(
      formula: "a + b*sqrt(n)", input: input, column: "method", starts: [:], folds: 0, seed: 1)
    #expect(grouped.groups.map(\.value) == ["alphavil", "graph-star", "hard-sharing"])
    for g in grouped.groups {
      let (a, b) = truth[g.value]!
      let fit = g.analysis.fit
      #expect(g.analysis.rows == 40)
      for (c, value) in zip(fit.constants, [a, b]) {
        #expect(
          c.lower! <= value && value <= c.upper!, "\(g.value) \(c.name): \(value) outside [\(c.lower!), \(c.upper!)]")
      }
    }
    #expect(grouped.df1 == 4 && grouped.df2 == 120 - 6)
    #expect(try #require(grouped.p) < 1e-9)
    let json = grouped.document(
      target: "fscore",
      run: RunInfo.current(tool: "test", seed: 1, threads: 1, seconds: nil, evaluations: nil, inputSHA256: nil)
    )
    .json
    #expect(json["group_fits"]?["members"]?.arrayValue?.count == 3)
    #expect(json["group_fits"]?["shared_constants_test"]?["p"]?.doubleValue == grouped.p)
  }

  @Test func sharedConstantsAreNotRejected() throws {
    let same = (0.15, 0.004)
    let (input, folder) = try Self.input(["a": same, "b": same, "c": same], noise: 0.01)
    defer { folder.remove() }
    let grouped = try GroupedFixedFormAnalysis(
      formula: "a + b*sqrt(n)", input: input, column: "method", starts: [:], folds: 0, seed: 1)
    #expect(try #require(grouped.p) > 0.05)
  }

  @Test func aMissingOrConstantColumnIsOneErrorNamingTheSetting() throws {
    let (input, folder) = try Self.input(["only": (0.1, 0.004)])
    defer { folder.remove() }
    for column in ["nope", "method"] {
      let error = #expect(throws: ReportError.self) {
        try GroupedFixedFormAnalysis(
          formula: "a + b*sqrt(n)", input: input, column: column, starts: [:], folds: 0, seed: 1)
      }
      #expect(error?.setting == "groupBy")
    }
  }
}
