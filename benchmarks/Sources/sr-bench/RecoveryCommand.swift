import ArgumentParser
import Foundation
import SymbolicRegression

/// One seed of the recovery benchmark.
struct RecoveryRecord: Codable {
  var engine: String
  var seed: Int
  var seconds: Double
  /// CPU seconds of the run (one thread), unaffected by other load on the machine.
  var cpuSeconds: Double
  var recovered: Bool
  var formula: String
  var template: String
  var complexity: Int
  var r2Test: Double?
  var evaluations: Int
}

/// Runs the search on each recovery data set (one thread, a work budget) and checks the selected formula's structure.
struct RecoveryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "recovery",
    abstract: "Structure recovery of y = c0 + c1/sqrt(n) + c2*sqrt(AMI) on the shared data sets (one thread).")

  @Option(help: "Folder written by `sr-bench inputs`.") var dir: String
  @Option(help: "Seeds 0..<N.") var seeds: Int = 10
  @Option(help: "Evaluation budget per run.") var maxEvals: Int = 200_000
  @Option(help: "Stop early when 1 − validation R² is at or below this.") var tolerance: Double?
  @Option(help: "Stop after this many epochs without improvement.") var patience: Int?
  @Option(help: "Output JSON file.") var out: String

  func run() throws {
    var records: [RecoveryRecord] = []
    for s in 0..<seeds {
      let path = dir + "/recovery-\(s).csv"
      guard let d = FileManager.default.contents(atPath: path), let text = String(data: d, encoding: .utf8) else {
        throw BenchError("cannot read \(path): run `sr-bench inputs --dir \(dir)` first")
      }
      let csv = try NumericCSV.parse(text, path: path)
      let problem = SearchProblem(
        featureNames: RecoveryProblem.featureNames,
        columns: try RecoveryProblem.featureNames.map { try csv.column($0, in: path) },
        target: try csv.column("y", in: path))
      var config = SearchConfiguration()
      config.seed = UInt64(s)
      config.threads = 1
      config.maxEvaluations = maxEvals
      config.tolerance = tolerance
      config.patience = patience
      let t0 = monotonicSeconds()
      let c0 = processCPUSeconds()
      let result = try Search.run(problem, configuration: config)
      let seconds = monotonicSeconds() - t0
      let cpu = processCPUSeconds() - c0
      guard let entry = result.selectedEntry else { throw BenchError("seed \(s): the search selected no formula") }
      let names = RecoveryProblem.featureNames
      let recovered =
        entry.expression(featureNames: names).map {
          RecoveryStructure.matches($0, constants: Set(entry.constantNames))
        } ?? false
      let record = RecoveryRecord(
        engine: "ours", seed: s, seconds: seconds, cpuSeconds: cpu, recovered: recovered, formula: entry.formula,
        template: entry.template, complexity: entry.complexity, r2Test: entry.r2Test,
        evaluations: result.evaluations)
      print(
        "ours  seed \(s)  \(String(format: "%.2f", seconds)) s (CPU \(String(format: "%.2f", cpu)) s)  \(recovered ? "recovered" : "MISSED")  \(entry.formula)"
      )
      records.append(record)
    }
    try writeJSON(records, to: out)
  }
}
