/// An error of the task simulator: one line naming the problem (file, line, key or option).
public struct TaskSimulatorError: Error, CustomStringConvertible, Equatable, Sendable {
  /// The one-line message.
  public let message: String
  /// Creates an error with a one-line message.
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}
