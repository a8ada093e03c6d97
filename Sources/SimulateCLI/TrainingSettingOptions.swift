import ArgumentParser
import MTLCore

/// Options over the config's `"training"` object (docs/mtl-core.md); each sets the `TrainingConfig` setting of its
/// name, whose errors name that setting.
struct TrainingSettingOptions: ParsableArguments {
  @Option(name: .long, help: "MTL method: \(MTLMethods.names.joined(separator: ", ")).")
  var method: String?

  @Option(name: .long, help: "Model: \(ModelSpec.names.joined(separator: ", ")).")
  var model: String?

  @Option(name: .long, help: "Activation between dense layers: identity, tanh, relu.")
  var activation: String?

  @Option(name: .long, help: "Maximum epochs.")
  var epochs: Int?

  @Option(name: .long, help: "Early-stopping patience in epochs on the main task's dev F1; 0 trains all epochs.")
  var patience: Int?

  @Option(name: .long, help: "Task order within an epoch: round-robin (paper) or proportional.")
  var schedule: String?

  func validate() throws {
    if let epochs, epochs < 1 { throw ValidationError("--epochs must be at least 1") }
    if let patience, patience < 0 { throw ValidationError("--patience must be 0 or more") }
  }

  /// Sets the given options over `training` (the model first: it resets the sizes and the activation).
  func apply(to training: inout TrainingConfig) throws {
    if let method { try training.setMethod(named: method) }
    if let model { try training.setModel(named: model) }
    if let activation { try training.setActivation(named: activation) }
    if let schedule { try training.setSchedule(named: schedule) }
    if let epochs { training.options.epochs = epochs }
    if let patience { training.options.patience = patience == 0 ? nil : patience }
  }
}
