import Foundation
import Support

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
  /// T × sizes × relatedness, so T = 1 points repeat once per α or AMI value (they ignore it). With a `"methods"`
  /// list every point is repeated once per method, methods innermost.
  public var points: [GridPoint]
  /// The `"methods"` list (names checked by the trainer), empty when the config has none.
  public var methods: [String] = []
  /// The `"training"` object, untouched.
  public var training: JSONValue?
  /// Where the config was read from (for messages).
  public var source: String

  static let topKeys: Set<String> = [
    "name", "description", "corpus", "seed", "repetitions", "inputs", "grid", "points", "methods", "training",
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
    var reader = GridConfigReader(source: source)
    return try reader.config(root, baseDirectory: baseDirectory, defaultName: defaultName)
  }
}
