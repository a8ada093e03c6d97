import Support

/// Seeded k-fold cross-validation that never splits a group: every row of a group lands in the same fold.
///
/// Groups are shuffled with `SeededGenerator(seed:)`, then each goes (in shuffled order) to the fold that has
/// the fewest rows so far (ties to the lowest fold), so folds are balanced by rows. Every row is in exactly
/// one test fold; a fold's training rows are all the other rows. Same groups + k + seed → same folds.
public struct GroupedKFold: Sendable, Equatable {
  /// One fold: its held-out test rows and the training rows (both ascending).
  public struct Fold: Sendable, Equatable {
    public let trainingRows: [Int]
    public let testRows: [Int]
  }

  /// Number of folds k.
  public let k: Int
  public let seed: UInt64
  /// The fold (0..<k) of each group.
  public let foldOfGroup: [Int]
  /// The k folds.
  public let folds: [Fold]

  /// - Throws: `invalidArgument` when k < 2, `tooFewGroups` when k exceeds the number of groups.
  public init(groups: RowGroups, k: Int, seed: UInt64) throws {
    guard k >= 2 else { throw StatisticsError.invalidArgument("k-fold cross-validation needs k >= 2 folds, got \(k)") }
    guard k <= groups.groupCount else {
      throw StatisticsError.tooFewGroups(groups: groups.groupCount, needed: k, purpose: "\(k)-fold cross-validation")
    }
    var order = Array(0..<groups.groupCount)
    var generator = SeededGenerator(seed: seed)
    generator.shuffle(&order)
    var foldOfGroup = [Int](repeating: 0, count: groups.groupCount)
    var rowsInFold = [Int](repeating: 0, count: k)
    for group in order {
      var target = 0
      for fold in 1..<k where rowsInFold[fold] < rowsInFold[target] { target = fold }
      foldOfGroup[group] = target
      rowsInFold[target] += groups.rowsOfGroup[group].count
    }
    let foldOfRow = groups.groupOfRow.map { foldOfGroup[$0] }
    self.k = k
    self.seed = seed
    self.foldOfGroup = foldOfGroup
    folds = (0..<k).map { fold in
      let rows = Array(foldOfRow.indices)
      return Fold(trainingRows: rows.filter { foldOfRow[$0] != fold }, testRows: rows.filter { foldOfRow[$0] == fold })
    }
  }
}
