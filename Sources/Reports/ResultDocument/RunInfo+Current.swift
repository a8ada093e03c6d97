import Foundation

extension RunInfo {
  /// The `run` block of this process: version, commit and command line of the running tool, `threads` 0 meaning
  /// every core.
  public static func current(
    tool: String, seed: UInt64?, threads: Int, seconds: Double?, evaluations: Int?, inputSHA256: String?
  ) -> RunInfo {
    RunInfo(
      version: ToolInfo.version, commit: ToolInfo.commit(), command: ToolInfo.commandLine(name: tool), seed: seed,
      threads: threads > 0 ? threads : ProcessInfo.processInfo.activeProcessorCount, seconds: seconds,
      evaluations: evaluations, inputSHA256: inputSHA256)
  }
}

extension Duration {
  /// The duration in seconds.
  public var seconds: Double {
    let c = components
    return Double(c.seconds) + Double(c.attoseconds) / 1e18
  }
}
