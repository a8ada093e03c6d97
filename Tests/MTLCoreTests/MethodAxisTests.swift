import Foundation
import MTLCore
import Support
import TaskSimulator
import TestSupport
import Testing

/// A config's `"methods"` list: every point once per method, on the same task families, with the readouts, the
/// training log and resume per (point, method).
@Suite struct MethodAxisTests {
  static let configText = """
    {"name": "methods", "seed": 4, "repetitions": 2, "methods": ["hard-sharing", "alphavil"],
     "grid": {"tasks": [1, 2], "tokens": [300], "alpha": [0.9]},
     "training": {"model": "window-mlp", "epochs": 2, "patience": null, "dev_tokens": 300,
                  "embedding_size": 8, "hidden_sizes": [16]}}
    """

  static func runner() throws -> GridRunner {
    let grid = try GridConfig.parse(Data(configText.utf8), source: "methods.json")
    return GridRunner(grid: grid, training: try TrainingConfig(json: grid.training, source: "m.json"), threads: 2)
  }

  @Test func theConfigRepeatsEveryPointOncePerMethod() throws {
    let grid = try GridConfig.parse(Data(Self.configText.utf8), source: "methods.json")
    #expect(grid.methods == ["hard-sharing", "alphavil"])
    #expect(grid.points.map(\.method) == ["hard-sharing", "alphavil", "hard-sharing", "alphavil"])
    #expect(grid.points.map(\.index) == [0, 1, 2, 3])
    #expect(grid.points[3].name == "T2-n300-300-alpha0.9-alphavil")
    // Families do not depend on the method: paired comparisons.
    let corpus = GridRunnerTests.corpus
    #expect(
      try grid.points[2].familySpec(repetition: 1, seed: 4, corpus: corpus)
        == grid.points[3].familySpec(repetition: 1, seed: 4, corpus: corpus))
    for bad in [#""methods": []"#, #""methods": ["a", "a"]"#, #""methods": [3]"#] {
      let text = Self.configText.replacingOccurrences(of: #""methods": ["hard-sharing", "alphavil"]"#, with: bad)
      #expect(throws: TaskSimulatorError.self) { try GridConfig.parse(Data(text.utf8), source: "m.json") }
    }
  }

  @Test func anUnknownMethodInTheListIsOneErrorNamingTheSetting() throws {
    let text = Self.configText.replacingOccurrences(of: #""alphavil"]"#, with: #""soft"]"#)
    let grid = try GridConfig.parse(Data(text.utf8), source: "m.json")
    let runner = GridRunner(grid: grid, training: try TrainingConfig(json: grid.training, source: "m.json"), threads: 1)
    let folder = try TemporaryDirectory("method-axis-bad")
    defer { folder.remove() }
    let error = #expect(throws: TrainingConfigError.self) {
      try runner.run(corpus: GridRunnerTests.corpus, output: folder.fileURL("r.csv"))
    }
    #expect(error?.setting == nil)
    #expect(error?.description.hasPrefix("m.json: methods: unknown method 'soft' (expected one of") == true)
  }

  @Test func everyMethodGetsItsRowsReadoutsAndLogAndResumeWorksPerPointAndMethod() throws {
    let folder = try TemporaryDirectory("method-axis")
    defer { folder.remove() }
    let out = folder.url.appendingPathComponent("results.csv")
    let log = folder.url.appendingPathComponent("log.csv")
    let rows = try Self.runner().run(corpus: GridRunnerTests.corpus, output: out, logOutput: log)
    #expect(rows.map(\.method) == ["hard-sharing", "alphavil", "hard-sharing", "alphavil"])
    for row in rows where row.taskCount == 2 {
      #expect(row.readoutGradCosine != nil)
      #expect((row.readoutMethod != nil) == (row.method == "alphavil"))
    }
    for row in rows where row.taskCount == 1 { #expect(row.readoutGradCosine == nil && row.readoutMethod == nil) }
    // Both methods' T = 2 rows share one single-task baseline.
    #expect(Set(rows.filter { $0.taskCount == 2 }.map(\.stlFscore)).count == 1)

    let logLines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
    #expect(logLines.first == "point,method,repetition,epoch,quantity,task,value")
    let weights = logLines.filter { $0.hasPrefix("3,alphavil,") && $0.contains(",weight,") }
    #expect(weights.count == 2 * 2 * 2)  // repetitions × epochs × tasks
    #expect(logLines.contains { $0.hasPrefix("0,hard-sharing,1,2,train_loss,,") })

    // Drop the last point (T = 2, αVIL) as an interrupted run would, then resume: the same table and log.
    let full = try GridRunnerTests.table(out)
    let fullLog = try String(contentsOf: log, encoding: .utf8)
    let cut = try String(contentsOf: out, encoding: .utf8).split(separator: "\n").dropLast().joined(separator: "\n")
    try (cut + "\n").write(to: out, atomically: true, encoding: .utf8)
    let resumed = try Self.runner().run(corpus: GridRunnerTests.corpus, output: out, logOutput: log, resume: true)
    #expect(resumed.map(\.point) == [3])
    #expect(try GridRunnerTests.table(out) == full)
    #expect(try String(contentsOf: log, encoding: .utf8) == fullLog)
  }
}

/// Every method on unbalanced points and on shared inputs, through the same runner.
@Suite struct EveryMethodOnEveryDesignTests {
  @Test(arguments: ["disjoint", "shared"])
  func everyMethodTrainsUnbalancedPoints(_ inputs: String) throws {
    let text = """
      {"name": "designs", "seed": 2, "inputs": "\(inputs)", "methods": \(MTLMethods.names),
       "points": [{"tasks": 3, "main_tokens": 300, "aux_tokens": 600, "alphas": [1.0, 0.2]},
                  {"tasks": 1, "tokens": 300}],
       "training": {"model": "window-mlp", "epochs": 1, "patience": null, "dev_tokens": 300,
                    "embedding_size": 8, "hidden_sizes": [16]}}
      """
    let grid = try GridConfig.parse(Data(text.utf8), source: "designs.json")
    let runner = GridRunner(grid: grid, training: try TrainingConfig(json: grid.training, source: "d.json"), threads: 2)
    let folder = try TemporaryDirectory("method-designs")
    defer { folder.remove() }
    let rows = try runner.run(corpus: GridRunnerTests.corpus, output: folder.fileURL("r.csv"))
    #expect(rows.count == 2 * MTLMethods.names.count)
    for row in rows {
      #expect(row.fscore.isFinite && row.fscore >= 0)
      if row.taskCount == 3 {
        #expect(row.auxTokens == 600 && row.readoutGradCosine != nil)
        #expect((row.readoutMethod == nil) == (row.method == "hard-sharing"))
      }
    }
  }
}
