import Foundation
import TestSupport
import Testing

/// `simulate` (default subcommand `train`) end to end, through the built executable, with a tiny model.
@Suite struct SimulateTrainTests {
  static let grid = #"""
    {"seed": 2, "repetitions": 2, "grid": {"tasks": [1, 2], "tokens": [300], "alpha": [1.0]},
     "training": {"epochs": 2, "patience": null, "dev_tokens": 300, "embedding_size": 8, "hidden_sizes": [16]}}
    """#

  private func write(_ text: String, _ name: String, in dir: URL) throws -> URL {
    let url = dir.appendingPathComponent(name)
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url
  }

  /// CSV rows without the `seconds` column.
  private func table(_ url: URL) throws -> [[Substring]] {
    let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
    let header = lines.first?.split(separator: ",") ?? []
    let drop = header.firstIndex(of: "seconds") ?? -1
    return lines.map { line in
      line.split(separator: ",", omittingEmptySubsequences: false).enumerated().filter { $0.offset != drop }.map(
        \.element)
    }
  }

  @Test func trainsEveryPointAndIsReproducibleAcrossThreadsAndResume() throws {
    let folder = try TemporaryDirectory("simtrain")
    defer { folder.remove() }
    let dir = folder.url
    let config = try write(Self.grid, "grid.json", in: dir)
    let one = dir.appendingPathComponent("one.csv")
    let two = dir.appendingPathComponent("two.csv")
    let reps = dir.appendingPathComponent("reps.csv")
    let first = try CommandRunner.run(
      "simulate", ["--config", config.path, "--out", one.path, "--threads", "1", "--reps-out", reps.path])
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stderr.contains("points 2/2"))
    let rows = try table(one)
    #expect(rows.count == 3)
    #expect(
      rows[0].prefix(7) == [
        "n_tasks", "n_tokens_per_task", "n_tokens_total", "mutual_info", "alpha", "fscore", "std_fscore",
      ])
    #expect(try table(reps).count == 5)
    let second = try CommandRunner.run(
      "simulate", ["train", "--config", config.path, "--out", two.path, "--threads", "2", "--quiet"])
    #expect(second.status == 0, "\(second.stderr)")
    #expect(second.stderr.isEmpty)
    #expect(try table(one) == table(two))
    // A run cut after the first point resumes to the same table.
    let text = try String(contentsOf: one, encoding: .utf8).split(separator: "\n")
    try (text[0...1].joined(separator: "\n") + "\n" + text[2].prefix(7)).write(
      to: two, atomically: true, encoding: .utf8)
    let resumed = try CommandRunner.run(
      "simulate", ["--config", config.path, "--out", two.path, "--resume", "--quiet"])
    #expect(resumed.status == 0, "\(resumed.stderr)")
    #expect(try table(one) == table(two))
  }

  @Test func badTrainingOptionsExitWithOneLine() throws {
    let folder = try TemporaryDirectory("simtrainbad")
    defer { folder.remove() }
    let dir = folder.url
    let bad = try write(#"{"grid": {"tasks": [1], "tokens": [300]}, "training": {"epoch": 3}}"#, "bad.json", in: dir)
    let out = dir.appendingPathComponent("r.csv").path
    let r1 = try CommandRunner.run("simulate", ["--config", bad.path, "--out", out])
    #expect(r1.status == 2)
    #expect(r1.stderr.hasPrefix("simulate: ") && r1.stderr.contains("unknown key 'epoch'"))
    #expect(r1.stderr.split(separator: "\n").count == 1)
    let good = try write(#"{"grid": {"tasks": [1], "tokens": [300]}}"#, "good.json", in: dir)
    let r2 = try CommandRunner.run("simulate", ["--config", good.path, "--out", out, "--model", "lstm"])
    #expect(r2.status == 2 && r2.stderr.contains("--model: unknown model 'lstm'"))
    let r3 = try CommandRunner.run("simulate", ["--config", good.path, "--out", out, "--method", "soft-sharing"])
    #expect(r3.status == 2 && r3.stderr.hasPrefix("simulate: error: --method: unknown method 'soft-sharing'"))
    #expect(r3.stderr.split(separator: "\n").count == 1)
  }

  @Test func shardsMergeIntoTheUnshardedTableAndImpossibleShardsAreRefused() throws {
    let folder = try TemporaryDirectory("simshard")
    defer { folder.remove() }
    let dir = folder.url
    let config = try write(Self.grid, "grid.json", in: dir)
    let whole = dir.appendingPathComponent("whole.csv")
    #expect(try CommandRunner.run("simulate", ["--config", config.path, "--out", whole.path, "--quiet"]).status == 0)
    var parts: [String] = []
    for k in 1...2 {
      let part = dir.appendingPathComponent("part\(k).csv").path
      let run = try CommandRunner.run(
        "simulate", ["--config", config.path, "--out", part, "--shard", "\(k)/2", "--quiet"])
      #expect(run.status == 0, "\(run.stderr)")
      parts.append(part)
    }
    let merged = dir.appendingPathComponent("merged.csv")
    let merge = try CommandRunner.run(
      "simulate", ["merge", "--config", config.path, "--out", merged.path] + parts)
    #expect(merge.status == 0, "\(merge.stderr)")
    #expect(merge.stdout.contains("merged 2 rows from 2 files"))
    #expect(try table(merged) == table(whole))
    let bad = try CommandRunner.run("simulate", ["--config", config.path, "--out", whole.path, "--shard", "3/2"])
    #expect(bad.status == 2)
    #expect(bad.stderr == "simulate: error: --shard: expected k/N with 1 ≤ k ≤ N, found 3/2\n")
    let incomplete = try CommandRunner.run(
      "simulate", ["merge", "--config", config.path, "--out", merged.path, parts[0]])
    #expect(incomplete.status == 2)
    #expect(incomplete.stderr.hasPrefix("simulate: error: merge: 1 rows missing: "))
  }
}
