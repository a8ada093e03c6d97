import Foundation
import Support
import TaskSimulator

/// `simulate merge`: joins the result files of a grid's shards into one table. The parts must have one header;
/// every (point, repetition) must appear exactly once, and with the grid given, every point of the grid must be
/// present with rows that match its parameters (T, n, seed, and the method where the grid lists methods), so a file of another config is refused. Rows
/// are sorted by point, then repetition, and written atomically.
public enum ResultsMerge {
  /// Merges `parts` into `output`; returns the number of data rows written.
  @discardableResult
  public static func merge(parts: [URL], output: URL, grid: GridConfig?) throws
    -> Int
  {
    guard !parts.isEmpty else { throw GridRunError(message: "merge: no result files given", origin: .input) }
    var header: String?
    var rows: [(key: Key, line: String, file: String)] = []
    for url in parts {
      guard let text = try? String(contentsOf: url, encoding: .utf8) else {
        throw GridRunError(message: "merge: cannot read \(url.path)", origin: .input)
      }
      var lines = text.components(separatedBy: "\n")
      if lines.last == "" { lines.removeLast() }
      guard let first = lines.first, first.hasPrefix("n_tasks,") else {
        throw GridRunError(message: "merge: \(url.path) is not a results file of simulate (no header)", origin: .input)
      }
      if let header, header != first {
        throw GridRunError(message: "merge: \(url.path) has other columns than \(parts[0].path)", origin: .input)
      }
      header = first
      let columns = first.split(separator: ",").map(String.init)
      for line in lines.dropFirst() {
        rows.append((try Key(line, columns: columns, file: url.path), line, url.path))
      }
    }
    try check(rows.map { ($0.key, $0.file) }, grid: grid)
    let sorted = rows.sorted { $0.key < $1.key }.map(\.line)
    try ResultsFile.writeAtomically(output, ([header!] + sorted).joined(separator: "\n") + "\n")
    return sorted.count
  }

  /// What identifies a row, and what is checked against the grid.
  struct Key: Comparable {
    var point, repetition, tasks, tokens: Int
    var method, seed: String

    init(_ line: String, columns: [String], file: String) throws {
      let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      func field(_ name: String) -> String? {
        columns.firstIndex(of: name).flatMap { $0 < fields.count ? fields[$0] : nil }
      }
      guard fields.count == columns.count, let point = field("point").flatMap({ Int($0) }),
        let tasks = field("n_tasks").flatMap({ Int($0) }), let tokens = field("n_tokens_per_task").flatMap({ Int($0) })
      else {
        throw GridRunError(
          message: "merge: \(file): a row does not match the header: \(line.prefix(80))", origin: .input)
      }
      self.point = point
      repetition = field("repetition").flatMap { Int($0) } ?? 0
      self.tasks = tasks
      self.tokens = tokens
      method = field("method") ?? ""
      seed = field("seed") ?? ""
    }

    static func < (a: Key, b: Key) -> Bool { (a.point, a.repetition) < (b.point, b.repetition) }
    static func == (a: Key, b: Key) -> Bool { (a.point, a.repetition) == (b.point, b.repetition) }
  }

  /// Duplicates, rows of another config, and (with the grid) missing points, each as one line naming them.
  static func check(_ keys: [(Key, String)], grid: GridConfig?) throws {
    var seen: [Key: String] = [:]
    func name(_ k: Key) -> String {
      let point = grid.flatMap { g in k.point < g.points.count ? g.points[k.point].name : nil } ?? "point \(k.point)"
      return k.repetition > 0 ? "\(point) repetition \(k.repetition)" : point
    }
    for (key, file) in keys {
      if let other = seen[key] {
        throw GridRunError(message: "merge: \(name(key)) is in \(other) and in \(file)", origin: .input)
      }
      seen[key] = file
    }
    guard let grid else { return }
    for (key, file) in keys {
      guard key.point < grid.points.count else {
        throw GridRunError(
          message: "merge: \(file) has point \(key.point), the grid has \(grid.points.count) points", origin: .input)
      }
      let p = grid.points[key.point]
      // The method is checked where the grid names it ("methods"); otherwise a run's --method may have chosen it.
      guard p.taskCount == key.tasks, p.mainTokens == key.tokens, p.method.map({ $0 == key.method }) ?? true,
        key.seed == "\(grid.seed)"
      else {
        throw GridRunError(
          message: "merge: \(file): point \(key.point) is not \(p.name) of \(grid.source) (another config?)",
          origin: .input)
      }
    }
    let repetitions = keys.contains { $0.0.repetition > 0 }
    let present = Set(keys.map { [$0.0.point, $0.0.repetition] })
    var missing: [String] = []
    for p in grid.points {
      for r in repetitions ? Array(1...p.repetitions) : [0] where !present.contains([p.index, r]) {
        missing.append(p.name + (r > 0 ? " repetition \(r)" : ""))
      }
    }
    if !missing.isEmpty {
      let shown = missing.prefix(5).joined(separator: ", ") + (missing.count > 5 ? ", …" : "")
      throw GridRunError(message: "merge: \(missing.count) rows missing: \(shown)", origin: .input)
    }
  }
}

extension ResultsMerge.Key: Hashable {
  func hash(into hasher: inout Hasher) {
    hasher.combine(point)
    hasher.combine(repetition)
  }
}
