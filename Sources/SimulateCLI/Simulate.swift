import ArgumentParser
import CommandLineSupport

/// `simulate`: task simulator command line.
@main
struct Simulate: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "simulate",
    abstract: "Simulate families of sequence-labelling tasks (T, n, AMI) and train multitask models on them.",
    subcommands: [Train.self, Tasks.self, Calibrate.self, Merge.self], defaultSubcommand: Train.self
  )

  /// The flag of each library setting that error messages name (`model` → `--model`).
  static let settingFlags: [String: String] = [
    "method": "--method", "model": "--model", "activation": "--activation", "schedule": "--schedule",
    "epochs": "--epochs", "patience": "--patience", "shard": "--shard",
  ]

  /// Parses and runs; errors print one line on stderr. Exit 2 for usage and input errors, 1 for failures while
  /// running.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      CommandFailure.exit(for: error, commandName: "simulate", command: Self.self, flags: settingFlags)
    }
  }
}
