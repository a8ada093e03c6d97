import Support

/// Row indices of a seeded train / validation / test split.
public struct DataSplit: Codable, Sendable, Equatable {
  public var train: [Int]
  public var validation: [Int]
  public var test: [Int]
  /// Number of distinct feature rows (groups).
  public var groups: Int

  public init(train: [Int], validation: [Int], test: [Int], groups: Int) {
    self.train = train
    self.validation = validation
    self.test = test
    self.groups = groups
  }

  /// Splits rows so that rows with identical feature values always land on the same side.
  ///
  /// Groups (distinct feature rows, in order of first appearance) are shuffled with `seed`; whole groups go to
  /// the test part until it holds at least `testFraction` of the rows, then to validation until it holds at
  /// least `validationFraction` of the remaining rows; the rest is training. Each part keeps row order.
  /// With `grouped: false` every row is its own group.
  public static func make(
    featureRows: [[Double]], testFraction: Double, validationFraction: Double,
    seed: UInt64, grouped: Bool = true
  ) throws -> DataSplit {
    guard testFraction >= 0, testFraction < 1 else {
      throw SearchConfigurationError(setting: "testFraction", "must be in [0, 1), got \(testFraction)")
    }
    guard validationFraction >= 0, validationFraction < 1 else {
      throw SearchConfigurationError(setting: "validationFraction", "must be in [0, 1), got \(validationFraction)")
    }
    let n = featureRows.count
    var groupOf: [[UInt64]: Int] = [:]
    var members: [[Int]] = []
    for (r, row) in featureRows.enumerated() {
      let key = grouped ? row.map { $0 == 0 ? 0 : $0.bitPattern } : [UInt64(r)]
      if let g = groupOf[key] {
        members[g].append(r)
      } else {
        groupOf[key] = members.count
        members.append([r])
      }
    }
    var order = Array(members.indices)
    var rng = SeededGenerator(seed: seed, stream: 0x5B11)
    if order.count > 1 {
      for i in stride(from: order.count - 1, to: 0, by: -1) {
        order.swapAt(i, rng.nextInt(below: i + 1))
      }
    }
    var test: [Int] = []
    var validation: [Int] = []
    var train: [Int] = []
    let testTarget = testFraction * Double(n)
    var k = 0
    while k < order.count && Double(test.count) < testTarget && order.count - k > 1 {
      test.append(contentsOf: members[order[k]])
      k += 1
    }
    let validationTarget = validationFraction * Double(n - test.count)
    while k < order.count && Double(validation.count) < validationTarget && order.count - k > 1 {
      validation.append(contentsOf: members[order[k]])
      k += 1
    }
    while k < order.count {
      train.append(contentsOf: members[order[k]])
      k += 1
    }
    return DataSplit(train: train.sorted(), validation: validation.sorted(), test: test.sorted(), groups: members.count)
  }
}
