import ArgumentParser
import Foundation
import TaskSimulator

/// `simulate`: task simulator command line.
@main
struct Simulate: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "simulate",
    abstract: "Simulate families of sequence-labelling tasks (T, n, AMI) and train multitask models on them.",
    // The MTL helper adds Train.swift and makes it the default subcommand.
    subcommands: [Train.self, Tasks.self, Calibrate.self], defaultSubcommand: Train.self
  )

  /// Runs the command; errors print one line on stderr: exit 2 for usage and input errors, 1 for run failures.
  static func main() async {
    do {
      var command = try parseAsRoot()
      if var asyncCommand = command as? AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
    } catch let error as InputError {
      fail(error.description, code: 2)
    } catch let error as TaskSimulatorError {
      fail(error.description, code: 2)
    } catch let error as RunError {
      fail(error.description, code: 1)
    } catch {
      let code = exitCode(for: error)
      if code == .success { Self.exit(withError: error) }  // --help, --version
      var message = fullMessage(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
      if message.hasPrefix("Error: ") { message.removeFirst("Error: ".count) }
      fail(message, code: code == .validationFailure ? 2 : code.rawValue)
    }
  }

  static func fail(_ message: String, code: Int32) -> Never {
    FileHandle.standardError.write(Data("simulate: error: \(message)\n".utf8))
    Foundation.exit(code)
  }
}

/// A usage or input problem (exit code 2).
struct InputError: Error, CustomStringConvertible {
  let description: String
  init(_ message: String) { description = message }
}

/// A failure while running (exit code 1).
struct RunError: Error, CustomStringConvertible {
  let description: String
  init(_ message: String) { description = message }
}
