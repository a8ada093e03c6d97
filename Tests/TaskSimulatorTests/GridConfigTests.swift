import Foundation
import Support
import TaskSimulator
import TestSupport
import Testing

@Suite struct GridConfigTests {
  func parse(_ json: String) throws(TaskSimulatorError) -> GridConfig {
    try GridConfig.parse(Data(json.utf8), source: "c.json")
  }

  func error(_ json: String) -> String {
    do {
      let config = try parse(json)
      try config.validate(against: SyntheticCorpus.standard)
      return "no error"
    } catch {
      return error.message
    }
  }

  @Test func expandsProductGridAndPoints() throws {
    let c = try parse(
      """
      {"seed": 5, "repetitions": 2, "grid": {"tasks": [1, 3], "tokens": [100, 200], "ami": [0.2, 0.5]},
       "points": [{"tasks": 3, "main_tokens": 50, "aux_tokens": 70, "alphas": [0.9, 0.4], "repetitions": 4}],
       "training": {"epochs": 3, "model": "window-mlp", "anything": {"nested": [1, true, null]}}}
      """)
    #expect(c.seed == 5 && c.corpus == .embedded)
    #expect(c.points.count == 2 * 2 * 2 + 1)
    #expect(c.points.map(\.index) == Array(0..<9))
    #expect(c.points[0].taskCount == 1 && c.points[0].ami == 0.2 && c.points[0].repetitions == 2)
    let last = c.points[8]
    #expect(last.mainTokens == 50 && last.auxTokens == 70 && last.alphas == [0.9, 0.4] && last.repetitions == 4)
    #expect(
      c.training
        == .object([
          ("epochs", .integer(3)), ("model", .string("window-mlp")),
          ("anything", .object([("nested", .array([.integer(1), .bool(true), .null]))])),
        ]))
    try c.validate(against: SyntheticCorpus.standard)
    let calibrated = try c.calibratedAlphas(corpus: SyntheticCorpus.standard)
    #expect(calibrated.count == 2)
    let spec = try c.points[4].familySpec(
      repetition: 1, seed: c.seed, corpus: SyntheticCorpus.standard, calibrated: calibrated)
    #expect(spec.alphas.count == 2 && spec.alphas[0] == calibrated[c.points[4].ami!])
    let uncached = try c.points[4].familySpec(repetition: 1, seed: c.seed, corpus: SyntheticCorpus.standard)
    #expect(spec == uncached)
    let rep2 = try c.points[4].familySpec(repetition: 2, seed: c.seed, corpus: SyntheticCorpus.standard)
    #expect(rep2.seed != spec.seed)
    // single-task points ignore relatedness
    let s0 = try c.points[0].familySpec(repetition: 1, seed: 5, corpus: SyntheticCorpus.standard)
    let s1 = try c.points[1].familySpec(repetition: 1, seed: 5, corpus: SyntheticCorpus.standard)
    #expect(s0.alphas.isEmpty && s0 == s1)
  }

  @Test func sharedInputsAndUnbalancedGrid() throws {
    let c = try parse(
      #"{"inputs": "shared", "grid": {"tasks": [3], "main_tokens": [100, 200], "aux_tokens": [300], "alpha": [0.9]}}"#)
    #expect(c.points.map(\.inputs) == [.shared, .shared])
    #expect(c.points.map(\.mainTokens) == [100, 200] && c.points.allSatisfy { $0.auxTokens == 300 && $0.alpha == 0.9 })
    let spec = try c.points[1].familySpec(repetition: 1, seed: 1, corpus: SyntheticCorpus.standard)
    #expect(spec.inputs == .shared && spec.requiredTokens == 300 && spec.alphas == [0.9, 0.9])
  }

  @Test func everyErrorPathIsOneLine() {
    let cases: [(String, String)] = [
      ("{", "c.json: invalid JSON"),
      ("[]", "c.json: expected an object, found array"),
      (#"{"grid": {"tasks": [1], "tokens": [10]}, "colour": 1}"#, "c.json: unknown key 'colour'"),
      (#"{"grid": {"tasks": [1], "tokens": [10], "size": 3}}"#, "c.json: grid: unknown key 'size'"),
      (#"{"points": [{"tasks": 1, "tokens": 10, "x": 1}]}"#, "c.json: points[0]: unknown key 'x'"),
      (#"{"grid": {"tokens": [10]}}"#, "c.json: grid: missing key 'tasks'"),
      (#"{"grid": {"tasks": [2]}}"#, "c.json: grid: missing key 'tokens'"),
      (#"{"grid": {"tasks": [2], "tokens": [10]}}"#, "c.json: grid: missing key 'alpha' or 'ami'"),
      (
        #"{"grid": {"tasks": [2], "tokens": [10], "alpha": [0.5], "ami": [0.5]}}"#,
        "c.json: grid: give either 'alpha' or 'ami'"
      ),
      (
        #"{"grid": {"tasks": [2], "tokens": [10], "main_tokens": [10], "aux_tokens": [5], "alpha": [1]}}"#,
        "c.json: grid: give either 'tokens'"
      ),
      (#"{"grid": {"tasks": [0], "tokens": [10]}}"#, "c.json: grid.tasks[0]: must be at least 1"),
      (#"{"grid": {"tasks": [1.5], "tokens": [10]}}"#, "c.json: grid.tasks[0]: expected an integer"),
      (#"{"grid": {"tasks": [], "tokens": [10]}}"#, "c.json: grid.tasks: list is empty"),
      (#"{"grid": {"tasks": 2, "tokens": [10], "alpha": [1]}}"#, "c.json: grid.tasks: expected a list"),
      (
        #"{"grid": {"tasks": [2], "tokens": [10], "alpha": [1.5]}}"#,
        "c.json: grid.alpha[0]: alpha 1.5 outside [1/K, 1]"
      ),
      (
        #"{"grid": {"tasks": [2], "tokens": [10], "alpha": [0.1]}}"#,
        "c.json: point 0 (T2-n10-10-alpha0.1): alpha 0.1 outside [1/K, 1] = [0.2, 1] (K = 5)"
      ),
      (#"{"grid": {"tasks": [2], "tokens": [10], "ami": [1]}}"#, "c.json: grid.ami[0]: ami 1 outside (0, 1)"),
      (#"{"grid": {"tasks": [2], "tokens": [10], "ami": [0]}}"#, "c.json: grid.ami[0]: ami 0 outside (0, 1)"),
      (
        #"{"grid": {"tasks": [30], "tokens": [10000], "alpha": [0.9]}}"#,
        "c.json: point 0 (T30-n10000-10000-alpha0.9): needs 300000 training tokens (T·n)"
      ),
      (#"{"points": [{"tasks": 3, "tokens": 10, "alphas": [0.9]}]}"#, "c.json: points[0].alphas: expected 2 values"),
      (#"{"points": [{"tasks": 2, "tokens": 10, "alpha": 0.9, "ami": 0.5}]}"#, "c.json: points[0]: give only one of"),
      (#"{"points": [{"tasks": 2, "tokens": 10}]}"#, "c.json: points[0]: missing key 'alpha', 'alphas' or 'ami'"),
      (#"{"points": {}}"#, "c.json: points: expected a list"),
      (#"{"points": []}"#, "c.json: no grid points"),
      (#"{"seed": -1, "points": [{"tasks": 1, "tokens": 10}]}"#, "c.json: seed: expected a non-negative integer"),
      (#"{"repetitions": 0, "points": [{"tasks": 1, "tokens": 10}]}"#, "c.json: repetitions: must be at least 1"),
      (
        #"{"inputs": "mixed", "points": [{"tasks": 1, "tokens": 10}]}"#,
        "c.json: inputs: expected \"disjoint\" or \"shared\""
      ),
      (#"{"corpus": "conll", "points": [{"tasks": 1, "tokens": 10}]}"#, "c.json: corpus: expected \"embedded\""),
      (
        #"{"corpus": {"dev": "d.conll"}, "points": [{"tasks": 1, "tokens": 10}]}"#,
        "c.json: corpus: missing key 'train'"
      ),
      (
        #"{"corpus": {"train": "t", "format": 1}, "points": [{"tasks": 1, "tokens": 10}]}"#,
        "c.json: corpus: unknown key 'format'"
      ),
      (#"{"name": 3, "points": [{"tasks": 1, "tokens": 10}]}"#, "c.json: name: expected a string"),
    ]
    for (json, prefix) in cases {
      let message = error(json)
      #expect(message.hasPrefix(prefix), "\(json) → \(message)")
      #expect(!message.contains("\n"), "\(json) → multi-line message")
    }
    // the training object is passed through without key checks
    #expect(error(#"{"points": [{"tasks": 1, "tokens": 10}], "training": {"unknown_to_simulator": 1}}"#) == "no error")
  }

  @Test func committedConfigsLoadAndValidate() throws {
    let folder = PackagePaths.root.appendingPathComponent("simulator")
    let corpus = SyntheticCorpus.standard
    let quick = try GridConfig.load(contentsOf: folder.appendingPathComponent("quick.json"))
    try quick.validate(against: corpus)
    #expect(quick.name == "quick" && quick.points.count == 21)
    let balanced = try GridConfig.load(contentsOf: folder.appendingPathComponent("paper-balanced.json"))
    try balanced.validate(against: corpus)
    #expect(balanced.points.count == 444 && balanced.points.allSatisfy { $0.repetitions == 5 })
    #expect(balanced.points.map { $0.taskCount * $0.mainTokens }.max() == 100_000)
    let unbalanced = try GridConfig.load(contentsOf: folder.appendingPathComponent("paper-unbalanced.json"))
    try unbalanced.validate(against: corpus)
    #expect(unbalanced.points.count == 4800)
    #expect(unbalanced.points.map { $0.mainTokens + ($0.taskCount - 1) * $0.auxTokens }.max() == 176_500)
  }

  @Test(.enabled(if: SharedData.paperBalancedAvailable, "needs ../shared/data/paper-balanced.csv"))
  func paperBalancedMatchesPaperCSV() throws {
    let csv = try SharedData.paperBalanced()
    let lines = try String(contentsOf: csv, encoding: .utf8).split(separator: "\n").dropFirst()
    var expected = Set<String>()
    for line in lines {
      let f = line.split(separator: ",")
      guard f.count >= 5, let t = Int(f[0]), let n = Int(f[1]), let a = Double(f[4]) else { continue }
      expected.insert("\(t) \(n) \(a)")
    }
    let config = try GridConfig.load(
      contentsOf: PackagePaths.root.appendingPathComponent("simulator/paper-balanced.json"))
    let got = Set(config.points.map { "\($0.taskCount) \($0.mainTokens) \($0.alpha ?? -1)" })
    #expect(expected.count == 444)
    #expect(got == expected)
  }
}
