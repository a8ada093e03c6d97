import Foundation
import MTLCore
import Support

/// A small synthetic NER-like corpus for training tests: Zipf-distributed "O" words, four entity types with their
/// own word lists and trigger words that precede an entity half of the time, entities of 1–2 tokens. Auxiliary
/// tasks are the paper's noisy channel over the IO labels (keep with probability alpha, else a uniform other label)
/// on disjoint slices of the stream, as in the paper.
struct ToyCorpus {
  static let types = ["PER", "ORG", "LOC", "MISC"]
  static let ioLabels = ["O"] + types
  static let padID: Int32 = 0
  static let oWords = 300, entityWords = 80, triggersPerType = 3
  static var vocabularySize: Int { 1 + oWords + types.count * (entityWords + triggersPerType) }

  var tokens: [Int32] = []
  var io: [Int32] = []
  var bio: [String] = []

  init(length: Int, seed: UInt64) {
    var rng = SeededGenerator(seed: seed)
    func zipf(_ n: Int) -> Int {
      // Inverse-CDF of p(k) ∝ 1/(k+1) approximated by a log-uniform draw.
      let u = rng.nextDouble()
      return min(n - 1, Int(pow(Double(n + 1), u)) - 1)
    }
    while tokens.count < length {
      if rng.nextDouble() < 0.13 {
        let type = rng.nextInt(below: 4)
        let base = 1 + ToyCorpus.oWords + type * (ToyCorpus.entityWords + ToyCorpus.triggersPerType)
        if rng.nextDouble() < 0.5 {
          tokens.append(Int32(base + ToyCorpus.entityWords + rng.nextInt(below: ToyCorpus.triggersPerType)))
          io.append(0)
          bio.append("O")
        }
        let length = rng.nextDouble() < 0.7 ? 1 : 2
        for i in 0..<length {
          tokens.append(Int32(base + zipf(ToyCorpus.entityWords)))
          io.append(Int32(type + 1))
          bio.append((i == 0 ? "B-" : "I-") + ToyCorpus.types[type])
        }
      } else {
        tokens.append(Int32(1 + zipf(ToyCorpus.oWords)))
        io.append(0)
        bio.append("O")
      }
    }
  }

  /// Task data with `tasks` tasks of `n` training tokens each; auxiliary tasks use channel `alpha`.
  static func taskData(tasks: Int, n: Int, alpha: Double, seed: UInt64, evaluationTokens: Int = 2000) -> TaskData {
    taskData(alphas: Array(repeating: alpha, count: tasks - 1), n: n, seed: seed, evaluationTokens: evaluationTokens)
  }

  /// Task data with one auxiliary task per channel value in `alphas` (1: a copy of the main task's labels; 1/5, the
  /// number of IO labels: labels independent of the main task's).
  static func taskData(alphas: [Double], n: Int, seed: UInt64, evaluationTokens: Int = 2000) -> TaskData {
    let tasks = alphas.count + 1
    let train = ToyCorpus(length: tasks * n + 10, seed: SeedDerivation.chained(seed, 1))
    let dev = ToyCorpus(length: evaluationTokens, seed: SeedDerivation.chained(seed, 2))
    let test = ToyCorpus(length: evaluationTokens, seed: SeedDerivation.chained(seed, 3))
    var rng = SeededGenerator(seed: SeedDerivation.chained(seed, 4))
    var windows: [LabeledWindows] = []
    for t in 0..<tasks {
      let range = (t * n)..<((t + 1) * n)
      var labels = train.io
      if t > 0 {
        for i in range where rng.nextDouble() >= alphas[t - 1] {
          let other = rng.nextInt(below: ioLabels.count - 1)
          labels[i] = Int32(other >= Int(labels[i]) ? other + 1 : other)
        }
      }
      windows.append(.centred(stream: train.tokens, labels: labels, range: range, padID: padID))
    }
    func evaluation(_ c: ToyCorpus) -> EvaluationSet {
      EvaluationSet(
        windows: .centred(stream: c.tokens, labels: c.io, range: 0..<c.tokens.count, padID: padID),
        goldTags: c.bio)
    }
    return TaskData(
      vocabularySize: vocabularySize, labelNames: Array(repeating: ioLabels, count: tasks), train: windows,
      dev: evaluation(dev), test: evaluation(test))
  }
}
