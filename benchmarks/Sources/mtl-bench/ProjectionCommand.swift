import ArgumentParser
import Foundation
import MTLCore
import TaskSimulator

/// `mtl-bench projection`: projected wall time of a whole simulator config (e.g. paper-balanced.json) from timed
/// trainings of a few of its points.
///
/// Each sampled job is trained as `GridRunner` would (family generation, dev evaluation every epoch when the config
/// uses early stopping, test evaluation) for a short and a long epoch count, with `threads` identical copies at once
/// so that the timing includes the contention of a full machine. Per job, time = a + E·b; a and b are fitted as
/// linear functions of the training windows per epoch, summed over every job of the config and divided by `threads`.
struct ProjectionCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "projection", abstract: "Projected wall time of a simulator config; prints one JSON line.")

  @Option(help: "Simulator config (JSON).") var config: String
  @Option(help: "Override the config's model.") var model: String?
  @Option(help: "Trainings at once (each single-threaded), as `simulate --threads`.") var threads = 2
  @Option(help: "Number of sampled job sizes.") var samples = 4
  @Option(help: "Largest training windows per epoch of a sampled job.") var maxSampleTokens = 30000
  @Option(help: "Epochs of the short timing.") var shortEpochs = 1
  @Option(help: "Epochs of the long timing.") var longEpochs = 3
  @Option(
    help:
      "Also train this many sampled jobs with the config's real options (early stopping) to estimate the mean epochs.")
  var earlyStopSamples = 0

  func validate() throws {
    guard threads >= 1, samples >= 2, shortEpochs >= 1, longEpochs > shortEpochs, maxSampleTokens >= 1 else {
      throw ValidationError("need threads ≥ 1, samples ≥ 2, 1 ≤ short-epochs < long-epochs")
    }
  }

  func run() throws {
    let jobs = try GridJobs(configPath: config, model: model)
    let sizes = Array(Set(jobs.jobs.map { GridJobs.tokensPerEpoch($0.spec) }.filter { $0 <= maxSampleTokens })).sorted()
    guard sizes.count >= 2 else { throw BenchError("fewer than 2 job sizes ≤ \(maxSampleTokens) tokens in \(config)") }
    let k = min(samples, sizes.count)
    let picked = (0..<k).map { sizes[Int((Double($0) * Double(sizes.count - 1) / Double(k - 1)).rounded())] }
    var measured: [SampleRecord] = []
    for size in picked {
      guard let job = jobs.jobs.first(where: { GridJobs.tokensPerEpoch($0.spec) == size }) else { continue }
      func time(_ epochs: Int) throws -> (wall: Double, cpu: Double) {
        var options = jobs.training.options
        options.epochs = epochs
        if options.patience != nil {
          options.patience = 1 << 30  // evaluate dev every epoch, never stop
          options.minimumEpochs = 0
        }
        let (spec, fixed) = (job.spec, options)
        let timings = try concurrently(threads) { _ in try jobs.train(spec, options: fixed) }
        let n = Double(timings.count)
        return (timings.reduce(0) { $0 + $1.seconds } / n, timings.reduce(0) { $0 + $1.cpuSeconds } / n)
      }
      let short = try time(shortEpochs)
      let long = try time(longEpochs)
      let perEpoch = (long.wall - short.wall) / Double(longEpochs - shortEpochs)
      let cpuPerEpoch = (long.cpu - short.cpu) / Double(longEpochs - shortEpochs)
      measured.append(
        SampleRecord(
          tasks: job.spec.taskCount, tokensPerEpoch: size, shortSeconds: short.wall, longSeconds: long.wall,
          fixedSeconds: short.wall - Double(shortEpochs) * perEpoch, epochSeconds: perEpoch,
          fixedCPUSeconds: short.cpu - Double(shortEpochs) * cpuPerEpoch, epochCPUSeconds: cpuPerEpoch))
      let line =
        "  sample T=\(job.spec.taskCount) tokens/epoch=\(size): wall \(short.wall) s, cpu \(short.cpu) s "
        + "(\(shortEpochs) epochs); wall \(long.wall) s, cpu \(long.cpu) s (\(longEpochs) epochs)\n"
      FileHandle.standardError.write(Data(line.utf8))
    }
    let x = measured.map { Double($0.tokensPerEpoch) }
    let (b0, b1) = linearFit(x, measured.map(\.epochSeconds))
    let (a0, a1) = linearFit(x, measured.map(\.fixedSeconds))
    let (cb0, cb1) = linearFit(x, measured.map(\.epochCPUSeconds))
    let (ca0, ca1) = linearFit(x, measured.map(\.fixedCPUSeconds))
    /// Thread CPU seconds of all jobs / threads: the wall time on `threads` otherwise idle cores.
    func totalCPU(epochs: Int) -> Double {
      jobs.jobs.reduce(0) { sum, job in
        let t = Double(GridJobs.tokensPerEpoch(job.spec))
        return sum + max(0, ca0 + ca1 * t) + Double(epochs) * max(0, cb0 + cb1 * t)
      } / Double(threads)
    }
    func total(epochs: Int) -> Double {
      jobs.jobs.reduce(0) { sum, job in
        let t = Double(GridJobs.tokensPerEpoch(job.spec))
        return sum + max(0, a0 + a1 * t) + Double(epochs) * max(0, b0 + b1 * t)
      } / Double(threads)
    }
    let options = jobs.training.options
    let earliest = options.patience.map { min(options.epochs, max(options.minimumEpochs, 1) + $0) } ?? options.epochs
    let tokensPerEpochAll = jobs.jobs.reduce(0) { $0 + GridJobs.tokensPerEpoch($1.spec) }
    // Mean epochs under the config's early stopping, from real trainings of jobs spread over the sizes.
    var stopEpochs: [Int] = []
    if earlyStopSamples > 0 && options.patience != nil {
      let candidates = jobs.jobs.filter { GridJobs.tokensPerEpoch($0.spec) <= maxSampleTokens }
      let step = max(1, candidates.count / earlyStopSamples)
      let picked = stride(from: step / 2, to: candidates.count, by: step).prefix(earlyStopSamples).map {
        candidates[$0].spec
      }
      let fixed = options
      let epochs = try concurrently(picked.count) { try jobs.train(picked[$0], options: fixed).result.epochs }
      stopEpochs = epochs
      FileHandle.standardError.write(Data("  early stopping after \(epochs) epochs\n".utf8))
    }
    let meanStop = stopEpochs.isEmpty ? nil : Double(stopEpochs.reduce(0, +)) / Double(stopEpochs.count)
    try printJSONLine(
      ProjectionRecord(
        config: URL(fileURLWithPath: config).lastPathComponent, model: jobs.training.model.name, threads: threads,
        points: jobs.grid.points.count, trainings: jobs.jobs.count, maxEpochs: options.epochs,
        earliestStopEpochs: earliest, trainingTokensAtMaxEpochs: Double(tokensPerEpochAll) * Double(options.epochs),
        secondsAtMaxEpochs: total(epochs: options.epochs).rounded(),
        secondsAtEarliestStop: total(epochs: earliest).rounded(),
        cpuSecondsAtMaxEpochs: totalCPU(epochs: options.epochs).rounded(),
        cpuSecondsAtEarliestStop: totalCPU(epochs: earliest).rounded(),
        earlyStopEpochs: stopEpochs,
        cpuSecondsAtMeanEarlyStop: meanStop.map {
          (totalCPU(epochs: 0) + ($0 / 100)
            * (totalCPU(epochs: 100) - totalCPU(epochs: 0)))
            .rounded()
        },
        secondsPerTrainingToken: b1, cpuSecondsPerTrainingToken: cb1, epochOverheadSeconds: b0, fixedSeconds: a0,
        fixedSecondsPerToken: a1,
        samples: measured))
  }
}

/// Least-squares line y = c0 + c1·x.
func linearFit(_ x: [Double], _ y: [Double]) -> (Double, Double) {
  let n = Double(x.count)
  guard n >= 2 else { return (y.first ?? 0, 0) }
  let mx = x.reduce(0, +) / n
  let my = y.reduce(0, +) / n
  let sxx = zip(x, x).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - mx) }
  let sxy = zip(x, y).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) }
  let slope = sxx > 0 ? sxy / sxx : 0
  return (my - slope * mx, slope)
}

struct SampleRecord: Encodable {
  var tasks, tokensPerEpoch: Int
  var shortSeconds, longSeconds, fixedSeconds, epochSeconds: Double
  var fixedCPUSeconds, epochCPUSeconds: Double
  enum CodingKeys: String, CodingKey {
    case tasks
    case fixedCPUSeconds = "fixed_cpu_seconds"
    case epochCPUSeconds = "epoch_cpu_seconds"
    case tokensPerEpoch = "tokens_per_epoch"
    case shortSeconds = "short_seconds"
    case longSeconds = "long_seconds"
    case fixedSeconds = "fixed_seconds"
    case epochSeconds = "epoch_seconds"
  }
}

struct ProjectionRecord: Encodable {
  var config, model: String
  var threads, points, trainings, maxEpochs, earliestStopEpochs: Int
  var trainingTokensAtMaxEpochs, secondsAtMaxEpochs, secondsAtEarliestStop: Double
  /// Projections from thread CPU time instead of wall time: what otherwise idle cores would take.
  var cpuSecondsAtMaxEpochs, cpuSecondsAtEarliestStop: Double
  /// Epochs of the early-stopping samples, and the CPU-based projection at their mean.
  var earlyStopEpochs: [Int]
  var cpuSecondsAtMeanEarlyStop: Double?
  var secondsPerTrainingToken, cpuSecondsPerTrainingToken, epochOverheadSeconds, fixedSeconds,
    fixedSecondsPerToken: Double
  var samples: [SampleRecord]
  enum CodingKeys: String, CodingKey {
    case config, model, threads, points, trainings, samples
    case maxEpochs = "max_epochs"
    case earliestStopEpochs = "earliest_stop_epochs"
    case trainingTokensAtMaxEpochs = "training_tokens_at_max_epochs"
    case secondsAtMaxEpochs = "seconds_at_max_epochs"
    case secondsAtEarliestStop = "seconds_at_earliest_stop"
    case secondsPerTrainingToken = "seconds_per_training_token"
    case cpuSecondsAtMaxEpochs = "cpu_seconds_at_max_epochs"
    case cpuSecondsAtEarliestStop = "cpu_seconds_at_earliest_stop"
    case cpuSecondsPerTrainingToken = "cpu_seconds_per_training_token"
    case earlyStopEpochs = "early_stop_epochs"
    case cpuSecondsAtMeanEarlyStop = "cpu_seconds_at_mean_early_stop"
    case epochOverheadSeconds = "epoch_overhead_seconds"
    case fixedSeconds = "fixed_seconds"
    case fixedSecondsPerToken = "fixed_seconds_per_token"
  }
}
