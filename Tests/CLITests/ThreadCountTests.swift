import Foundation
import Support
import TestSupport
import Testing

/// The same seed gives the same files whatever the thread count (budgets in epochs and evaluations): simulate's
/// results.csv, and fit-formulas' formulas.json and report.md, with --threads 1, 2 and 4.
@Suite struct ThreadCountTests {
  /// Lines of a text file without those that name the run's time, thread count, commit or folder.
  static func stable(_ path: String, dropping patterns: [String]) throws -> [Substring] {
    try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
      .filter { line in !patterns.contains { line.contains($0) } }
  }

  @Test func simulateWritesTheSameTableForOneTwoAndFourThreads() throws {
    let folder = try TemporaryDirectory("threads-sim")
    defer { folder.remove() }
    let config = folder.file("grid.json")
    try KillResumeTests.grid.write(toFile: config, atomically: true, encoding: .utf8)
    var tables: [[[Substring]]] = []
    for threads in [1, 2, 4] {
      let out = folder.file("t\(threads).csv")
      let run = try CommandRunner.run(
        "simulate", ["--config", config, "--out", out, "--threads", "\(threads)", "--quiet"])
      #expect(run.status == 0, "\(run.stderr)")
      tables.append(try KillResumeTests.table(out))
    }
    #expect(tables[0] == tables[1] && tables[1] == tables[2])
  }

  @Test func fitFormulasWritesTheSameReportForOneTwoAndFourThreads() throws {
    let folder = try TemporaryDirectory("threads-report")
    defer { folder.remove() }
    var rng = SeededGenerator(seed: 5)
    var lines = ["T,n,AMI,fscore"]
    for t in [1.0, 2, 4] {
      for n in [1000.0, 3000, 10000] {
        for ami in [0.1, 0.5, 0.9] {
          for _ in 0..<2 {
            let y = 0.2 + 0.05 * Foundation.log(n) + 0.03 * ami * Foundation.log(t) + 0.003 * rng.nextNormal()
            lines.append("\(t),\(n),\(ami),\(y)")
          }
        }
      }
    }
    let data = folder.file("data.csv")
    try (lines.joined(separator: "\n") + "\n").write(toFile: data, atomically: true, encoding: .utf8)
    var documents: [JSONValue] = []
    var reports: [[Substring]] = []
    for threads in [1, 2, 4] {
      let dir = folder.file("report\(threads)")
      let run = try CommandRunner.run(
        "fit-formulas",
        [
          data, "--target", "fscore", "--seed", "3", "--max-evals", "30000", "--population", "30",
          "--threads", "\(threads)", "--bootstrap", "2", "--folds", "3", "--report", dir,
        ])
      #expect(run.status == 0, "\(run.stderr)")
      let json = try JSONValue(parsing: String(contentsOfFile: dir + "/formulas.json", encoding: .utf8))
      guard case .object(let pairs) = json else {
        Issue.record("formulas.json is not an object")
        return
      }
      documents.append(.object(pairs.filter { $0.0 != "run" }))
      reports.append(
        try Self.stable(
          dir + "/report.md", dropping: ["| seconds |", "| threads |", "| commit |", "report\(threads)", "| date"]))
    }
    #expect(documents[0] == documents[1] && documents[1] == documents[2])
    #expect(reports[0] == reports[1] && reports[1] == reports[2])
  }
}
