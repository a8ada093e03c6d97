import Foundation
import Support

/// Walks the parsed JSON and builds a `GridConfig`, throwing one-line errors with the key path.
struct GridConfigReader {
  let source: String

  func fail(_ path: String, _ message: String) -> TaskSimulatorError {
    TaskSimulatorError("\(source): \(path.isEmpty ? "" : path + ": ")\(message)")
  }

  func object(_ v: JSONValue, _ path: String, keys: Set<String>) throws(TaskSimulatorError) -> [String: JSONValue] {
    guard let o = v.objectMembers else { throw fail(path, "expected an object, found \(v.typeName)") }
    for key in o.keys.sorted() where !keys.contains(key) {
      throw fail(path, "unknown key '\(key)' (allowed: \(keys.sorted().joined(separator: ", ")))")
    }
    return o
  }

  func positiveInt(_ v: JSONValue, _ path: String) throws(TaskSimulatorError) -> Int {
    guard let i = v.intValue else { throw fail(path, "expected an integer, found \(v.typeName) \(describe(v))") }
    guard i >= 1 else { throw fail(path, "must be at least 1, found \(i)") }
    return i
  }

  func alpha(_ v: JSONValue, _ path: String) throws(TaskSimulatorError) -> Double {
    guard let d = v.doubleValue else { throw fail(path, "expected a number, found \(v.typeName)") }
    guard d.isFinite, d > 0, d <= 1 else { throw fail(path, "alpha \(describe(v)) outside [1/K, 1]") }
    return d
  }

  func ami(_ v: JSONValue, _ path: String) throws(TaskSimulatorError) -> Double {
    guard let d = v.doubleValue else { throw fail(path, "expected a number, found \(v.typeName)") }
    guard d.isFinite, d > 0, d < 1 else { throw fail(path, "ami \(describe(v)) outside (0, 1)") }
    return d
  }

  func list<T>(_ v: JSONValue, _ path: String, _ element: (JSONValue, String) throws(TaskSimulatorError) -> T)
    throws(TaskSimulatorError) -> [T]
  {
    guard case .array(let a) = v else { throw fail(path, "expected a list, found \(v.typeName)") }
    guard !a.isEmpty else { throw fail(path, "list is empty") }
    var out: [T] = []
    for (k, item) in a.enumerated() { out.append(try element(item, "\(path)[\(k)]")) }
    return out
  }

  func describe(_ v: JSONValue) -> String {
    switch v {
    case .integer(let i): return "\(i)"
    case .number(let d): return "\(d)"
    case .string(let s): return "'\(s)'"
    default: return v.typeName
    }
  }

  mutating func config(_ root: JSONValue, baseDirectory: URL?, defaultName: String) throws(TaskSimulatorError)
    -> GridConfig
  {
    let top = try object(root, "", keys: GridConfig.topKeys)
    var name = defaultName
    if let v = top["name"] {
      guard case .string(let s) = v else { throw fail("name", "expected a string, found \(v.typeName)") }
      name = s
    }
    var description: String? = nil
    if let v = top["description"] {
      guard case .string(let s) = v else { throw fail("description", "expected a string, found \(v.typeName)") }
      description = s
    }
    var seed: UInt64 = 1
    if let v = top["seed"] {
      guard let i = v.intValue, i >= 0 else {
        throw fail("seed", "expected a non-negative integer, found \(describe(v))")
      }
      seed = UInt64(i)
    }
    let repetitions =
      try top["repetitions"].map { (v: JSONValue) throws(TaskSimulatorError) in try positiveInt(v, "repetitions") } ?? 1
    var inputs = TaskInputs.disjoint
    if let v = top["inputs"] {
      guard case .string(let s) = v, let mode = TaskInputs(rawValue: s) else {
        throw fail("inputs", "expected \"disjoint\" or \"shared\", found \(describe(v))")
      }
      inputs = mode
    }
    let corpus = try corpusSource(top["corpus"], baseDirectory: baseDirectory)
    var points: [GridPoint] = []
    if let g = top["grid"] { points += try grid(g, repetitions: repetitions, inputs: inputs) }
    if let p = top["points"] {
      guard case .array(let items) = p else { throw fail("points", "expected a list, found \(p.typeName)") }
      for (k, item) in items.enumerated() {
        points.append(try point(item, "points[\(k)]", repetitions: repetitions, inputs: inputs))
      }
    }
    guard !points.isEmpty else { throw fail("", "no grid points (give \"grid\" or \"points\")") }
    let methods = try top["methods"].map { (v: JSONValue) throws(TaskSimulatorError) in try methodList(v) } ?? []
    if !methods.isEmpty {
      points = points.flatMap { p in
        methods.map { m in
          var q = p
          q.method = m
          return q
        }
      }
    }
    for k in points.indices { points[k].index = k }
    var config = GridConfig(
      name: name, description: description, seed: seed, corpus: corpus, points: points,
      training: top["training"], source: source)
    config.methods = methods
    return config
  }

  /// A non-empty list of distinct method names.
  func methodList(_ v: JSONValue) throws(TaskSimulatorError) -> [String] {
    let names = try list(v, "methods") { (x: JSONValue, p: String) throws(TaskSimulatorError) -> String in
      guard case .string(let s) = x, !s.isEmpty else { throw fail(p, "expected a method name, found \(describe(x))") }
      return s
    }
    guard Set(names).count == names.count else { throw fail("methods", "lists a method twice") }
    return names
  }

  func corpusSource(_ v: JSONValue?, baseDirectory: URL?) throws(TaskSimulatorError) -> CorpusSource {
    guard let v else { return .embedded }
    if case .string(let s) = v {
      guard s == "embedded" else {
        throw fail("corpus", "expected \"embedded\" or an object with train/dev/test paths, found '\(s)'")
      }
      return .embedded
    }
    let o = try object(v, "corpus", keys: GridConfig.corpusKeys)
    func path(_ key: String) throws(TaskSimulatorError) -> URL? {
      guard let p = o[key] else { return nil }
      guard case .string(let s) = p, !s.isEmpty else { throw fail("corpus.\(key)", "expected a file path") }
      if s.hasPrefix("/") { return URL(fileURLWithPath: s) }
      return (baseDirectory ?? URL(fileURLWithPath: ".")).appendingPathComponent(s)
    }
    guard let train = try path("train") else { throw fail("corpus", "missing key 'train'") }
    var tagColumn: Int? = nil
    if let t = o["tag_column"] {
      guard let i = t.intValue, i >= 1 else { throw fail("corpus.tag_column", "expected a 1-based column number") }
      tagColumn = i - 1
    }
    return .conll(train: train, dev: try path("dev"), test: try path("test"), tagColumn: tagColumn)
  }
}
