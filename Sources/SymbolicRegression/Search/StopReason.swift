/// Why a search stopped.
public enum StopReason: String, Codable, Sendable, CustomStringConvertible {
  /// The evaluation budget was spent.
  case budget
  /// The time limit was reached.
  case time
  /// The validation loss reached the tolerance.
  case tolerance
  /// The validation loss stopped improving for `patience` epochs.
  case patience
  /// The run was stopped after a set number of epochs (to be resumed from its checkpoint).
  case interrupted

  public var description: String { rawValue }
}

/// Rows the front's final constants were fitted on.
public enum FitRows: String, Codable, Sendable, CustomStringConvertible {
  case train
  case trainAndValidation = "train+validation"

  /// The row indices of `split` these are.
  public func rows(of split: DataSplit) -> [Int] {
    self == .train ? split.train : split.train + split.validation
  }

  public var description: String { rawValue }
}
