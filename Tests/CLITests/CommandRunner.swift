import Foundation

/// Output of one run of a built executable.
struct CommandResult {
  var status: Int32
  var stdout: String
  var stderr: String
}

/// Runs the package's built executables (`fit-formulas`, `simulate`) from the test process's products folder.
enum CommandRunner {
  /// The folder holding the built products (the test bundle lives there too).
  static var productsDirectory: URL {
    let first = URL(fileURLWithPath: CommandLine.arguments.first ?? ".")
    var dir = first.deletingLastPathComponent()
    // Swift Testing on Linux may run from the .xctest path itself or from swiftpm-testing-helper.
    for candidate in [dir, first, Bundle.main.bundleURL.deletingLastPathComponent(), Bundle.main.bundleURL] {
      if FileManager.default.isExecutableFile(atPath: candidate.appendingPathComponent("fit-formulas").path) {
        dir = candidate
        break
      }
    }
    return dir
  }

  /// Runs `name` with `arguments` in `directory`, feeding `input` on stdin, and collects its output.
  static func run(_ name: String, _ arguments: [String], in directory: URL? = nil, environment: [String: String]? = nil)
    throws -> CommandResult
  {
    let process = Process()
    process.executableURL = productsDirectory.appendingPathComponent(name)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    if let environment { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // Read both pipes concurrently so neither fills up.
    nonisolated(unsafe) var errData = Data()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
      errData = err.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return CommandResult(
      status: process.terminationStatus,
      stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }
}
