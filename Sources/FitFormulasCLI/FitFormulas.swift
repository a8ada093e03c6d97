import ArgumentParser
import CommandLineSupport

/// `fit-formulas`: discover or fit formulas for a results table, and evaluate saved formulas.
@main
struct FitFormulas: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fit-formulas",
    abstract:
      "Discover formulas (symbolic regression) or fit a given formula to a results table, with statistics and reports.",
    subcommands: [SearchCommand.self, Predict.self],
    defaultSubcommand: SearchCommand.self)

  /// Parses and runs; errors print one line on stderr. Exit 2 for usage and input errors, 1 for failures during a run.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      CommandFailure.exit(for: error, commandName: "fit-formulas", command: Self.self, flags: SettingFlags.fitFormulas)
    }
  }
}
