/// Whether an error is about what the caller gave (a setting, a file's contents) or a failure while running.
/// The command lines exit with status 2 for the first and 1 for the second.
public enum ErrorOrigin: Sendable, Equatable {
  /// Bad input: a setting out of range, a missing column, a malformed file.
  case input
  /// Something failed while running: a file could not be written, a fit did not converge.
  case run
}

/// An error a command line reports as one line. Libraries name the *setting* a message is about in their own
/// words (`threads`, `testFraction`), never a command-line flag; each command line maps settings to its flags.
public protocol UserFacingError: Error, CustomStringConvertible {
  /// Input or run failure.
  var origin: ErrorOrigin { get }
  /// The setting the message is about, by its library name, or nil.
  var setting: String? { get }
  /// The message without the setting's name (the whole message when `setting` is nil).
  var problem: String { get }
}

extension UserFacingError {
  public var setting: String? { nil }
  public var problem: String { description }
}
