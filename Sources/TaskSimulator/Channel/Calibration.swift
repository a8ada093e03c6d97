/// Calibration between the channel's α and the AMI of the auxiliary task it produces.
///
/// The expected AMI of α is the AMI of the expected contingency table N·p_i·M_ij, where p is the main task's
/// IO label distribution, M the channel and N the number of tokens: its mutual information and entropies are
/// computed from the (fractional) table, and the expected-MI correction from its marginals rounded to integers.
/// The expected AMI increases monotonically in α on [1/K, 1], so bisection finds α for a target AMI.
public enum Calibration {
  /// Expected AMI of the channel with this α on labels with distribution `labelDistribution` over `tokens` tokens.
  public static func expectedAMI(alpha: Double, labelDistribution p: [Double], tokens: Int) -> Double {
    let k = p.count
    guard k >= 2, tokens > 0 else { return 0 }
    let n = Double(tokens)
    let off = (1 - alpha) / Double(k - 1)
    var table = [Double](repeating: 0, count: k * k)
    for i in 0..<k { for j in 0..<k { table[i * k + j] = n * p[i] * (i == j ? alpha : off) } }
    let (rowSums, columnSums) = AdjustedMutualInformation.marginals(table, rows: k, columns: k)
    let mi = AdjustedMutualInformation.mutualInformation(table, rows: k, columns: k)
    let a = roundedPreservingSum(rowSums.filter { $0 > 0 }, total: tokens)
    let b = roundedPreservingSum(columnSums.filter { $0 > 0 }, total: tokens)
    let emi = AdjustedMutualInformation.expectedMutualInformation(
      rowSums: a.filter { $0 > 0 }, columnSums: b.filter { $0 > 0 })
    return AdjustedMutualInformation.adjust(
      mi: mi, emi: emi, hTrue: AdjustedMutualInformation.entropy(rowSums),
      hPredicted: AdjustedMutualInformation.entropy(columnSums), n: tokens)
  }

  /// The α in [1/K, 1] whose expected AMI equals `targetAMI` (in (0, 1)) to within `tolerance`.
  public static func alpha(
    forAMI targetAMI: Double, labelDistribution p: [Double], tokens: Int,
    tolerance: Double = 1e-6
  ) throws(TaskSimulatorError) -> Double {
    guard targetAMI.isFinite, targetAMI > 0, targetAMI < 1 else {
      throw TaskSimulatorError("ami \(targetAMI) outside (0, 1)")
    }
    guard p.count >= 2 else { throw TaskSimulatorError("calibration needs at least 2 labels") }
    guard tokens >= 2 else { throw TaskSimulatorError("calibration needs at least 2 tokens, got \(tokens)") }
    var lo = 1 / Double(p.count)
    var hi = 1.0
    for _ in 0..<200 {
      let mid = (lo + hi) / 2
      let value = expectedAMI(alpha: mid, labelDistribution: p, tokens: tokens)
      if abs(value - targetAMI) <= tolerance || hi - lo < 1e-13 { return mid }
      if value < targetAMI { lo = mid } else { hi = mid }
    }
    return (lo + hi) / 2
  }

  /// Rounds non-negative values to integers summing to `total` (largest remainders first, ties by index).
  static func roundedPreservingSum(_ values: [Double], total: Int) -> [Int] {
    var floors = values.map { Int($0.rounded(.down)) }
    var remaining = total - floors.reduce(0, +)
    let order = values.indices.sorted {
      (values[$0] - Double(floors[$0]), -$0) > (values[$1] - Double(floors[$1]), -$1)
    }
    var k = 0
    while remaining > 0 && !order.isEmpty {
      floors[order[k % order.count]] += 1
      remaining -= 1
      k += 1
    }
    return floors
  }
}
