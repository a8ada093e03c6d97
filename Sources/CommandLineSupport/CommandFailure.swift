import ArgumentParser
import Foundation
import Support

/// The one mapping from errors to the one-line message and exit status of the command-line conventions, shared
/// by `simulate` and `fit-formulas`: input errors exit 2, failures while running exit 1, help and version exit 0.
public enum CommandFailure {
  /// Prints `NAME: error: MESSAGE` on stderr and exits. `flags` maps library setting names (`threads`) to the
  /// command's flags (`--threads`), so messages about a setting name the flag the user typed.
  public static func exit(
    for error: Error, commandName: String, command: ParsableCommand.Type, flags: [String: String] = [:]
  ) -> Never {
    if command.exitCode(for: error) == .success { command.exit(withError: error) }  // --help, --version
    let line = message(for: error, command: command, flags: flags)
    FileHandle.standardError.write(Data("\(commandName): error: \(line)\n".utf8))
    Foundation.exit(status(for: error, command: command))
  }

  /// The one-line message for `error`.
  public static func message(
    for error: Error, command: ParsableCommand.Type, flags: [String: String] = [:]
  ) -> String {
    if let error = error as? UserFacingError {
      guard let setting = error.setting else { return firstLine(error.description) }
      return firstLine("\(flags[setting] ?? setting): \(error.problem)")
    }
    var line = firstLine(command.message(for: error))
    if line.hasPrefix("Error: ") { line.removeFirst("Error: ".count) }
    return line.isEmpty ? "\(error)" : line
  }

  /// 2 for input and usage errors, 1 for failures while running.
  public static func status(for error: Error, command: ParsableCommand.Type) -> Int32 {
    if let error = error as? UserFacingError { return error.origin == .input ? 2 : 1 }
    let code = command.exitCode(for: error)
    return code == .validationFailure ? 2 : (code == .success ? 0 : 1)
  }

  private static func firstLine(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? ""
  }
}
