import Support

/// Seeded nonparametric bootstrap that resamples whole groups with replacement.
///
/// Replicate r draws `groupCount` groups uniformly with replacement using a generator seeded by `SeedDerivation.mixedStream(seed, r)`,
/// so each replicate depends only on (seed, r) — not on how many replicates are drawn, their order, or threads.
public struct GroupedBootstrap: Sendable, Equatable {
  /// One bootstrap replicate.
  public struct Resample: Sendable, Equatable {
    /// Rows of the drawn groups, with repeats, ascending.
    public let rows: [Int]
    /// Rows of the groups never drawn (the out-of-bag rows), ascending.
    public let outOfBagRows: [Int]
    /// How often each group was drawn.
    public let drawsOfGroup: [Int]
  }

  public let groups: RowGroups
  public let seed: UInt64

  public init(groups: RowGroups, seed: UInt64) throws {
    guard groups.groupCount >= 2 else {
      throw StatisticsError.tooFewGroups(groups: groups.groupCount, needed: 2, purpose: "the bootstrap")
    }
    self.groups = groups
    self.seed = seed
  }

  /// Replicate number `index` (any non-negative integer).
  public func resample(_ index: Int) -> Resample {
    var generator = SeededGenerator(seed: SeedDerivation.mixedStream(seed, UInt64(truncatingIfNeeded: index)))
    let g = groups.groupCount
    var draws = [Int](repeating: 0, count: g)
    for _ in 0..<g { draws[generator.nextInt(below: g)] += 1 }
    var rows: [Int] = []
    var outOfBag: [Int] = []
    rows.reserveCapacity(groups.rowCount)
    for row in 0..<groups.rowCount {
      let count = draws[groups.groupOfRow[row]]
      if count == 0 { outOfBag.append(row) } else { for _ in 0..<count { rows.append(row) } }
    }
    return Resample(rows: rows, outOfBagRows: outOfBag, drawsOfGroup: draws)
  }

  /// Replicates 0..<count.
  public func resamples(_ count: Int) -> [Resample] {
    (0..<max(0, count)).map(resample)
  }
}
