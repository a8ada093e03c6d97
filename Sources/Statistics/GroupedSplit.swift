import Support

/// A seeded split of whole groups into training, validation and test sets (for hold-out evaluation).
///
/// Groups are shuffled with `SeededGenerator(seed:)`; the first round(testFraction·G) groups (at least one when
/// the fraction is positive) form the test set, the next round(validationFraction·G) the validation set, the rest
/// the training set. Fractions are of groups, not rows. Same groups + fractions + seed → same split.
public struct GroupedSplit: Sendable, Equatable {
  public let trainingRows: [Int]
  public let validationRows: [Int]
  public let testRows: [Int]
  public let seed: UInt64

  /// - Throws: `invalidArgument` for fractions outside [0, 1) or summing to ≥ 1; `tooFewGroups` when the
  ///   training set would be empty.
  public init(groups: RowGroups, testFraction: Double, validationFraction: Double = 0, seed: UInt64) throws {
    for (name, value) in [("test fraction", testFraction), ("validation fraction", validationFraction)]
    where !(value >= 0 && value < 1) {
      throw StatisticsError.invalidArgument("\(name) \(value) is not in [0, 1)")
    }
    guard testFraction + validationFraction < 1 else {
      throw StatisticsError.invalidArgument(
        "test fraction + validation fraction = \(testFraction + validationFraction), must be below 1")
    }
    let g = groups.groupCount
    func count(_ fraction: Double) -> Int { fraction > 0 ? max(1, Int((fraction * Double(g)).rounded())) : 0 }
    let testCount = count(testFraction)
    let validationCount = count(validationFraction)
    guard testCount + validationCount < g else {
      throw StatisticsError.tooFewGroups(
        groups: g, needed: testCount + validationCount + 1,
        purpose: "a training/validation/test split")
    }
    var order = Array(0..<g)
    var generator = SeededGenerator(seed: seed)
    generator.shuffle(&order)
    var side = [Int](repeating: 0, count: g)  // 0 training, 1 validation, 2 test
    for (position, group) in order.enumerated() {
      side[group] = position < testCount ? 2 : (position < testCount + validationCount ? 1 : 0)
    }
    let sideOfRow = groups.groupOfRow.map { side[$0] }
    trainingRows = sideOfRow.indices.filter { sideOfRow[$0] == 0 }
    validationRows = sideOfRow.indices.filter { sideOfRow[$0] == 1 }
    testRows = sideOfRow.indices.filter { sideOfRow[$0] == 2 }
    self.seed = seed
  }
}
