import Support

/// The search engine's settings domain (see ``SearchConfigurationError``).
public enum SearchSettings {}

/// An error in a user-supplied search setting (operator list, option value, data shape); `setting` names the
/// ``SearchConfiguration`` property (or the problem's input) it is about.
public typealias SearchConfigurationError = SettingError<SearchSettings>
