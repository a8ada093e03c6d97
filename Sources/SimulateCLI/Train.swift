import ArgumentParser
import CommandLineSupport
import Foundation
import MTLCore
import TaskSimulator

/// `simulate` (default subcommand): trains the multitask model and its single-task baseline on every grid point.
struct Train: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "train",
    abstract: "Train every grid point × repetition of a config and write one results row per point.",
    discussion: "Rows have the paper's columns first (n_tasks, n_tokens_per_task, n_tokens_total, mutual_info, alpha, "
      + "fscore, std_fscore), then the relatedness readouts (readout_grad_cosine, readout_method), n_tokens_main, n_tokens_aux, method, model, reps, precision, recall, stl_fscore, benefit, "
      + "seconds, seed, point. A config's \"methods\" list trains every point once per method. Each finished point "
      + "is appended and flushed, so --resume continues an interrupted run. Options override the config's "
      + "\"training\" object (see docs/mtl-core.md).")

  @OptionGroup var grid: GridOptions

  @Option(name: .long, help: "Results CSV (one row per grid point).")
  var out: String

  @Option(name: .customLong("reps-out"), help: "Also write one row per repetition to this CSV.")
  var repsOut: String?

  @Option(
    name: .customLong("log-out"),
    help: ArgumentHelp(
      "Also write the per-epoch training log (train_loss, dev_f1, the method's own values such as αVIL's task "
        + "weights) to this CSV: point, method, repetition, epoch, quantity, task, value."))
  var logOut: String?

  @Option(name: .long, help: "Grid points trained in parallel, each on one thread (default: number of cores).")
  var threads: Int?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Train only the k-th of N cost-balanced slices of the grid (join the shards' files with `simulate merge`).",
      valueName: "k/N"))
  var shard: String?

  @Flag(name: .long, help: "Skip the points already in --out (and keep their --reps-out and --log-out rows).")
  var resume = false

  @OptionGroup var training: TrainingSettingOptions

  @Flag(name: .long, help: "No progress line on stderr.")
  var quiet = false

  func validate() throws {
    if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
    if let shard {
      do { _ = try GridShard(parsing: shard) } catch { throw ValidationError("--shard: \(error.problem)") }
    }
  }

  func run() throws {
    let config = try grid.load()
    var settings = try TrainingConfig(json: config.training, source: grid.config)
    try training.apply(to: &settings)
    let corpus = try config.corpus.load()
    let runner = GridRunner(
      grid: config, training: settings, threads: threads ?? ProcessInfo.processInfo.activeProcessorCount,
      shard: try shard.map { try GridShard(parsing: $0) })
    let line = ProgressLine()
    defer { line.finish() }
    let progress: @Sendable (GridProgress) -> Void = { Train.show($0, on: line) }
    try runner.run(
      corpus: corpus, output: URL(fileURLWithPath: out), repetitionsOutput: repsOut.map { URL(fileURLWithPath: $0) },
      logOutput: logOut.map { URL(fileURLWithPath: $0) }, resume: resume, progress: quiet ? nil : progress)
  }

  /// The progress line: rewritten in place on a terminal after every training; in a log, a line per finished point.
  static func show(_ p: GridProgress, on line: ProgressLine) {
    let text =
      "points \(p.pointsDone)/\(p.pointsTotal), trainings \(p.trainingsDone)/\(p.trainingsTotal), "
      + "\(Int(p.tokensPerSecond)) tokens/s, \(ProgressLine.duration(p.elapsedSeconds)) elapsed, "
      + "ETA \(ProgressLine.duration(p.etaSeconds ?? .nan))"
    line.update(text, log: p.finishedPoint)
  }
}
