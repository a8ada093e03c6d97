import Foundation
import Support
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The short version of scripts/kill_resume.py: `simulate` killed with SIGKILL at seeded random moments and resumed
/// each time ends with the tables of an uninterrupted run, and every intermediate file is a valid table.
@Suite struct KillResumeTests {
  static let grid = #"""
    {"seed": 4, "repetitions": 2, "methods": ["hard-sharing", "alphavil"],
     "grid": {"tasks": [1, 2, 3], "tokens": [300, 600], "alpha": [0.9]},
     "training": {"epochs": 3, "patience": null, "dev_tokens": 300, "embedding_size": 8, "hidden_sizes": [16]}}
    """#

  /// Rows without the `seconds` column; the last line may be cut off only while a run is being killed.
  static func table(_ path: String) throws -> [[Substring]] {
    let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
    let drop = lines.first?.split(separator: ",").firstIndex(of: "seconds") ?? -1
    return lines.map { line in
      line.split(separator: ",", omittingEmptySubsequences: false).enumerated().filter { $0.offset != drop }
        .map(\.element)
    }
  }

  @Test func killedAndResumedRunsEndWithTheUninterruptedTables() throws {
    let folder = try TemporaryDirectory("kill-resume")
    defer { folder.remove() }
    let config = folder.file("grid.json")
    try Self.grid.write(toFile: config, atomically: true, encoding: .utf8)
    let (ref, refReps) = (folder.file("ref.csv"), folder.file("ref-reps.csv"))
    let reference = try CommandRunner.run(
      "simulate", ["--config", config, "--out", ref, "--reps-out", refReps, "--quiet"])
    #expect(reference.status == 0, "\(reference.stderr)")
    let (out, reps) = (folder.file("out.csv"), folder.file("reps.csv"))
    let arguments = ["--config", config, "--out", out, "--reps-out", reps, "--quiet", "--resume"]
    var rng = SeededGenerator(seed: 7)
    var kills = 0
    for _ in 0..<5 {
      let process = Process()
      process.executableURL = CommandRunner.productsDirectory.appendingPathComponent("simulate")
      process.arguments = arguments
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      Thread.sleep(forTimeInterval: 0.05 + 0.4 * rng.nextDouble())
      if process.isRunning {
        kill(process.processIdentifier, SIGKILL)
        kills += 1
      }
      process.waitUntilExit()
      if FileManager.default.fileExists(atPath: out) {
        let rows = try Self.table(out)
        #expect(rows.dropLast().allSatisfy { $0.count == rows[0].count })
      }
    }
    let last = try CommandRunner.run("simulate", arguments)
    #expect(last.status == 0, "\(last.stderr)")
    #expect(kills >= 1)
    #expect(try Self.table(out) == Self.table(ref))
    #expect(try Self.table(reps) == Self.table(refReps))
  }
}
