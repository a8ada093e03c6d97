import Support

/// The symmetric noisy label channel of the paper's simulator: a K×K matrix with α on the diagonal and
/// (1 − α)/(K − 1) elsewhere. A label is kept with probability α, otherwise replaced by one of the other
/// K − 1 labels uniformly. α = 1 copies the labels; α = 1/K gives labels independent of the input.
public struct NoisyChannel: Sendable, Equatable {
  /// Number of labels K (≥ 2).
  public let labelCount: Int
  /// Probability of keeping a label, in [1/K, 1].
  public let alpha: Double

  /// Creates a channel; throws when K < 2 or α is outside [1/K, 1].
  public init(labelCount: Int, alpha: Double) throws(TaskSimulatorError) {
    guard labelCount >= 2 else { throw TaskSimulatorError("channel needs at least 2 labels, got \(labelCount)") }
    let lower = 1 / Double(labelCount)
    guard alpha.isFinite, alpha >= lower - 1e-12, alpha <= 1 else {
      throw TaskSimulatorError("alpha \(alpha) outside [1/K, 1] = [\(lower), 1]")
    }
    self.labelCount = labelCount
    self.alpha = alpha
  }

  /// The channel matrix entry P(output j | input i).
  public func probability(from i: Int, to j: Int) -> Double {
    i == j ? alpha : (1 - alpha) / Double(labelCount - 1)
  }

  /// Samples the output label for one input label.
  public func sample(_ label: Int, using rng: inout SeededGenerator) -> Int {
    if rng.nextDouble() < alpha { return label }
    let other = rng.nextInt(below: labelCount - 1)
    return other >= label ? other + 1 : other
  }

  /// Passes a sequence of labels through the channel with a generator seeded by `seed`.
  public func apply(_ labels: [Int], seed: UInt64) -> [Int] {
    var rng = SeededGenerator(seed: seed)
    return labels.map { sample($0, using: &rng) }
  }
}
