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
  private var loggedTenths = 0

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

  /// Shows `text` for work `fraction` (0…1) done: in place on a terminal, otherwise a line per tenth.
  public func update(_ text: String, fraction: Double) {
    lock.lock()
    let tenth = Int(10 * fraction)
    let log = tenth > loggedTenths
    loggedTenths = max(loggedTenths, tenth)
    lock.unlock()
    update(text, log: log)
  }

  /// Ends the line on a terminal.
  public func finish() {
    lock.lock()
    defer { lock.unlock() }
    if open { Self.write("\n") }
    open = false
  }

  /// A duration for progress lines: `42s`, `3m05s`, `2h10m`.
  public static func duration(_ seconds: Double) -> String {
    guard seconds.isFinite else { return "?" }
    let t = Int(seconds.rounded())
    return t >= 3600 ? "\(t / 3600)h\(t % 3600 / 60)m" : t >= 60 ? "\(t / 60)m\(t % 60)s" : "\(t)s"
  }

  /// Writes to stderr.
  public static func write(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
}
