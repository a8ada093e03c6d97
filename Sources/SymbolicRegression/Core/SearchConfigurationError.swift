import Support

/// An error in a user-supplied search setting (operator list, option value, data shape); `setting` names the
/// ``SearchConfiguration`` property (or the problem's input) it is about.
public struct SearchConfigurationError: UserFacingError, Equatable, Sendable {
  public let setting: String?
  public let problem: String

  /// A problem with `setting` (e.g. `threads`, "must be ≥ 0"), or with the data when `setting` is nil.
  public init(setting: String? = nil, _ problem: String) {
    self.setting = setting
    self.problem = problem
  }

  public var origin: ErrorOrigin { .input }
  public var description: String { setting.map { "\($0): \(problem)" } ?? problem }
}
