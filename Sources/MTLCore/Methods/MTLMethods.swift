/// The registry of MTL methods: the one list that configs (`training.method`), the command line and the results'
/// `method` column draw on. Adding a method adds its entry here.
public enum MTLMethods {
  /// Every method, the default first.
  public static let all: [any MTLMethod] = [
    HardParameterSharing(), AlphaVIL(), GraphMessagePassing(topology: .complete), GraphMessagePassing(topology: .star),
  ]

  /// The default method (hard parameter sharing, the paper's).
  public static var standard: any MTLMethod { all[0] }

  /// The names of all methods, in registry order.
  public static var names: [String] { all.map(\.name) }

  /// The method called `name`; the error names the `method` setting and the known names.
  public static func named(_ name: String) throws(TrainingConfigError) -> any MTLMethod {
    guard let method = all.first(where: { $0.name == name }) else {
      throw TrainingConfigError(
        setting: "method", "unknown method '\(name)' (expected one of \(names.joined(separator: ", ")))")
    }
    return method
  }
}
