import ArgumentParser
import Foundation
import MTLCore

/// `mtl-bench throughput`: training tokens per second on the synthetic problem shared with the peers.
struct ThroughputCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "throughput",
    abstract: "Training throughput (tokens/s) on synthetic data of the paper's shapes; prints one JSON line.")

  @Option(help: "Model: \(ModelSpec.names.joined(separator: ", ")).") var model = "bilstm-2fc"
  @Option(help: "OpenBLAS threads of one training.") var threads = 1
  @Option(help: "Run this many single-threaded trainings at once (one thread each) and sum their rates.")
  var copies = 1
  @Option(help: "T, tasks including the main task.") var tasks = 2
  @Option(help: "n, training windows per task.") var tokensPerTask = 2000
  @Option(help: "Batch size.") var batch = 100
  @Option(help: "Vocabulary size V.") var vocab = 10000
  @Option(help: "Minimum length of one timed trial (seconds).") var seconds = 5.0
  @Option(help: "Number of timed trials.") var trials = 3
  @Option(help: "Warm-up before the trials (seconds).") var warmupSeconds = 2.0
  @Flag(help: "Train the embeddings of bilstm models (default: frozen vectors, as the paper).")
  var trainableEmbeddings = false
  @Option(help: "Seed of the data and the model.") var seed: UInt64 = 1

  func validate() throws {
    guard ModelSpec.named(model) != nil else {
      throw ValidationError("unknown model '\(model)' (expected one of \(ModelSpec.names.joined(separator: ", ")))")
    }
    guard threads >= 1, copies >= 1, tasks >= 1, tokensPerTask >= 1, batch >= 1, trials >= 1, vocab >= 3 else {
      throw ValidationError("threads, copies, tasks, tokens-per-task, batch and trials must be ≥ 1, vocab ≥ 3")
    }
    guard seconds > 0, warmupSeconds >= 0 else { throw ValidationError("seconds must be > 0, warmup ≥ 0") }
  }

  func run() throws {
    let spec = try ModelSpec(name: model)
    let problem = SyntheticProblem(tasks: tasks, tokensPerTask: tokensPerTask, vocabulary: vocab, batch: batch)
    let frozen = spec.architecture != .windowMLP && !trainableEmbeddings
    // Per trial: (tokens per wall-clock second summed over copies, tokens per CPU second over all copies).
    var trialsPerCopy: [[Trial]]
    if copies == 1 {
      BLAS.setThreads(threads)
      let training = SyntheticTraining(spec: spec, problem: problem, frozenEmbeddings: frozen, seed: seed)
      trialsPerCopy = [training.measure(warmup: warmupSeconds, seconds: seconds, trials: trials, threadCPU: false)]
    } else {
      BLAS.setThreads(1)
      trialsPerCopy = try runCopies(spec: spec, problem: problem, frozen: frozen)
    }
    let count = trialsPerCopy.map(\.count).min() ?? 0
    let rates = (0..<count).map { i in trialsPerCopy.reduce(0) { $0 + Double($1[i].tokens) / $1[i].wallSeconds } }
    let cpuRates = (0..<count).map { i in
      Double(trialsPerCopy.reduce(0) { $0 + $1[i].tokens })
        / max(trialsPerCopy.reduce(0) { $0 + $1[i].cpuSeconds }, 1e-9)
    }
    try printJSONLine(
      ThroughputRecord(
        peer: "MTLCore", version: BLAS.configuration, model: model,
        variant: spec.architecture == .windowMLP ? "" : "ours", threads: copies == 1 ? threads : 1, copies: copies,
        tasks: tasks, tokensPerTask: tokensPerTask, batch: batch, vocab: vocab, rates: rates.map(round1),
        median: round1(median(rates)), best: round1(rates.max() ?? 0), cpuRates: cpuRates.map(round1),
        cpuMedian: round1(median(cpuRates)), cpu: ProcessInfo.processInfo.activeProcessorCount,
        embeddings: spec.architecture == .windowMLP || trainableEmbeddings ? "trainable" : "frozen"))
  }

  /// `copies` trainings on their own threads at once, each timed with its own thread's CPU time.
  private func runCopies(spec: ModelSpec, problem: SyntheticProblem, frozen: Bool) throws -> [[Trial]] {
    let trainings = (0..<copies).map {
      SyntheticTraining(spec: spec, problem: problem, frozenEmbeddings: frozen, seed: seed + 100 * UInt64($0))
    }
    let (warmup, seconds, trials) = (warmupSeconds, self.seconds, self.trials)
    return try concurrently(copies) {
      trainings[$0].measure(warmup: warmup, seconds: seconds, trials: trials, threadCPU: true)
    }
  }
}

/// One throughput result, in the peers' JSON format.
struct ThroughputRecord: Encodable {
  var peer, version, model, variant: String
  var threads, copies, tasks, tokensPerTask, batch, vocab: Int
  var rates: [Double]
  var median, best: Double
  /// Tokens per CPU second (all threads of the training(s)): robust to other load on the machine.
  var cpuRates: [Double]
  var cpuMedian: Double
  var cpu: Int
  var embeddings: String

  enum CodingKeys: String, CodingKey {
    case peer, version, model, variant, threads, copies, tasks, batch, vocab, rates, median, best, cpu, embeddings
    case tokensPerTask = "tokens_per_task"
    case cpuRates = "cpu_rates"
    case cpuMedian = "cpu_median"
  }
}
