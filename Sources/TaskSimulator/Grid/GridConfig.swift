import Foundation
import Support

/// One point of a simulation grid: T, tokens per task, and the relatedness of the auxiliary tasks.
public struct GridPoint: Sendable, Equatable {
  /// Position in the expanded grid (0-based).
  public var index: Int
  /// T: number of tasks including the main task.
  public var taskCount: Int
  /// Training tokens of the main task.
  public var mainTokens: Int
  /// Training tokens of each auxiliary task.
  public var auxTokens: Int
  /// A single α for every auxiliary task, when configured so (T = 1 points keep it only as a label).
  public var alpha: Double?
  /// One α per auxiliary task, when configured as a list.
  public var alphas: [Double]?
  /// A target AMI, turned into α by calibration, when configured so.
  public var ami: Double?
  /// Repetitions (different seeds) of this point.
  public var repetitions: Int
  /// Disjoint or shared auxiliary inputs.
  public var inputs: TaskInputs

  /// A short folder-friendly name, e.g. `T4-n1000-1000-ami0.4`.
  public var name: String {
    var s = "T\(taskCount)-n\(mainTokens)-\(auxTokens)"
    if let ami {
      s += "-ami\(GridPoint.short(ami))"
    } else if let alpha {
      s += "-alpha\(GridPoint.short(alpha))"
    } else if let alphas {
      s += "-alphas" + alphas.map(GridPoint.short).joined(separator: "_")
    }
    return s
  }

  static func short(_ x: Double) -> String {
    var s = String(format: "%.6f", x)
    while s.hasSuffix("0") { s.removeLast() }
    if s.hasSuffix(".") { s.removeLast() }
    return s
  }

  /// The family specification of one repetition (1-based). AMI targets are calibrated on the corpus's IO label
  /// distribution over its whole training stream (so an AMI value maps to one α, as in the paper).
  /// The seed is derived from the config seed, the point's parameters and the repetition (not its index).
  /// `calibrated` may hold precomputed α for AMI targets (see `GridConfig.calibratedAlphas(corpus:)`).
  public func familySpec(repetition: Int, seed: UInt64, corpus: Corpus, calibrated: [Double: Double] = [:])
    throws(TaskSimulatorError) -> TaskFamilySpec
  {
    let aux = taskCount - 1
    var resolved: [Double]
    if aux == 0 {
      resolved = []
    } else if let alphas {
      resolved = alphas
    } else if let alpha {
      resolved = Array(repeating: alpha, count: aux)
    } else if let ami, let a = calibrated[ami] {
      resolved = Array(repeating: a, count: aux)
    } else if let ami {
      let a = try Calibration.alpha(
        forAMI: ami, labelDistribution: corpus.ioLabelDistribution(),
        tokens: corpus.trainTokenCount)
      resolved = Array(repeating: a, count: aux)
    } else {
      throw TaskSimulatorError("point \(index): needs alpha, alphas or ami for T = \(taskCount)")
    }
    var relatedness: UInt64 = 0
    for a in resolved { relatedness = SplitMix64.mix(relatedness ^ a.bitPattern) }
    let derived = SeedDerivation.keyed(
      seed, UInt64(taskCount), UInt64(mainTokens), UInt64(auxTokens), relatedness,
      inputs == .shared ? 1 : 0, UInt64(repetition))
    return TaskFamilySpec(
      taskCount: taskCount, mainTokens: mainTokens, auxTokens: auxTokens, alphas: resolved,
      inputs: inputs, seed: derived)
  }
}

/// Where a grid's corpus comes from.
public enum CorpusSource: Sendable, Equatable {
  /// The embedded synthetic corpus (default).
  case embedded
  /// CoNLL files (paths resolved against the config's folder); tag column 0-based, nil = last.
  case conll(train: URL, dev: URL?, test: URL?, tagColumn: Int?)

  /// Loads the corpus.
  public func load() throws(TaskSimulatorError) -> Corpus {
    switch self {
    case .embedded: return SyntheticCorpus.standard
    case .conll(let train, let dev, let test, let tagColumn):
      return try CoNLLReader.corpus(train: train, dev: dev, test: test, tagColumn: tagColumn)
    }
  }
}

/// A simulation grid read from a JSON config (schema in docs/simulator.md).
///
/// Validation errors are one line: the file, the key path and the problem (unknown key, wrong type,
/// T·n larger than the corpus, α outside [1/K, 1], AMI outside (0, 1), …). The optional `"training"` object
/// is not checked here and is kept as raw JSON for the trainer.
public struct GridConfig: Sendable, Equatable {
  /// The config's name (default: file name without extension).
  public var name: String
  /// Free text.
  public var description: String?
  /// Base seed (default 1).
  public var seed: UInt64
  /// The corpus.
  public var corpus: CorpusSource
  /// All grid points, in order (product grid first, then explicit points). A product grid is the full product
  /// T × sizes × relatedness, so T = 1 points repeat once per α or AMI value (they ignore it).
  public var points: [GridPoint]
  /// The `"training"` object, untouched.
  public var training: JSONValue?
  /// Where the config was read from (for messages).
  public var source: String

  static let topKeys: Set<String> = [
    "name", "description", "corpus", "seed", "repetitions", "inputs", "grid", "points", "training",
  ]
  static let gridKeys: Set<String> = ["tasks", "tokens", "main_tokens", "aux_tokens", "alpha", "ami"]
  static let pointKeys: Set<String> = [
    "tasks", "tokens", "main_tokens", "aux_tokens", "alpha", "alphas", "ami", "repetitions",
  ]
  static let corpusKeys: Set<String> = ["train", "dev", "test", "tag_column"]

  /// Reads and validates a config file (without the corpus-dependent checks; see `validate(against:)`).
  public static func load(contentsOf url: URL) throws(TaskSimulatorError) -> GridConfig {
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw TaskSimulatorError("\(url.path): cannot read config (\(error.localizedDescription))")
    }
    return try parse(
      data, source: url.path, baseDirectory: url.deletingLastPathComponent(),
      defaultName: url.deletingPathExtension().lastPathComponent)
  }

  /// Parses and validates config JSON. Relative corpus paths are resolved against `baseDirectory`.
  public static func parse(
    _ data: Data, source: String = "<config>", baseDirectory: URL? = nil,
    defaultName: String = "grid"
  ) throws(TaskSimulatorError) -> GridConfig {
    let root: JSONValue
    do {
      root = try JSONValue(parsing: String(decoding: data, as: UTF8.self), source: source)
    } catch {
      throw TaskSimulatorError("\(error)")
    }
    var reader = Reader(source: source)
    return try reader.config(root, baseDirectory: baseDirectory, defaultName: defaultName)
  }

  /// Checks the corpus-dependent rules: α ≥ 1/K and the tokens every point needs ≤ the corpus's training tokens.
  public func validate(against corpus: Corpus) throws(TaskSimulatorError) {
    let k = corpus.ioLabels.count
    let lower = 1 / Double(k)
    let available = corpus.trainTokenCount
    for p in points {
      let where_ = "\(source): point \(p.index) (\(p.name))"
      for a in (p.alphas ?? []) + (p.alpha.map { [$0] } ?? []) where p.taskCount > 1 && a < lower - 1e-12 {
        throw TaskSimulatorError("\(where_): alpha \(a) outside [1/K, 1] = [\(GridPoint.short(lower)), 1] (K = \(k))")
      }
      let needed = TaskFamilySpec(
        taskCount: p.taskCount, mainTokens: p.mainTokens, auxTokens: p.auxTokens, alphas: [],
        inputs: p.inputs, seed: 0
      ).requiredTokens
      if needed > available {
        throw TaskSimulatorError(
          "\(where_): needs \(needed) training tokens (T·n) but corpus '\(corpus.name)' has \(available)")
      }
    }
  }

  /// The calibrated α of every distinct AMI target in the grid, computed once.
  public func calibratedAlphas(corpus: Corpus) throws(TaskSimulatorError) -> [Double: Double] {
    let distribution = corpus.ioLabelDistribution()
    var out: [Double: Double] = [:]
    for p in points where p.taskCount > 1 {
      if let ami = p.ami, out[ami] == nil {
        out[ami] = try Calibration.alpha(forAMI: ami, labelDistribution: distribution, tokens: corpus.trainTokenCount)
      }
    }
    return out
  }
}

/// Walks the parsed JSON and builds a `GridConfig`, throwing one-line errors with the key path.
private struct Reader {
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
    for k in points.indices { points[k].index = k }
    return GridConfig(
      name: name, description: description, seed: seed, corpus: corpus, points: points,
      training: top["training"], source: source)
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

  func tokens(_ o: [String: JSONValue], _ path: String, listed: Bool) throws(TaskSimulatorError) -> (
    main: [Int], aux: [Int]
  ) {
    func values(_ key: String) throws(TaskSimulatorError) -> [Int]? {
      guard let v = o[key] else { return nil }
      if listed {
        return try list(v, "\(path).\(key)") { (x: JSONValue, p: String) throws(TaskSimulatorError) in
          try positiveInt(x, p)
        }
      }
      return [try positiveInt(v, "\(path).\(key)")]
    }
    let balanced = try values("tokens")
    let main = try values("main_tokens")
    let aux = try values("aux_tokens")
    if let balanced {
      guard main == nil && aux == nil else {
        throw fail(path, "give either 'tokens' or 'main_tokens' and 'aux_tokens', not both")
      }
      return (balanced, [])
    }
    guard let main, let aux else { throw fail(path, "missing key 'tokens' (or 'main_tokens' and 'aux_tokens')") }
    return (main, aux)
  }

  func grid(_ v: JSONValue, repetitions: Int, inputs: TaskInputs) throws(TaskSimulatorError) -> [GridPoint] {
    let o = try object(v, "grid", keys: GridConfig.gridKeys)
    guard let t = o["tasks"] else { throw fail("grid", "missing key 'tasks'") }
    let tasks = try list(t, "grid.tasks") { (x: JSONValue, p: String) throws(TaskSimulatorError) in
      try positiveInt(x, p)
    }
    let (main, aux) = try tokens(o, "grid", listed: true)
    let sizes: [(Int, Int)] = aux.isEmpty ? main.map { ($0, $0) } : main.flatMap { m in aux.map { (m, $0) } }
    let alphas = try o["alpha"].map { (x: JSONValue) throws(TaskSimulatorError) in
      try list(x, "grid.alpha") { (y: JSONValue, p: String) throws(TaskSimulatorError) in try alpha(y, p) }
    }
    let amis = try o["ami"].map { (x: JSONValue) throws(TaskSimulatorError) in
      try list(x, "grid.ami") { (y: JSONValue, p: String) throws(TaskSimulatorError) in try ami(y, p) }
    }
    if alphas != nil && amis != nil { throw fail("grid", "give either 'alpha' or 'ami', not both") }
    if alphas == nil && amis == nil && tasks.contains(where: { $0 > 1 }) {
      throw fail("grid", "missing key 'alpha' or 'ami' (needed for T > 1)")
    }
    var points: [GridPoint] = []
    for taskCount in tasks {
      for (m, a) in sizes {
        if taskCount == 1 && alphas == nil && amis == nil {
          points.append(
            GridPoint(
              index: 0, taskCount: 1, mainTokens: m, auxTokens: a, alpha: nil, alphas: nil, ami: nil,
              repetitions: repetitions, inputs: inputs))
          continue
        }
        for x in alphas ?? [] {
          points.append(
            GridPoint(
              index: 0, taskCount: taskCount, mainTokens: m, auxTokens: a, alpha: x, alphas: nil,
              ami: nil, repetitions: repetitions, inputs: inputs))
        }
        for x in amis ?? [] {
          points.append(
            GridPoint(
              index: 0, taskCount: taskCount, mainTokens: m, auxTokens: a, alpha: nil, alphas: nil,
              ami: x, repetitions: repetitions, inputs: inputs))
        }
      }
    }
    return points
  }

  func point(_ v: JSONValue, _ path: String, repetitions: Int, inputs: TaskInputs) throws(TaskSimulatorError)
    -> GridPoint
  {
    let o = try object(v, path, keys: GridConfig.pointKeys)
    guard let t = o["tasks"] else { throw fail(path, "missing key 'tasks'") }
    let taskCount = try positiveInt(t, "\(path).tasks")
    let (main, aux) = try tokens(o, path, listed: false)
    let a = try o["alpha"].map { (x: JSONValue) throws(TaskSimulatorError) in try alpha(x, "\(path).alpha") }
    let list_ = try o["alphas"].map { (x: JSONValue) throws(TaskSimulatorError) in
      try list(x, "\(path).alphas") { (y: JSONValue, p: String) throws(TaskSimulatorError) in try alpha(y, p) }
    }
    let target = try o["ami"].map { (x: JSONValue) throws(TaskSimulatorError) in try ami(x, "\(path).ami") }
    let given = [a != nil, list_ != nil, target != nil].filter { $0 }.count
    if given > 1 { throw fail(path, "give only one of 'alpha', 'alphas', 'ami'") }
    if given == 0 && taskCount > 1 { throw fail(path, "missing key 'alpha', 'alphas' or 'ami' (needed for T > 1)") }
    if let list_, list_.count != taskCount - 1 {
      throw fail("\(path).alphas", "expected \(taskCount - 1) values (one per auxiliary task), found \(list_.count)")
    }
    let reps =
      try o["repetitions"].map { (x: JSONValue) throws(TaskSimulatorError) in try positiveInt(x, "\(path).repetitions")
      } ?? repetitions
    return GridPoint(
      index: 0, taskCount: taskCount, mainTokens: main[0], auxTokens: aux.first ?? main[0], alpha: a,
      alphas: list_, ami: target, repetitions: reps, inputs: inputs)
  }
}
