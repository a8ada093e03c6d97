import TaskSimulator

/// The k-th of N deterministic slices of a grid (`simulate --shard k/N`), balanced by estimated cost rather than by
/// count: points are taken from the most to the least expensive (tokens per repetition × repetitions × the
/// method's relative cost; ties by point index) and each goes to the shard with the least cost so far (the
/// longest-processing-time rule). Every shard computes the same assignment, so N jobs cover the grid exactly once.
public struct GridShard: Sendable, Equatable {
  /// 1-based.
  public let index: Int
  public let count: Int

  public init(index: Int, count: Int) throws(TrainingConfigError) {
    guard count >= 1, index >= 1, index <= count else {
      throw TrainingConfigError(setting: "shard", "expected k/N with 1 ≤ k ≤ N, found \(index)/\(count)")
    }
    self.index = index
    self.count = count
  }

  /// Parses `k/N`.
  public init(parsing text: String) throws(TrainingConfigError) {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]) else {
      throw TrainingConfigError(setting: "shard", "expected k/N (e.g. 3/8), found '\(text)'")
    }
    try self.init(index: k, count: n)
  }

  /// Estimated cost of a point (all its repetitions).
  static func cost(_ p: GridPoint, method: any MTLMethod) -> Double {
    Double(p.mainTokens + (p.taskCount - 1) * p.auxTokens + 2000) * Double(p.repetitions)
      * method.relativeCost(taskCount: p.taskCount)
  }

  /// Indices of the points this shard trains.
  func assignment(_ points: [GridPoint], method: (GridPoint) -> any MTLMethod) -> Set<Int> {
    let order = points.map { ($0.index, Self.cost($0, method: method($0))) }.sorted {
      $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0
    }
    var loads = [Double](repeating: 0, count: count)
    var mine = Set<Int>()
    for (point, cost) in order {
      let target = loads.indices.min { loads[$0] != loads[$1] ? loads[$0] < loads[$1] : $0 < $1 }!
      loads[target] += cost
      if target == index - 1 { mine.insert(point) }
    }
    return mine
  }
}
