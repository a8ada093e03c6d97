import ArgumentParser
import Foundation
import MTLCore
import TaskSimulator

/// `simulate` (default subcommand): trains the multitask model and its single-task baseline on every grid point.
struct Train: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "train",
    abstract: "Train every grid point × repetition of a config and write one results row per point.",
    discussion: "Rows have the paper's columns first (n_tasks, n_tokens_per_task, n_tokens_total, mutual_info, alpha, "
      + "fscore, std_fscore), then n_tokens_main, n_tokens_aux, method, model, reps, precision, recall, stl_fscore, "
      + "benefit, seconds, seed, point. Each finished point is appended and flushed, so --resume continues an "
      + "interrupted run. Options override the config's \"training\" object (see docs/mtl-core.md).")

  @Option(name: .long, help: "Grid config (JSON, see docs/simulator.md).")
  var config: String

  @Option(name: .long, help: "Results CSV (one row per grid point).")
  var out: String

  @Option(name: .customLong("reps-out"), help: "Also write one row per repetition to this CSV.")
  var repsOut: String?

  @Option(name: .long, help: "Seed (overrides the config's seed).")
  var seed: UInt64?

  @Option(name: .long, help: "Grid points trained in parallel, each on one thread (default: number of cores).")
  var threads: Int?

  @Flag(name: .long, help: "Skip the points already in --out (and keep their --reps-out rows).")
  var resume = false

  @Option(name: .long, help: "Model: \(ModelSpec.names.joined(separator: ", ")).")
  var model: String?

  @Option(name: .long, help: "Activation between dense layers: identity, tanh, relu.")
  var activation: String?

  @Option(name: .long, help: "Maximum epochs.")
  var epochs: Int?

  @Option(name: .long, help: "Early-stopping patience in epochs on the main task's dev F1; 0 trains all epochs.")
  var patience: Int?

  @Option(name: .long, help: "Task order within an epoch: round-robin (paper) or proportional.")
  var schedule: String?

  @Flag(name: .long, help: "No progress line on stderr.")
  var quiet = false

  func validate() throws {
    if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
    if let epochs, epochs < 1 { throw ValidationError("--epochs must be at least 1") }
    if let patience, patience < 0 { throw ValidationError("--patience must be 0 or more") }
  }

  func run() throws {
    var grid = try GridConfig.load(contentsOf: URL(fileURLWithPath: config))
    if let seed { grid.seed = seed }
    var training: TrainingConfig
    do {
      training = try TrainingConfig(json: grid.training, source: config)
      if let model { training.model = try ModelSpec(name: model) }
    } catch {
      throw InputError("\(error)")
    }
    if let activation {
      guard let a = Activation(rawValue: activation) else {
        throw InputError("--activation: expected identity, tanh or relu, found '\(activation)'")
      }
      training.model.activation = a
    }
    if let schedule {
      guard let s = TaskSchedule(rawValue: schedule) else {
        throw InputError("--schedule: expected round-robin or proportional, found '\(schedule)'")
      }
      training.options.schedule = s
    }
    if let epochs { training.options.epochs = epochs }
    if let patience { training.options.patience = patience == 0 ? nil : patience }
    let corpus = try grid.corpus.load()
    let runner = GridRunner(
      grid: grid, training: training, threads: threads ?? ProcessInfo.processInfo.activeProcessorCount)
    let show: @Sendable (GridProgress) -> Void = { Train.show($0) }
    do {
      try runner.run(
        corpus: corpus, output: URL(fileURLWithPath: out), repetitionsOutput: repsOut.map { URL(fileURLWithPath: $0) },
        resume: resume, progress: quiet ? nil : show)
      if !quiet, stderrIsTerminal { FileHandle.standardError.write(Data("\n".utf8)) }
    } catch let error as GridRunError {
      throw RunError(error.description)
    } catch let error as TaskDataError {
      throw RunError(error.description)
    }
  }

  /// Progress on stderr: one line rewritten in place on a terminal; otherwise a line per finished grid point (logs
  /// and CI keep every line readable).
  static func show(_ p: GridProgress) {
    func duration(_ s: Double) -> String {
      let t = Int(s.rounded())
      return t >= 3600 ? "\(t / 3600)h\(t % 3600 / 60)m" : t >= 60 ? "\(t / 60)m\(t % 60)s" : "\(t)s"
    }
    let eta = p.etaSeconds.map { "ETA \(duration($0))" } ?? "ETA ?"
    let text =
      "points \(p.pointsDone)/\(p.pointsTotal), trainings \(p.trainingsDone)/\(p.trainingsTotal), "
      + "\(Int(p.tokensPerSecond)) tokens/s, \(duration(p.elapsedSeconds)) elapsed, \(eta)"
    if stderrIsTerminal {
      FileHandle.standardError.write(Data(("\r" + text + "   ").utf8))
    } else if lastPointShown.exchange(p.pointsDone) != p.pointsDone {
      FileHandle.standardError.write(Data((text + "\n").utf8))
    }
  }
}

/// Whether stderr is a terminal (progress rewrites one line) or a file or pipe (a line per step).
let stderrIsTerminal = isatty(2) != 0

/// The points count of the last progress line written when stderr is not a terminal.
let lastPointShown = LastValue()

/// A lock-protected integer: the progress callback may run on any thread.
final class LastValue: @unchecked Sendable {
  private let lock = NSLock()
  private var value = -1

  /// Stores `new` and returns the previous value.
  func exchange(_ new: Int) -> Int {
    lock.lock()
    defer { lock.unlock() }
    let old = value
    value = new
    return old
  }
}
