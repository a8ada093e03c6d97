import ArgumentParser
import Foundation
import SymbolicRegression

/// One model of an engine on the paper data: formula text, complexity (our node count) and test R².
struct PaperModel: Codable {
  var formula: String
  var complexity: Int?
  var r2Test: Double?
}

/// What a peer script writes for one seed (`peers/sr_paper.py`).
struct PeerPaperRun: Codable {
  var engine: String
  var seed: Int
  var seconds: Double
  var models: [PaperModel]
  var selected: PaperModel?
}

/// The paper-data record of one engine and seed: its models and best test R² at complexity ≤ c.
struct PaperRunRecord: Codable {
  var engine: String
  var seed: Int
  var seconds: Double
  var models: Int
  var unparsed: Int
  /// Index c − 1 holds the best test R² among models of complexity ≤ c (nil when there is none).
  var bestR2AtMost: [Double?]
  var selected: PaperModel?
  var front: [PaperModel]?
}

/// Runs the search on the paper data (grouped split, time limit, two threads) and tabulates every engine's
/// best test R² per complexity, counting the peers' formulas with our node count after light simplification.
struct PaperCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "paper",
    abstract: "Paper data: T, n, AMI -> fscore; per-complexity best test R² beside the peers' results.")

  @Option(help: "Folder written by `sr-bench inputs` (paper-split-<seed>.json).") var dir: String
  @Option(help: "Paper data CSV (default: ../shared/data/paper-balanced.csv beside the repository).") var paper: String?
  @Option(help: "Seeds 0..<N.") var seeds: Int = 3
  @Option(help: "Time limit per run in seconds.") var timeLimit: Double = 30
  @Option(help: "Threads.") var threads: Int = 2
  @Option(help: "Largest complexity tabulated.") var maxComplexity: Int = 25
  @Option(parsing: .upToNextOption, help: "Peer result files (JSON lists written by peers/sr_paper.py).") var peers:
    [String] = []
  @Option(help: "Output JSON file.") var out: String

  func run() throws {
    let path = paper ?? defaultPaperPath()
    guard FileManager.default.fileExists(atPath: path) else {
      print("sr-bench paper: skipped, \(path) not found (pass --paper or set MTLF_SHARED)")
      return
    }
    let data = try PaperData.load(path)
    var records: [PaperRunRecord] = []
    for s in 0..<seeds {
      let split = try readJSON(SplitFile.self, from: dir + "/paper-split-\(s).json")
      let problem = SearchProblem(featureNames: PaperData.featureNames, columns: data.columns, target: data.target)
      var config = SearchConfiguration()
      config.seed = UInt64(s)
      config.threads = threads
      config.timeLimit = timeLimit
      let t0 = monotonicSeconds()
      let result = try Search.run(
        problem,
        split: DataSplit(
          train: split.train, validation: split.validation,
          test: split.test, groups: split.groups),
        configuration: config)
      let seconds = monotonicSeconds() - t0
      let front = result.front.map { entry in
        PaperModel(
          formula: entry.formula,
          complexity: entry.fittedExpression(featureNames: PaperData.featureNames)?.nodeCount ?? entry.complexity,
          r2Test: entry.r2Test)
      }
      let selected = result.selected.map { front[$0] }
      let record = PaperRunRecord(
        engine: "ours", seed: s, seconds: seconds, models: front.count, unparsed: 0,
        bestR2AtMost: Self.table(front, maxComplexity), selected: selected, front: front)
      print(
        "ours  seed \(s)  \(String(format: "%.1f", seconds)) s  \(front.count) front members  selected: "
          + "\(selected?.formula ?? "none")  test R² \(selected?.r2Test.map { String(format: "%.4f", $0) } ?? "-")")
      records.append(record)
    }
    for peerPath in peers {
      guard FileManager.default.fileExists(atPath: peerPath) else {
        print("sr-bench paper: no peer results at \(peerPath), skipped")
        continue
      }
      for run in try readJSON([PeerPaperRun].self, from: peerPath) {
        var unparsed = 0
        let counted = run.models.compactMap { model -> PaperModel? in
          guard let c = Self.complexity(of: model.formula) else {
            unparsed += 1
            return nil
          }
          return PaperModel(formula: model.formula, complexity: c, r2Test: model.r2Test)
        }
        var selected = run.selected
        if let f = selected?.formula { selected?.complexity = Self.complexity(of: f) }
        records.append(
          PaperRunRecord(
            engine: run.engine, seed: run.seed, seconds: run.seconds, models: counted.count,
            unparsed: unparsed, bestR2AtMost: Self.table(counted, maxComplexity),
            selected: selected, front: nil))
      }
    }
    try writeJSON(records, to: out)
  }

  /// Our node count of a peer's formula after light simplification (numbers folded, `1*x`, `x+0`… removed).
  static func complexity(of formula: String) -> Int? {
    guard let e = try? Expression(parsing: formula) else { return nil }
    return e.simplified().nodeCount
  }

  static func table(_ models: [PaperModel], _ maxComplexity: Int) -> [Double?] {
    (1...max(1, maxComplexity)).map { c in
      models.filter { ($0.complexity ?? Int.max) <= c }.compactMap { $0.r2Test }.filter { $0.isFinite }.max()
    }
  }
}
