import Foundation
import Support
import TestSupport
import Testing

/// Random argument vectors for both commands: every run ends with status 0, 1 or 2 (never a signal), and a
/// non-zero status comes with one `NAME: error: …` line.
@Suite struct ArgumentFuzzTests {
  static let runs = 150

  /// Runs in `directory`, so outputs named by random arguments land there.
  static func fuzz(
    _ name: String, fixed: [String], vocabulary: [String], seed: UInt64, in directory: URL, runs: Int = runs
  ) throws {
    var rng = SeededGenerator(seed: seed)
    for _ in 0..<runs {
      var arguments = fixed
      for _ in 0..<(1 + rng.nextInt(below: 6)) { arguments.append(vocabulary[rng.nextInt(below: vocabulary.count)]) }
      let result = try CommandRunner.run(name, arguments, in: directory)
      #expect([0, 1, 2].contains(result.status), "\(name) \(arguments): status \(result.status)")
      if result.status != 0 {
        let lines = result.stderr.split(separator: "\n")
        #expect(
          lines.count == 1 && lines[0].hasPrefix("\(name): error: "),
          "\(name) \(arguments): \(result.stderr.debugDescription)")
      }
    }
  }

  @Test func fitFormulas() throws {
    let folder = try TemporaryDirectory("argfuzz-fit")
    defer { folder.remove() }
    var lines = ["n,T,AMI,fscore,method"]
    for (i, n) in [1000.0, 2000, 4000, 8000, 16000, 32000].enumerated() {
      for t in [1.0, 2] { lines.append("\(n),\(t),0.5,\(0.1 * Foundation.log(n) + 0.01 * t),m\(i % 2)") }
    }
    let data = folder.file("d.csv")
    try (lines.joined(separator: "\n") + "\n").write(toFile: data, atomically: true, encoding: .utf8)
    let vocabulary = [
      "--threads", "-1", "0", "3", "--max-evals", "500", "1e9", "nan", "--folds", "1", "--fit", "a + b*log(n)",
      "((", "--group-by", "method", "nope", "--select", "aicc", "bogus", "--operators", "+,-,tan", "--target",
      "fscore", "T", "--features", "n,T", "n,zz", "--test-fraction", "1.5", "--weights", "AMI", "--units", "n:x",
      "--start", "a=2", "a=", "--report", folder.file("r"), "--honest", "--bootstrap", "--json", "/nonexistent/x.json",
      "--time-limit", "-3", "--population", "--patience", "--help-hidden",
    ]
    try Self.fuzz(
      "fit-formulas", fixed: [data, "--max-evals", "2000"], vocabulary: vocabulary, seed: 21, in: folder.url)
  }

  @Test func simulate() throws {
    let folder = try TemporaryDirectory("argfuzz-sim")
    defer { folder.remove() }
    let config = folder.file("grid.json")
    try
      #"{"grid": {"tasks": [1, 2], "tokens": [200], "alpha": [0.9]}, "training": {"epochs": 1, "patience": null, "dev_tokens": 200, "embedding_size": 4, "hidden_sizes": [8]}}"#
      .write(toFile: config, atomically: true, encoding: .utf8)
    let vocabulary = [
      "--config", config, "/nonexistent.json", "--out", folder.file("o.csv"), "--shard", "1/2", "3/2", "0/0",
      "--threads", "0", "2", "--method", "alphavil", "soft", "--model", "lstm", "bilstm-9fc", "--epochs", "-1",
      "--resume", "--seed", "x", "tasks", "calibrate", "--ami", "2", "merge", "--reps-out", "--log-out",
      "--patience", "--schedule", "nope", "--activation",
    ]
    try Self.fuzz("simulate", fixed: [], vocabulary: vocabulary, seed: 22, in: folder.url)
    // With a complete command as the base, the random options reach the training settings and the runner.
    try Self.fuzz(
      "simulate", fixed: ["--config", config, "--out", folder.file("base.csv"), "--quiet"], vocabulary: vocabulary,
      seed: 23, in: folder.url, runs: 60)
  }
}
