import Statistics
import Support
import TestSupport
import Testing

@Suite("Seeded generator and grouped resampling")
struct GroupedResamplingTests {
  /// 30 rows in 12 groups of uneven size (features repeat).
  let rows: [[Double]] = (0..<30).map { i in [Double(i % 12), i % 12 == 3 ? -0.0 : 1.5] }
  var groups: RowGroups { RowGroups(rows: rows) }

  @Test("xoshiro256** seeded by splitmix64 reproduces the reference sequence")
  func generator() {
    var g = SeededGenerator(seed: 42)
    #expect(
      [g.next(), g.next(), g.next()] == [
        1_546_998_764_402_558_742, 6_990_951_692_964_543_102, 12_544_586_762_248_559_009,
      ])
    var a = SeededGenerator(seed: 7)
    var b = SeededGenerator(seed: 7)
    var x = Array(0..<50)
    var y = Array(0..<50)
    a.shuffle(&x)
    b.shuffle(&y)
    #expect(x == y && x != Array(0..<50) && x.sorted() == Array(0..<50))
    var c = SeededGenerator(seed: 1)
    var counts = [Int](repeating: 0, count: 5)
    for _ in 0..<5000 { counts[c.nextInt(below: 5)] += 1 }
    #expect(counts.allSatisfy { $0 > 850 && $0 < 1150 })
    for _ in 0..<1000 {
      let d = c.nextDouble()
      #expect(d >= 0 && d < 1)
    }
    #expect(SeededGenerator(seed: 3, stream: 0) != SeededGenerator(seed: 3, stream: 1))
  }

  @Test("Rows with identical features share a group; ids follow first appearance")
  func rowGroups() throws {
    let g = RowGroups(rows: [[1, 2], [1, 3], [1, 2], [0.0, 5], [-0.0, 5], [.nan, 1], [.nan, 1]])
    #expect(g.groupOfRow == [0, 1, 0, 2, 2, 3, 3])
    #expect(g.rowsOfGroup == [[0, 2], [1], [3, 4], [5, 6]])
    let byColumns = try RowGroups(columns: [[1, 1, 1, 0, -0.0, .nan, .nan], [2, 3, 2, 5, 5, 1, 1]])
    #expect(byColumns == g)
    #expect(RowGroups.singletons(rowCount: 3).rowsOfGroup == [[0], [1], [2]])
    #expect(throws: StatisticsError.self) { try RowGroups(columns: [[1, 2], [1]]) }
    #expect(groups.groupCount == 12 && groups.rowCount == 30)
  }

  @Test("Grouped k-fold never splits a group and tests every row exactly once", arguments: [2, 3, 5, 12])
  func kFold(k: Int) throws {
    let cv = try GroupedKFold(groups: groups, k: k, seed: 11)
    #expect(cv.folds.count == k)
    var seen = [Int](repeating: 0, count: 30)
    for fold in cv.folds {
      #expect(!fold.testRows.isEmpty)
      #expect(Set(fold.testRows).isDisjoint(with: fold.trainingRows))
      #expect((fold.testRows + fold.trainingRows).sorted() == Array(0..<30))
      for row in fold.testRows { seen[row] += 1 }
      let testGroups = Set(fold.testRows.map { groups.groupOfRow[$0] })
      let trainGroups = Set(fold.trainingRows.map { groups.groupOfRow[$0] })
      #expect(testGroups.isDisjoint(with: trainGroups))
    }
    #expect(seen == Array(repeating: 1, count: 30))
    let sizes = cv.folds.map(\.testRows.count)
    #expect(sizes.max()! - sizes.min()! <= 3)  // balanced up to one group (groups have 2–3 rows)
    #expect(try GroupedKFold(groups: groups, k: k, seed: 11) == cv)
  }

  @Test("k-fold: seeds matter, too many folds is a one-line error")
  func kFoldErrors() throws {
    let a = try GroupedKFold(groups: groups, k: 4, seed: 1)
    let b = try GroupedKFold(groups: groups, k: 4, seed: 2)
    #expect(a.foldOfGroup != b.foldOfGroup)
    #expect(throws: StatisticsError.tooFewGroups(groups: 12, needed: 13, purpose: "13-fold cross-validation")) {
      try GroupedKFold(groups: groups, k: 13, seed: 1)
    }
    #expect(throws: StatisticsError.self) { try GroupedKFold(groups: groups, k: 1, seed: 1) }
    let plain = try GroupedKFold(groups: .singletons(rowCount: 10), k: 5, seed: 3)
    #expect(plain.folds.allSatisfy { $0.testRows.count == 2 })
  }

  @Test("Grouped bootstrap is reproducible by seed and resamples whole groups")
  func bootstrap() throws {
    let boot = try GroupedBootstrap(groups: groups, seed: 99)
    let first = boot.resamples(20)
    #expect(first == (try GroupedBootstrap(groups: groups, seed: 99)).resamples(20))
    #expect(first[7] == boot.resample(7))  // independent of how many are drawn
    #expect(first != (try GroupedBootstrap(groups: groups, seed: 100)).resamples(20))
    for resample in first {
      #expect(resample.drawsOfGroup.reduce(0, +) == groups.groupCount)
      var copies = [Int: Int]()
      for row in resample.rows { copies[row, default: 0] += 1 }
      for (group, members) in groups.rowsOfGroup.enumerated() {
        for row in members { #expect((copies[row] ?? 0) == resample.drawsOfGroup[group]) }
      }
      let outOfBag = groups.rowsOfGroup.indices.filter { resample.drawsOfGroup[$0] == 0 }.flatMap {
        groups.rowsOfGroup[$0]
      }
      #expect(resample.outOfBagRows == outOfBag.sorted())
    }
    #expect(throws: StatisticsError.self) { try GroupedBootstrap(groups: .singletons(rowCount: 1), seed: 1) }
  }

  @Test("Grouped split: disjoint, complete, groups intact, reproducible")
  func split() throws {
    let s = try GroupedSplit(groups: groups, testFraction: 0.25, validationFraction: 0.2, seed: 5)
    #expect((s.trainingRows + s.validationRows + s.testRows).sorted() == Array(0..<30))
    let sides = [s.trainingRows, s.validationRows, s.testRows].map { Set($0.map { groups.groupOfRow[$0] }) }
    #expect(
      sides[0].isDisjoint(with: sides[1]) && sides[0].isDisjoint(with: sides[2]) && sides[1].isDisjoint(with: sides[2]))
    #expect(sides[2].count == 3 && sides[1].count == 2 && sides[0].count == 7)
    #expect(try GroupedSplit(groups: groups, testFraction: 0.25, validationFraction: 0.2, seed: 5) == s)
    #expect(try GroupedSplit(groups: groups, testFraction: 0.25, seed: 5).validationRows.isEmpty)
    #expect(throws: StatisticsError.self) {
      try GroupedSplit(groups: groups, testFraction: 0.6, validationFraction: 0.5, seed: 1)
    }
    #expect(throws: StatisticsError.self) { try GroupedSplit(groups: groups, testFraction: -0.1, seed: 1) }
    #expect(throws: StatisticsError.self) {
      try GroupedSplit(groups: .singletons(rowCount: 2), testFraction: 0.5, validationFraction: 0.4, seed: 1)
    }
  }

  @Test(
    "Paper data: 1002 rows form 444 feature groups; grouped 5-fold keeps them whole",
    .enabled(if: SharedData.paperBalancedAvailable, "needs ../shared/data/paper-balanced.csv"))
  func paperGroups() throws {
    let data = try PaperData.columns()
    let features = try RowGroups(columns: [
      data["n_tasks"] ?? [], data["n_tokens_per_task"] ?? [], data["mutual_info"] ?? [],
    ])
    #expect(features.rowCount == 1002 && features.groupCount == 444)
    let cv = try GroupedKFold(groups: features, k: 5, seed: 1)
    #expect(cv.folds.map(\.testRows.count).reduce(0, +) == 1002)
  }
}
