import Support

/// An error of the task simulator: one line naming the problem (file, line or config key). Most are about the input
/// (origin `.input`: a config, a corpus or vectors file); writing task files fails with origin `.run`.
public struct TaskSimulatorError: UserFacingError, Equatable, Sendable {
  /// The one-line message.
  public let message: String
  public let origin: ErrorOrigin

  /// Creates an error with a one-line message.
  public init(_ message: String, origin: ErrorOrigin = .input) {
    self.message = message
    self.origin = origin
  }

  public var description: String { message }
}
