import ArgumentParser
import Foundation
import MTLCore
import TaskSimulator

/// `mtl-bench grid`: wall time of a whole simulator config through `GridRunner` (what `simulate --config` runs).
struct GridCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "grid", abstract: "Wall time of a simulator config trained end to end; prints one JSON line.")

  @Option(help: "Simulator config (JSON).") var config: String
  @Option(help: "Parallel trainings (each single-threaded).") var threads = 2
  @Option(help: "Override the config's model.") var model: String?
  @Option(help: "Results file to write (default: a temporary file, removed afterwards).") var out: String?

  func run() throws {
    let clock = ContinuousClock()
    let start = clock.now
    let url = URL(fileURLWithPath: config)
    let grid = try GridConfig.load(contentsOf: url)
    let corpus = try grid.corpus.load()
    var training = try TrainingConfig(json: grid.training, source: url.lastPathComponent)
    if let model { training.model = try ModelSpec(name: model) }
    let output =
      out.map { URL(fileURLWithPath: $0) }
      ?? FileManager.default.temporaryDirectory.appendingPathComponent("mtl-bench-\(getpid()).csv")
    defer { if out == nil { try? FileManager.default.removeItem(at: output) } }
    let last = ProgressBox()
    let rows = try GridRunner(grid: grid, training: training, threads: threads).run(
      corpus: corpus, output: output, progress: { last.set($0) })
    let seconds = (clock.now - start).seconds
    let p = last.get()
    try printJSONLine(
      GridRecord(
        config: url.lastPathComponent, model: training.model.name, threads: threads, points: rows.count,
        trainings: p?.trainingsDone ?? 0, seconds: (seconds * 100).rounded() / 100,
        tokensPerSecond: round1(p?.tokensPerSecond ?? 0), cpuSeconds: (cpuSeconds() * 100).rounded() / 100,
        peakRSSMiB: peakResidentBytes() / (1 << 20)))
  }
}

/// The last progress report of a run.
private final class ProgressBox: @unchecked Sendable {
  private let lock = NSLock()
  private var value: GridProgress?
  func set(_ p: GridProgress) { lock.withLock { value = p } }
  func get() -> GridProgress? { lock.withLock { value } }
}

struct GridRecord: Encodable {
  var config, model: String
  var threads, points, trainings: Int
  var seconds, tokensPerSecond: Double
  /// CPU time of the whole run (all threads): the wall time of a quiet machine is about cpu_seconds / threads.
  var cpuSeconds: Double
  var peakRSSMiB: Int
  enum CodingKeys: String, CodingKey {
    case config, model, threads, points, trainings, seconds
    case tokensPerSecond = "tokens_per_second"
    case peakRSSMiB = "peak_rss_mib"
    case cpuSeconds = "cpu_seconds"
  }
}
