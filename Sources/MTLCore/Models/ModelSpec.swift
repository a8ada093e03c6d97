import Support

/// The model families (the `model` setting).
public enum ModelArchitecture: Sendable, Equatable, Hashable {
  /// Concatenated window embeddings → shared hidden layer(s) → per-task linear heads.
  case windowMLP
  /// The paper's LSTM_kFCs: BiLSTM over the window → k shared linear layers → per-task linear layers.
  case bilstm(sharedLayers: Int)
}

/// An unknown model name (the `model` setting).
public struct ModelSpecError: UserFacingError, Equatable, Sendable {
  public let problem: String
  public var setting: String? { "model" }
  public var origin: ErrorOrigin { .input }
  public var description: String { "model: \(problem)" }
}

/// A model configuration: architecture and sizes. Defaults are documented in docs/mtl-core.md.
public struct ModelSpec: Sendable, Equatable, Hashable {
  public var architecture: ModelArchitecture
  /// Tokens per window (2·3+1 in the paper).
  public var window: Int = 7
  /// Embedding width (64 for window-mlp, 300 for bilstm-kfc as in the paper).
  public var embeddingSize: Int
  /// LSTM hidden size per direction (300 in the paper); unused by window-mlp.
  public var lstmHiddenSize: Int = 300
  /// Shared layer widths after the encoder.
  public var sharedSizes: [Int]
  /// Per-task layer widths before the output layer (which has one unit per label).
  public var headSizes: [Int]
  /// Activation between dense layers: identity in the paper's models, relu for window-mlp.
  public var activation: Activation

  /// Names accepted by `init(name:)`.
  public static let names = ["window-mlp", "bilstm-0fc", "bilstm-1fc", "bilstm-2fc", "bilstm-3fc"]

  /// The default configuration for a model name (`window-mlp`, `bilstm-0fc` … `bilstm-3fc`).
  public init(name: String) throws(ModelSpecError) {
    guard let spec = ModelSpec.named(name) else {
      throw ModelSpecError(
        problem: "unknown model '\(name)' (expected one of \(ModelSpec.names.joined(separator: ", ")))")
    }
    self = spec
  }

  /// The default window-mlp: 7×64 trainable embeddings → 256 ReLU → per-task linear heads.
  public static let windowMLP = ModelSpec(
    architecture: .windowMLP, embeddingSize: 64, sharedSizes: [256], headSizes: [], activation: .relu)

  private init(
    architecture: ModelArchitecture, embeddingSize: Int, sharedSizes: [Int], headSizes: [Int], activation: Activation
  ) {
    self.architecture = architecture
    self.embeddingSize = embeddingSize
    self.sharedSizes = sharedSizes
    self.headSizes = headSizes
    self.activation = activation
  }

  /// The default configuration for a model name, or nil when unknown.
  public static func named(_ name: String) -> ModelSpec? {
    switch name {
    case "window-mlp":
      return windowMLP
    case "bilstm-0fc", "bilstm-1fc", "bilstm-2fc", "bilstm-3fc":
      let k = Int(String(name.dropFirst(7).prefix(1))) ?? 0
      let architecture = ModelArchitecture.bilstm(sharedLayers: k)
      // The authors' LSTM_kFCs: shared 600→256→128→64 truncated to k layers; heads continue to 64 then 5
      // (0FCs has its own 600→128→5 head).
      let chain = [256, 128, 64]
      return ModelSpec(
        architecture: architecture, embeddingSize: 300, sharedSizes: Array(chain.prefix(k)),
        headSizes: k == 0 ? [128] : Array(chain.dropFirst(k)), activation: .identity)
    default:
      return nil
    }
  }

  /// Adam learning rate used unless configured: torch's default 1e-3 for the paper's models, 3e-3 for window-mlp
  /// (reaches its best dev F1 in about half the epochs, with equal or better F1 on the embedded corpus).
  public var defaultLearningRate: Float {
    switch architecture {
    case .windowMLP: return 3e-3
    case .bilstm: return 1e-3
    }
  }

  /// The canonical name of the architecture.
  public var name: String {
    switch architecture {
    case .windowMLP: return "window-mlp"
    case .bilstm(let k): return "bilstm-\(k)fc"
    }
  }
}

extension ModelSpec {
  /// The window encoder of this architecture over fresh embeddings (trainable, or the frozen `pretrained` table):
  /// concatenated embeddings for window-mlp, the BiLSTM for bilstm-kfc. Draws its initial weights from `rng`.
  public func makeEncoder(
    vocabularySize: Int, maxBatch: Int, pretrained: [Float]?, rng: inout SeededGenerator
  ) -> any WindowEncoder {
    let embedding = Embedding(
      vocabularySize: vocabularySize, dimension: embeddingSize, window: window, maxBatch: maxBatch,
      pretrained: pretrained, rng: &rng)
    switch architecture {
    case .windowMLP: return ConcatenatedEmbeddingEncoder(embedding: embedding)
    case .bilstm: return BiLSTMEncoder(embedding: embedding, hiddenSize: lstmHiddenSize, rng: &rng)
    }
  }
}
