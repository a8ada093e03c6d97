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

/// Paths the tests need: a fresh temporary folder, and the shared data folder beside the clone.
enum TestPaths {
  /// A new empty temporary directory.
  static func temporaryDirectory(_ label: String = "mtlf") throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("\(label)-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// The repository root (folder holding Package.swift), found from this source file.
  static var repositoryRoot: URL {
    var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while dir.path != "/" {
      if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) { return dir }
      dir = dir.deletingLastPathComponent()
    }
    return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
  }

  /// `../shared/data/paper-balanced.csv` beside the clone (or under $MTLF_SHARED), or nil when absent.
  static var paperBalancedCSV: URL? {
    var candidates: [URL] = []
    if let shared = ProcessInfo.processInfo.environment["MTLF_SHARED"] {
      candidates.append(URL(fileURLWithPath: shared))
    }
    candidates.append(repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared"))
    candidates.append(
      URL(fileURLWithPath: FileManager.default.currentDirectoryPath).deletingLastPathComponent().appendingPathComponent(
        "shared"))
    for base in candidates {
      let url = base.appendingPathComponent("data/paper-balanced.csv")
      if FileManager.default.fileExists(atPath: url.path) { return url }
    }
    print("skipping: ../shared/data/paper-balanced.csv not found beside the clone")
    return nil
  }
}
