/// One row of the results table: a grid point with its repetitions aggregated (or one repetition, in the
/// per-repetition table). The paper's columns come first, then ours.
public struct GridResultRow: Sendable, Equatable {
  /// Columns of the results table.
  public static let columns = [
    "n_tasks", "n_tokens_per_task", "n_tokens_total", "mutual_info", "alpha", "fscore", "std_fscore",
    "readout_grad_cosine", "readout_method",
    "n_tokens_main", "n_tokens_aux", "method", "model", "reps", "precision", "recall", "stl_fscore", "benefit",
    "seconds", "seed", "point",
  ]
  /// Columns of the per-repetition table (`repetition` added).
  public static let repetitionColumns = columns + ["repetition"]

  public var taskCount: Int
  public var mainTokens: Int
  public var auxTokens: Int
  public var mutualInfo: Double
  /// Mean over the auxiliary tasks of the cosine between their and the main task's gradients on the shared
  /// parameters (``GradientCosine``); nil for T = 1.
  public var readoutGradCosine: Double? = nil
  /// Mean over the auxiliary tasks of the method's own relatedness readout (αVIL: final weight; graph methods:
  /// attention from the main task); nil for T = 1 and for methods without one.
  public var readoutMethod: Double? = nil
  public var alpha: Double
  public var fscore: Double
  public var stdFscore: Double
  public var method: String
  public var model: String
  public var repetitions: Int
  public var precision: Double
  public var recall: Double
  public var stlFscore: Double
  public var seconds: Double
  public var seed: UInt64
  public var point: Int
  /// Set in per-repetition rows (1-based).
  public var repetition: Int?

  /// Total training tokens, main plus auxiliary (`T·n` when balanced).
  public var totalTokens: Int { mainTokens + (taskCount - 1) * auxTokens }
  /// fscore − stl_fscore.
  public var benefit: Double { fscore - stlFscore }

  /// The CSV line (no newline). Numbers use Swift's shortest round-trip form, seconds 3 decimals.
  public var csvLine: String {
    var fields: [String] = [
      "\(taskCount)", "\(mainTokens)", "\(totalTokens)", number(mutualInfo), number(alpha), number(fscore),
      number(stdFscore), number(readoutGradCosine ?? .nan), number(readoutMethod ?? .nan), "\(mainTokens)",
      "\(taskCount > 1 ? auxTokens : 0)", method, model, "\(repetitions)",
      number(precision), number(recall), number(stlFscore), number(benefit),
      String(format3(seconds)), "\(seed)", "\(point)",
    ]
    if let repetition { fields.append("\(repetition)") }
    return fields.joined(separator: ",")
  }

  private func number(_ x: Double) -> String { x.isFinite ? "\(x)" : "" }
  private func format3(_ x: Double) -> String {
    let scaled = (x * 1000).rounded()
    let whole = Int(scaled) / 1000
    let frac = abs(Int(scaled) % 1000)
    let f = String(frac)
    return "\(whole)." + String(repeating: "0", count: 3 - f.count) + f
  }
}
