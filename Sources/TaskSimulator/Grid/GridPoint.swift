import Foundation
import Support

/// One point of a simulation grid: T, tokens per task, and the relatedness of the auxiliary tasks.
public struct GridPoint: Sendable, Equatable {
  /// Position in the expanded grid (0-based).
  public var index: Int
  /// T: number of tasks including the main task.
  public var taskCount: Int
  /// Training tokens of the main task.
  public var mainTokens: Int
  /// Training tokens of each auxiliary task.
  public var auxTokens: Int
  /// A single α for every auxiliary task, when configured so (T = 1 points keep it only as a label).
  public var alpha: Double?
  /// One α per auxiliary task, when configured as a list.
  public var alphas: [Double]?
  /// A target AMI, turned into α by calibration, when configured so.
  public var ami: Double?
  /// Repetitions (different seeds) of this point.
  public var repetitions: Int
  /// Disjoint or shared auxiliary inputs.
  public var inputs: TaskInputs
  /// The MTL method of this point, from the config's `"methods"` list; nil: the training's method. The task
  /// families do not depend on it, so every method trains on the same families (paired comparisons).
  public var method: String? = nil

  /// A short folder-friendly name, e.g. `T4-n1000-1000-ami0.4`.
  public var name: String {
    var s = "T\(taskCount)-n\(mainTokens)-\(auxTokens)"
    if let ami {
      s += "-ami\(GridPoint.short(ami))"
    } else if let alpha {
      s += "-alpha\(GridPoint.short(alpha))"
    } else if let alphas {
      s += "-alphas" + alphas.map(GridPoint.short).joined(separator: "_")
    }
    if let method { s += "-" + method }
    return s
  }

  static func short(_ x: Double) -> String {
    var s = String(format: "%.6f", x)
    while s.hasSuffix("0") { s.removeLast() }
    if s.hasSuffix(".") { s.removeLast() }
    return s
  }

  /// The family specification of one repetition (1-based). AMI targets are calibrated on the corpus's IO label
  /// distribution over its whole training stream (so an AMI value maps to one α, as in the paper).
  /// The seed is derived from the config seed, the point's parameters and the repetition (not its index).
  /// `calibrated` may hold precomputed α for AMI targets (see `GridConfig.calibratedAlphas(corpus:)`).
  public func familySpec(repetition: Int, seed: UInt64, corpus: Corpus, calibrated: [Double: Double] = [:])
    throws(TaskSimulatorError) -> TaskFamilySpec
  {
    let aux = taskCount - 1
    var resolved: [Double]
    if aux == 0 {
      resolved = []
    } else if let alphas {
      resolved = alphas
    } else if let alpha {
      resolved = Array(repeating: alpha, count: aux)
    } else if let ami, let a = calibrated[ami] {
      resolved = Array(repeating: a, count: aux)
    } else if let ami {
      let a = try Calibration.alpha(
        forAMI: ami, labelDistribution: corpus.ioLabelDistribution(),
        tokens: corpus.trainTokenCount)
      resolved = Array(repeating: a, count: aux)
    } else {
      throw TaskSimulatorError("point \(index): needs alpha, alphas or ami for T = \(taskCount)")
    }
    var relatedness: UInt64 = 0
    for a in resolved { relatedness = SplitMix64.mix(relatedness ^ a.bitPattern) }
    let derived = SeedDerivation.keyed(
      seed, UInt64(taskCount), UInt64(mainTokens), UInt64(auxTokens), relatedness,
      inputs == .shared ? 1 : 0, UInt64(repetition))
    return TaskFamilySpec(
      taskCount: taskCount, mainTokens: mainTokens, auxTokens: auxTokens, alphas: resolved,
      inputs: inputs, seed: derived)
  }
}
