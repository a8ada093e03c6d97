import Foundation

/// The `manifest.json` written beside a family's task files.
public struct TaskManifest: Codable, Sendable, Equatable {
  /// One task's entry.
  public struct Task: Codable, Sendable, Equatable {
    /// "main" or "auxK".
    public var name: String
    /// Training tokens.
    public var tokens: Int
    /// Channel α (1 for main).
    public var alpha: Double
    /// Measured AMI against the main task over this task's training tokens (1 for main).
    public var ami: Double
    /// Label names, index = id.
    public var labels: [String]
    /// Files of this task by split ("train", "dev", "test").
    public var files: [String: String]
  }

  /// Always "mtlformulas.tasks/1".
  public var schema: String = "mtlformulas.tasks/1"
  /// Name of the config the family came from.
  public var config: String
  /// Index of the grid point.
  public var point: Int
  /// 1-based repetition.
  public var repetition: Int
  /// T (tasks including main).
  public var n_tasks: Int
  /// Main-task training tokens.
  public var n_tokens_main: Int
  /// Auxiliary training tokens per task.
  public var n_tokens_aux: Int
  /// "disjoint" or "shared".
  public var inputs: String
  /// Mean auxiliary α (1 for T = 1).
  public var alpha: Double
  /// Mean auxiliary AMI (1 for T = 1).
  public var mutual_info: Double
  /// Target AMI of the grid point, if configured.
  public var target_ami: Double?
  /// The family's seed.
  public var seed: UInt64
  /// Corpus name.
  public var corpus: String
  /// Tasks, main first.
  public var tasks: [Task]

  /// Reads a manifest.
  public static func read(contentsOf url: URL) throws(TaskSimulatorError) -> TaskManifest {
    do {
      return try JSONDecoder().decode(TaskManifest.self, from: Data(contentsOf: url))
    } catch {
      throw TaskSimulatorError("\(url.path): not a task manifest (\(error.localizedDescription))")
    }
  }
}
