import ArgumentParser
import Foundation
import MTLCore
import TaskSimulator

/// `mtl-bench memory`: peak resident memory of one training at the largest point of a config (largest T·n).
struct MemoryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "memory",
    abstract: "Peak memory (getrusage maxrss) training the largest point of a config; prints one JSON line.")

  @Option(help: "Simulator config (JSON).") var config: String
  @Option(help: "Override the config's model.") var model: String?
  @Option(help: "Epochs to train (memory does not grow with epochs).") var epochs = 1

  func run() throws {
    let jobs = try GridJobs(configPath: config, model: model)
    let afterLoad = peakResidentBytes()
    guard let largest = jobs.jobs.max(by: { GridJobs.tokensPerEpoch($0.spec) < GridJobs.tokensPerEpoch($1.spec) })
    else { throw BenchError("\(config) has no points") }
    var options = jobs.training.options
    options.epochs = max(1, epochs)
    let timing = try jobs.train(largest.spec, options: options)
    let (seconds, result) = (timing.seconds, timing.result)
    try printJSONLine(
      MemoryRecord(
        config: URL(fileURLWithPath: config).lastPathComponent, model: jobs.training.model.name,
        tasks: largest.spec.taskCount, tokensPerEpoch: GridJobs.tokensPerEpoch(largest.spec), epochs: result.epochs,
        seconds: (seconds * 100).rounded() / 100, peakRSSMiB: Double(peakResidentBytes()) / 1_048_576,
        afterLoadRSSMiB: Double(afterLoad) / 1_048_576))
  }
}

struct MemoryRecord: Encodable {
  var config, model: String
  var tasks, tokensPerEpoch, epochs: Int
  var seconds, peakRSSMiB, afterLoadRSSMiB: Double
  enum CodingKeys: String, CodingKey {
    case config, model, tasks, epochs, seconds
    case tokensPerEpoch = "tokens_per_epoch"
    case peakRSSMiB = "peak_rss_mib"
    case afterLoadRSSMiB = "after_load_rss_mib"
  }
}
