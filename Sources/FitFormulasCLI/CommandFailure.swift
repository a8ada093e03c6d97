import ArgumentParser
import Foundation

/// A failure during a run (as opposed to bad input): exit code 1.
struct RunFailure: Error, CustomStringConvertible {
  let description: String
}

/// Bad input or usage found by our own checks: exit code 2.
struct InputError: Error, CustomStringConvertible {
  let description: String
}

/// Maps errors to the one-line message and exit code of the command-line conventions.
enum CommandFailure {
  static func exit(for error: Error, commandName: String, helpCommand: ParsableCommand.Type) -> Never {
    // Help, version and clean exits keep ArgumentParser's behaviour.
    if helpCommand.exitCode(for: error) == .success {
      helpCommand.exit(withError: error)
    }
    let message = helpCommand.message(for: error)
    let line = message.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? "\(error)"
    FileHandle.standardError.write(Data("\(commandName): error: \(line)\n".utf8))
    Foundation.exit(error is RunFailure ? 1 : 2)
  }
}
