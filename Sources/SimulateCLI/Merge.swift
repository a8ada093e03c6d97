import ArgumentParser
import Foundation
import MTLCore
import TaskSimulator

/// `simulate merge`: joins the results files of a sharded run.
struct Merge: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Merge the results files of `simulate --shard k/N` runs into one table.",
    discussion: "Every (point, repetition) must appear exactly once; with --config, every point of the grid must be "
      + "present and match its parameters. Rows are sorted by point and written atomically.")

  @Option(name: .long, help: "Merged CSV.")
  var out: String

  @Option(name: .long, help: "The grid config the shards ran (checks completeness and that the parts belong to it).")
  var config: String?

  @Option(name: .long, help: "Seed the shards ran with, when it overrode the config's.")
  var seed: UInt64?

  @Argument(help: "The shards' results files (all aggregated or all per-repetition).")
  var parts: [String]

  func run() throws {
    var grid = try config.map { try GridConfig.load(contentsOf: URL(fileURLWithPath: $0)) }
    if let seed { grid?.seed = seed }
    let rows = try ResultsMerge.merge(
      parts: parts.map { URL(fileURLWithPath: $0) }, output: URL(fileURLWithPath: out), grid: grid)
    print("merged \(rows) rows from \(parts.count) files into \(out)")
  }
}
