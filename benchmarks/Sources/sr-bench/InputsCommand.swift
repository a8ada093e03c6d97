import ArgumentParser
import Foundation
import SymbolicRegression

/// The paper data file: `--paper`, else `$MTLF_SHARED/data/paper-balanced.csv`, else `../shared` beside the repository.
func defaultPaperPath() -> String {
  if let shared = ProcessInfo.processInfo.environment["MTLF_SHARED"] { return shared + "/data/paper-balanced.csv" }
  // #filePath is <repo>/benchmarks/Sources/sr-bench/InputsCommand.swift.
  let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  return repo.deletingLastPathComponent().appendingPathComponent("shared/data/paper-balanced.csv").path
}

/// The paper data as the benchmark uses it: features T, n, AMI and target fscore.
struct PaperData {
  static let featureNames = ["T", "n", "AMI"]
  var columns: [[Double]]
  var target: [Double]

  static func load(_ path: String) throws -> PaperData {
    guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
      throw BenchError("cannot read the paper data \(path) (pass --paper or set MTLF_SHARED)")
    }
    let csv = try NumericCSV.parse(text, path: path)
    return PaperData(
      columns: [
        try csv.column("n_tasks", in: path), try csv.column("n_tokens_per_task", in: path),
        try csv.column("mutual_info", in: path),
      ],
      target: try csv.column("fscore", in: path))
  }

  var featureRows: [[Double]] { target.indices.map { r in columns.map { $0[r] } } }

  /// The grouped split of the benchmark (25% test, 20% of the rest validation).
  func split(seed: UInt64) throws -> DataSplit {
    try DataSplit.make(featureRows: featureRows, testFraction: 0.25, validationFraction: 0.2, seed: seed, grouped: true)
  }
}

/// A split as the peers read it.
struct SplitFile: Codable {
  var seed: UInt64
  var train: [Int]
  var validation: [Int]
  var test: [Int]
  var groups: Int
}

/// Writes the inputs every engine reads: throughput programs and data, recovery data sets, paper-data splits.
struct InputsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "inputs",
    abstract: "Write the shared benchmark inputs (programs, data, splits) into a folder.")

  @Option(help: "Output folder (created).") var dir: String
  @Option(help: "Seed of the throughput programs and data.") var seed: UInt64 = 1
  @Option(help: "Number of throughput programs.") var programs: Int = 1000
  @Option(help: "Recovery seeds 0..<N.") var recoverySeeds: Int = 10
  @Option(help: "Paper-data seeds 0..<N.") var paperSeeds: Int = 3
  @Option(help: "Paper data CSV (default: ../shared/data/paper-balanced.csv beside the repository).") var paper: String?

  func run() throws {
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let data = ThroughputPrograms.data(seed: seed)
    try writeAtomically(Data(data.text().utf8), to: dir + "/throughput-data.csv")
    let list = try ThroughputPrograms.make(count: programs, seed: seed, data: data)
    var text = "# sr-bench throughput programs: postfix, x0..x9 features, add sub mul div, numbers are constants\n"
    for p in list { text += ProgramText.line(p) + "\n" }
    try writeAtomically(Data(text.utf8), to: dir + "/programs.txt")
    for s in 0..<recoverySeeds {
      try writeAtomically(Data(RecoveryProblem.make(seed: UInt64(s)).text().utf8), to: dir + "/recovery-\(s).csv")
    }
    let path = paper ?? defaultPaperPath()
    if FileManager.default.fileExists(atPath: path) {
      let paperData = try PaperData.load(path)
      for s in 0..<paperSeeds {
        let split = try paperData.split(seed: UInt64(s))
        try writeJSON(
          SplitFile(
            seed: UInt64(s), train: split.train, validation: split.validation, test: split.test,
            groups: split.groups), to: dir + "/paper-split-\(s).json")
      }
    } else {
      FileHandle.standardError.write(Data("sr-bench: paper data not found at \(path); paper benchmark skipped\n".utf8))
    }
    let nodes = list.reduce(0) { $0 + $1.count }
    print(
      "wrote \(list.count) programs (mean \(Double(nodes) / Double(max(1, list.count))) nodes), \(recoverySeeds) recovery sets to \(dir)"
    )
  }
}
