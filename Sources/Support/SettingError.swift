/// A problem with a setting or an input value of one library domain. `Domain` is a caseless enum that only tells
/// the domains apart (`SettingError<SearchSettings>` is the search engine's error, `SettingError<TrainingSettings>`
/// the trainer's), so typed throws and `catch` still distinguish them while the type is written once.
public struct SettingError<Domain>: UserFacingError, Equatable, Sendable {
  public let origin: ErrorOrigin
  public let setting: String?
  public let problem: String

  /// A problem with `setting` (by its library name, e.g. `threads`: "must be ≥ 0"), or with the input when
  /// `setting` is nil.
  public init(origin: ErrorOrigin = .input, setting: String? = nil, _ problem: String) {
    self.origin = origin
    self.setting = setting
    self.problem = problem
  }

  public var description: String { setting.map { "\($0): \(problem)" } ?? problem }
}
