import Support

/// Bad input or usage found by a command's own checks: exit status 2.
public struct InputError: UserFacingError, Sendable {
  public let description: String
  public init(_ message: String) { description = message }
  public var origin: ErrorOrigin { .input }
}

/// A failure while running (as opposed to bad input): exit status 1.
public struct RunFailure: UserFacingError, Sendable {
  public let description: String
  public init(_ message: String) { description = message }
  public var origin: ErrorOrigin { .run }
}
