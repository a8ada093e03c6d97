import ArgumentParser
import Foundation
import SymbolicRegression

/// One row of the throughput table.
struct ThroughputRecord: Codable {
  var engine: String
  var precision: String
  var rows: Int
  var programs: Int
  var nodes: Int
  var seconds: Double
  var nodeEvaluationsPerSecond: Double
  var programsPerSecond: Double
  var invalid: Int
  /// Median over programs of the mean prediction on the first 100 rows (cross-check between engines).
  var checksum: Double?
}

/// Times the batched interpreter on the shared programs, one thread (Operon's protocol).
struct ThroughputCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "throughput",
    abstract: "Evaluation throughput on the shared random programs (one thread).")

  @Option(help: "Folder written by `sr-bench inputs`.") var dir: String
  @Option(parsing: .upToNextOption, help: "Row counts.") var rows: [Int] = [100, 1000, 10_000]
  @Option(help: "Timed repetitions; the fastest is reported.") var repeats: Int = 10
  @Option(help: "Output JSON file.") var out: String

  func run() throws {
    let programsPath = dir + "/programs.txt"
    let dataPath = dir + "/throughput-data.csv"
    guard let p = FileManager.default.contents(atPath: programsPath),
      let programText = String(data: p, encoding: .utf8),
      let d = FileManager.default.contents(atPath: dataPath), let dataText = String(data: d, encoding: .utf8)
    else { throw BenchError("cannot read \(programsPath) or \(dataPath): run `sr-bench inputs --dir \(dir)` first") }
    let programs = try ProgramText.parse(programText, path: programsPath)
    let data = try NumericCSV.parse(dataText, path: dataPath)
    let nodes = programs.reduce(0) { $0 + $1.count }
    var records: [ThroughputRecord] = []
    for r in rows {
      guard r >= 1, r <= data.rowCount else { throw BenchError("--rows: \(r) is outside 1…\(data.rowCount)") }
      let dataset = try Dataset(columns: data.columns.map { Array($0[0..<r]) }, target: Array(repeating: 0, count: r))
      let evaluator = Evaluator(data: dataset)
      var best = Double.infinity
      var invalid = 0
      for _ in 0..<max(1, repeats) {
        invalid = 0
        let t0 = monotonicSeconds()
        var sink = 0.0
        for program in programs {
          let l = evaluator.loss(program)
          if l.isFinite { sink += l } else { invalid += 1 }
        }
        let t = monotonicSeconds() - t0
        if sink.isNaN { invalid += 1 }  // keeps the loop from being optimised away
        best = min(best, t)
      }
      var checksum: Double?
      if r == min(100, data.rowCount) {
        let means = programs.compactMap { evaluator.predict($0).map { $0.reduce(0, +) / Double(r) } }.sorted()
        if !means.isEmpty {
          checksum =
            means.count % 2 == 1 ? means[means.count / 2] : (means[means.count / 2 - 1] + means[means.count / 2]) / 2
        }
      }
      let record = ThroughputRecord(
        engine: "ours", precision: "float64 (\(Evaluator.kernelLevel))", rows: r, programs: programs.count,
        nodes: nodes,
        seconds: best, nodeEvaluationsPerSecond: Double(nodes) * Double(r) / best,
        programsPerSecond: Double(programs.count) / best, invalid: invalid, checksum: checksum)
      print(
        String(
          format: "ours  rows %6d  %.3e node-evals/s  %.3e programs/s  (%d invalid, ",
          r, record.nodeEvaluationsPerSecond, record.programsPerSecond, invalid) + "kernels: \(Evaluator.kernelLevel))")
      records.append(record)
    }
    try writeJSON(records, to: out)
  }
}
