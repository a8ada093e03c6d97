import Foundation
import Support
import TaskSimulator
import TestSupport
import Testing

/// Seeded mutation fuzzing of the grid-config reader: 10,000 mutated configs, each parsed or rejected with one line.
@Suite struct GridConfigFuzzTests {
  @Test func mutatedConfigsParseOrFailWithOneLine() throws {
    let quick = try String(
      contentsOf: PackagePaths.root.appendingPathComponent("simulator/quick-methods.json"), encoding: .utf8)
    let seeds = [
      quick,
      #"{"grid": {"tasks": [2], "main_tokens": [1000], "aux_tokens": [4000], "alpha": [0.9]}, "repetitions": 2}"#,
      #"{"points": [{"tasks": 3, "tokens": 500, "alphas": [0.9, 0.5]}], "inputs": "shared", "seed": 7}"#,
    ]
    let tokens = [
      "{", "}", "[", "]", "\"", ":", ",", "-1", "0", "1e999", "nan", "null", "true", "\"tasks\"", "\"ami\"", "[]",
      "\"methods\"", "1.5", "99999999999999999999",
    ]
    var mutator = Mutator(seed: 11, inputs: seeds, tokens: tokens)
    var accepted = 0
    for _ in 0..<10_000 {
      let text = mutator.next()
      do {
        let grid = try GridConfig.parse(Data(text.utf8), source: "fuzz.json")
        #expect(!grid.points.isEmpty)
        accepted += 1
      } catch {
        let message = error.description
        if message.isEmpty || message.contains("\n") {
          Issue.record("rejection is not one line: \(message.debugDescription) for \(text.debugDescription)")
        }
      }
    }
    #expect(accepted > 0 && accepted < 10_000)
  }
}
