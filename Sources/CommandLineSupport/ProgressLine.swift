import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A progress line on stderr, as both commands show it: rewritten in place on a terminal; otherwise (a log file,
/// a Slurm job) a new line each time `update` is asked to log (`log: true`), so logs stay short.
public final class ProgressLine: @unchecked Sendable {
  /// Whether stderr is a terminal.
  public static let stderrIsTerminal = isatty(2) != 0
  private let lock = NSLock()
  private var open = false

  public init() {}

  /// Shows `text`; on a terminal always (in place), otherwise only when `log` is true.
  public func update(_ text: String, log: Bool = true) {
    lock.lock()
    defer { lock.unlock() }
    if Self.stderrIsTerminal {
      Self.write("\r" + text + "   ")
      open = true
    } else if log {
      Self.write(text + "\n")
    }
  }

  /// Ends the line on a terminal.
  public func finish() {
    lock.lock()
    defer { lock.unlock() }
    if open { Self.write("\n") }
    open = false
  }

  /// Writes to stderr.
  public static func write(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
}
