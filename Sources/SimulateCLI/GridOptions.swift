import ArgumentParser
import Foundation
import TaskSimulator

/// The grid config and its seed override, shared by `train` and `tasks`.
struct GridOptions: ParsableArguments {
  @Option(name: .long, help: "Grid config (JSON, see docs/simulator.md).")
  var config: String

  @Option(name: .long, help: "Seed (overrides the config's seed).")
  var seed: UInt64?

  /// The config, with the seed given on the command line.
  func load() throws -> GridConfig {
    var grid = try GridConfig.load(contentsOf: URL(fileURLWithPath: config))
    if let seed { grid.seed = seed }
    return grid
  }
}
