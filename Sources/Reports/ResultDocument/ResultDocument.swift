import Support

/// The one result layout shared by every `fit-formulas` mode (schema `mtlformulas.result/1`, see docs/architecture.md).
public struct ResultDocument: Sendable, Equatable {
  public static let schema = "mtlformulas.result/1"

  public var run: RunInfo
  public var target: String
  public var features: [String]
  public var rows: Int
  public var groups: Int?
  public var split: SplitInfo?
  /// Index into `front` of the selected formula.
  public var selected: Int
  public var front: [FormulaEntry]
  /// Additional top-level sections (report analyses); printed after `front`.
  public var extra: [(String, JSONValue)]

  public init(
    run: RunInfo, target: String, features: [String], rows: Int, groups: Int?, split: SplitInfo?,
    selected: Int, front: [FormulaEntry], extra: [(String, JSONValue)] = []
  ) {
    self.run = run
    self.target = target
    self.features = features
    self.rows = rows
    self.groups = groups
    self.split = split
    self.selected = selected
    self.front = front
    self.extra = extra
  }

  public static func == (lhs: ResultDocument, rhs: ResultDocument) -> Bool {
    lhs.json == rhs.json
  }

  public var json: JSONValue {
    var pairs: [(String, JSONValue)] = [
      ("schema", .string(Self.schema)),
      ("run", run.json),
      ("target", .string(target)),
      ("features", .array(features.map { .string($0) })),
      ("rows", .integer(rows)),
      ("groups", groups.map { .integer($0) } ?? .null),
      ("split", split?.json ?? .null),
      ("selected", .integer(selected)),
      ("front", .array(front.map(\.json))),
    ]
    pairs.append(contentsOf: extra)
    return .object(pairs)
  }

  /// The document with its `run` block removed: what "identical results" compares.
  public var jsonWithoutRun: JSONValue {
    guard case .object(let pairs) = json else { return json }
    return .object(pairs.filter { $0.0 != "run" })
  }

  /// Reads a document written by `json` (unknown fields are ignored; later fields are optional).
  public init(json: JSONValue, source: String) throws {
    func fail(_ what: String) -> ResultDocumentError { ResultDocumentError(description: "\(source): \(what)") }
    guard json["schema"]?.stringValue == Self.schema else {
      throw fail("not a result document (expected \"schema\": \"\(Self.schema)\")")
    }
    guard let target = json["target"]?.stringValue else { throw fail("missing 'target'") }
    guard let features = json["features"]?.arrayValue?.compactMap(\.stringValue) else {
      throw fail("missing 'features'")
    }
    guard let frontValues = json["front"]?.arrayValue, !frontValues.isEmpty else {
      throw fail("missing or empty 'front'")
    }
    let front = try frontValues.enumerated().map { try FormulaEntry(json: $1, context: "\(source): front[\($0)]") }
    let selected = json["selected"]?.intValue ?? 0
    guard front.indices.contains(selected) else { throw fail("'selected' \(selected) is not an index of 'front'") }
    self.init(
      run: RunInfo(json: json["run"] ?? .null), target: target, features: features,
      rows: json["rows"]?.intValue ?? 0, groups: json["groups"]?.intValue,
      split: json["split"].flatMap(SplitInfo.init(json:)), selected: selected, front: front)
  }

  /// Pretty JSON text of the document.
  public func text() -> String { json.prettyPrinted() }
}

/// A result document could not be read.
public struct ResultDocumentError: UserFacingError {
  public var origin: ErrorOrigin { .input }
  public let description: String
}

/// The `run` block: what reproduces a result (not compared between runs).
public struct RunInfo: Sendable, Equatable {
  public var version: String
  public var commit: String?
  public var command: String
  public var seed: UInt64?
  public var threads: Int?
  public var seconds: Double?
  public var evaluations: Int?
  public var inputSHA256: String?

  public init(
    version: String, commit: String?, command: String, seed: UInt64?, threads: Int?,
    seconds: Double?, evaluations: Int?, inputSHA256: String?
  ) {
    self.version = version
    self.commit = commit
    self.command = command
    self.seed = seed
    self.threads = threads
    self.seconds = seconds
    self.evaluations = evaluations
    self.inputSHA256 = inputSHA256
  }

  init(json: JSONValue) {
    version = json["version"]?.stringValue ?? ""
    commit = json["commit"]?.stringValue
    command = json["command"]?.stringValue ?? ""
    seed = json["seed"]?.intValue.map { UInt64(clamping: $0) }
    threads = json["threads"]?.intValue
    seconds = json["seconds"]?.doubleValue
    evaluations = json["evaluations"]?.intValue
    inputSHA256 = json["input_sha256"]?.stringValue
  }

  public var json: JSONValue {
    .object([
      ("version", .string(version)),
      ("commit", .string(commit)),
      ("command", .string(command)),
      ("seed", seed.map { .integer(Int(truncatingIfNeeded: $0)) } ?? .null),
      ("threads", threads.map { .integer($0) } ?? .null),
      ("seconds", .number(seconds)),
      ("evaluations", evaluations.map { .integer($0) } ?? .null),
      ("input_sha256", .string(inputSHA256)),
    ])
  }
}

/// How rows were split into train, validation and test parts.
public struct SplitInfo: Sendable, Equatable {
  public var testFraction: Double?
  public var validationFraction: Double?
  public var grouped: Bool
  public var seed: UInt64?
  /// Rows the front's constants were fitted on: "train", "train+validation" (a search) or "all" (a report); nil when not recorded.
  public var fitRows: String?

  public init(testFraction: Double?, validationFraction: Double?, grouped: Bool, seed: UInt64?, fitRows: String? = nil)
  {
    self.testFraction = testFraction
    self.validationFraction = validationFraction
    self.grouped = grouped
    self.seed = seed
    self.fitRows = fitRows
  }

  init?(json: JSONValue) {
    guard case .object = json else { return nil }
    testFraction = json["test_fraction"]?.doubleValue
    validationFraction = json["validation_fraction"]?.doubleValue
    grouped = json["grouped"]?.boolValue ?? false
    seed = json["seed"]?.intValue.map { UInt64(clamping: $0) }
    fitRows = json["fit_rows"]?.stringValue
  }

  public var json: JSONValue {
    .object(
      [
        ("test_fraction", .number(testFraction)),
        ("validation_fraction", .number(validationFraction)),
        ("grouped", .bool(grouped)),
        ("seed", seed.map { .integer(Int(truncatingIfNeeded: $0)) } ?? .null),
      ] + (fitRows.map { [("fit_rows", JSONValue.string($0))] } ?? []))
  }
}
