/// What to read from a results table: the file, the target, the features, renames and weights. Each command
/// line fills it from its flags; errors name these properties as settings (`target`, `features`, …).
public struct InputRequest: Sendable {
  /// The CSV file.
  public var path: String
  /// Column to explain; nil: `fscore` when the table has it.
  public var target: String?
  /// Comma-separated feature columns; nil: every numeric input column (``ResultsInput/featureNames()``).
  public var features: String?
  /// Rename list `old:new,...`, applied after the automatic renames of the paper's column names.
  public var rename: String?
  /// Column of per-row weights.
  public var weights: String?
  /// Column of per-point standard deviations for weights 1/max(sd, floor)² (`none` turns the default off).
  public var weightsFromSD: String?
  /// Floor of those standard deviations; nil: their 10th percentile among positive values.
  public var sdFloor: Double?

  public init(
    path: String, target: String? = nil, features: String? = nil, rename: String? = nil,
    weights: String? = nil, weightsFromSD: String? = nil, sdFloor: Double? = nil
  ) {
    self.path = path
    self.target = target
    self.features = features
    self.rename = rename
    self.weights = weights
    self.weightsFromSD = weightsFromSD
    self.sdFloor = sdFloor
  }
}
