import ArgumentParser
import Foundation

/// `sr-bench`: the symbolic-regression benchmarks (evaluation throughput, structure recovery, paper data).
/// benchmarks/run-sr.sh runs it next to the pyoperon and gplearn peers (peers/sr_*.py) and writes the report.
@main
struct SRBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sr-bench",
    abstract: "Benchmarks of the SymbolicRegression engine, run beside pyoperon and gplearn.",
    subcommands: [InputsCommand.self, ThroughputCommand.self, RecoveryCommand.self, PaperCommand.self, LMCommand.self])
}

/// A benchmark failure: one line on stderr, exit status 1.
struct BenchError: Error, CustomStringConvertible {
  let description: String
  init(_ message: String) { description = message }
}
