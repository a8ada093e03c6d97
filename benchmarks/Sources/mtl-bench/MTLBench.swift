import ArgumentParser
import Foundation

/// `mtl-bench`: training throughput, grid wall time, projected grid time and peak memory of MTLCore.
/// benchmarks/run-mtl.sh runs it next to the PyTorch and JAX peers (peers/mtl_*.py).
@main
struct MTLBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "mtl-bench",
    abstract: "Benchmarks of MTLCore training (throughput, grid wall time, projected time, peak memory).",
    subcommands: [ThroughputCommand.self, GridCommand.self, ProjectionCommand.self, MemoryCommand.self])
}

/// A benchmark failure: one line on stderr, exit status 1.
struct BenchError: Error, CustomStringConvertible {
  let description: String
  init(_ message: String) { description = message }
}
