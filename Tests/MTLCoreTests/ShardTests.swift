import Foundation
import MTLCore
import Support
import TaskSimulator
import TestSupport
import Testing

/// `--shard k/N` and `merge`: the shards cover the grid once, merged they equal the unsharded run, and the merge
/// refuses duplicated, missing and foreign rows with one line.
@Suite struct ShardTests {
  static func runner(shard: GridShard?) throws -> GridRunner {
    var r = try GridRunnerTests.runner(threads: 2)
    r.shard = shard
    return r
  }

  @Test func shardsAreParsedAndImpossibleOnesRefused() throws {
    #expect(try GridShard(parsing: "3/8") == GridShard(index: 3, count: 8))
    for bad in ["0/2", "3/2", "1/0", "2", "a/b", "-1/3"] {
      let error = #expect(throws: TrainingConfigError.self) { try GridShard(parsing: bad) }
      #expect(error?.setting == "shard")
    }
  }

  @Test func mergedShardsEqualTheUnshardedRun() throws {
    let folder = try TemporaryDirectory("shards")
    defer { folder.remove() }
    let whole = folder.fileURL("whole.csv")
    let wholeReps = folder.fileURL("whole-reps.csv")
    try Self.runner(shard: nil).run(corpus: GridRunnerTests.corpus, output: whole, repetitionsOutput: wholeReps)
    var parts: [URL] = []
    var repParts: [URL] = []
    var trained: [Int] = []
    for k in 1...3 {
      parts.append(folder.fileURL("part\(k).csv"))
      repParts.append(folder.fileURL("part\(k)-reps.csv"))
      let rows = try Self.runner(shard: GridShard(index: k, count: 3)).run(
        corpus: GridRunnerTests.corpus, output: parts.last!, repetitionsOutput: repParts.last!)
      trained += rows.map(\.point)
    }
    let grid = try GridConfig.parse(Data(GridRunnerTests.configText.utf8), source: "tiny.json")
    #expect(trained.sorted() == grid.points.map(\.index))
    let merged = folder.fileURL("merged.csv")
    let mergedReps = folder.fileURL("merged-reps.csv")
    #expect(try ResultsMerge.merge(parts: parts, output: merged, grid: grid) == grid.points.count)
    try ResultsMerge.merge(parts: repParts, output: mergedReps, grid: grid)
    #expect(try GridRunnerTests.table(merged) == GridRunnerTests.table(whole))
    #expect(try GridRunnerTests.table(mergedReps) == GridRunnerTests.table(wholeReps))

    // Duplicated, missing and foreign rows are refused, each with one line.
    let duplicate = #expect(throws: GridRunError.self) {
      try ResultsMerge.merge(parts: parts + [parts[0]], output: merged, grid: grid)
    }
    #expect(duplicate?.description.contains("is in") == true)
    let missing = #expect(throws: GridRunError.self) {
      try ResultsMerge.merge(parts: Array(parts.dropLast()), output: merged, grid: grid)
    }
    #expect(missing?.description.contains("rows missing") == true)
    var other = grid
    other.seed = 99
    let foreign = #expect(throws: GridRunError.self) {
      try ResultsMerge.merge(parts: parts, output: merged, grid: other)
    }
    #expect(foreign?.description.contains("another config") == true)
    #expect(throws: GridRunError.self) {
      try ResultsMerge.merge(parts: [parts[0], repParts[1]], output: merged, grid: nil)
    }
    #expect(throws: GridRunError.self) {
      try ResultsMerge.merge(parts: [folder.fileURL("nope.csv")], output: merged, grid: nil)
    }
  }
}
