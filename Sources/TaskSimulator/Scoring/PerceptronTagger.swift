import Support

/// A greedy averaged-perceptron tagger over window features: the simulator's built-in baseline, used to
/// check that the corpus is learnable but not trivially so (F1 should rise with the number of training tokens).
///
/// Trains and predicts in the IO scheme; `evaluate` converts predictions IO → BIO and scores them with `SpanF1`.
/// Features: the word, its lower-case form, 3-letter suffix, shape, position, the lower-cased words at offsets
/// −2…+2 and the previous predicted label.
public struct PerceptronTagger: Sendable {
  /// IO label names; index 0 is `O`.
  public let labels: [String]
  private var featureIds: [String: Int]
  private var weights: [Double]  // feature × label
  private var transitions: [Double]  // previous label × label

  /// Trains on sentences (tags in IO or BIO) for `epochs` passes in seeded shuffled order.
  public init(training sentences: [LabeledSentence], labels: [String], epochs: Int = 5, seed: UInt64 = 1) {
    self.labels = labels.isEmpty ? [LabelScheme.outside] : labels
    let k = self.labels.count
    var index: [String: Int] = [:]
    for (i, l) in self.labels.enumerated() { index[l] = i }
    var ids: [String: Int] = [:]
    let encoded: [(features: [[Int]], gold: [Int])] = sentences.map { s in
      let feats = PerceptronTagger.features(s.tokens).map { fs in
        fs.map { f -> Int in
          if let id = ids[f] { return id }
          let id = ids.count
          ids[f] = id
          return id
        }
      }
      let gold = s.tags.map { tag in LabelScheme.entityType(tag).flatMap { index[$0] } ?? 0 }
      return (feats, gold)
    }
    featureIds = ids
    var w = [Double](repeating: 0, count: ids.count * k)
    var wSum = w
    var wStamp = [Int](repeating: 0, count: w.count)
    var t = [Double](repeating: 0, count: k * k)
    var tSum = t
    var tStamp = [Int](repeating: 0, count: t.count)
    var clock = 1
    var order = Array(encoded.indices)
    var rng = SeededGenerator(seed: seed)
    var scores = [Double](repeating: 0, count: k)
    for _ in 0..<max(1, epochs) {
      rng.shuffle(&order)
      for sIndex in order {
        let (feats, gold) = encoded[sIndex]
        var prev = 0
        for i in 0..<gold.count {
          for c in 0..<k { scores[c] = t[prev * k + c] }
          for f in feats[i] { for c in 0..<k { scores[c] += w[f * k + c] } }
          var guess = 0
          for c in 1..<k where scores[c] > scores[guess] { guess = c }
          let truth = gold[i]
          if guess != truth {
            for f in feats[i] {
              for (c, delta) in [(truth, 1.0), (guess, -1.0)] {
                let idx = f * k + c
                wSum[idx] += Double(clock - wStamp[idx]) * w[idx]
                wStamp[idx] = clock
                w[idx] += delta
              }
            }
            for (c, delta) in [(truth, 1.0), (guess, -1.0)] {
              let idx = prev * k + c
              tSum[idx] += Double(clock - tStamp[idx]) * t[idx]
              tStamp[idx] = clock
              t[idx] += delta
            }
          }
          clock += 1
          prev = truth  // teacher forcing on the previous label
        }
      }
    }
    for idx in w.indices { w[idx] = (wSum[idx] + Double(clock - wStamp[idx]) * w[idx]) / Double(clock) }
    for idx in t.indices { t[idx] = (tSum[idx] + Double(clock - tStamp[idx]) * t[idx]) / Double(clock) }
    weights = w
    transitions = t
  }

  /// Predicts IO tags for one sentence, greedily left to right.
  public func predict(_ tokens: [String]) -> [String] {
    let k = labels.count
    var prev = 0
    var scores = [Double](repeating: 0, count: k)
    var out: [String] = []
    out.reserveCapacity(tokens.count)
    for fs in PerceptronTagger.features(tokens) {
      for c in 0..<k { scores[c] = transitions[prev * k + c] }
      for f in fs { if let id = featureIds[f] { for c in 0..<k { scores[c] += weights[id * k + c] } } }
      var guess = 0
      for c in 1..<k where scores[c] > scores[guess] { guess = c }
      out.append(labels[guess])
      prev = guess
    }
    return out
  }

  /// Entity-level scores of the IO predictions (converted to BIO) against the sentences' gold tags.
  public func evaluate(_ sentences: [LabeledSentence]) -> SpanF1 {
    SpanF1.score(gold: sentences.map(\.tags), predictedIO: sentences.map { predict($0.tokens) })
  }

  static func shape(_ w: String) -> String {
    var out = ""
    var last: Character = " "
    for ch in w {
      let c: Character = ch.isUppercase ? "X" : ch.isLowercase ? "x" : ch.isNumber ? "d" : ch
      if c != last {
        out.append(c)
        last = c
      }
    }
    return out
  }

  static func features(_ tokens: [String]) -> [[String]] {
    let lower = tokens.map { $0.lowercased() }
    func at(_ i: Int) -> String { i < 0 ? "<s>" : i >= tokens.count ? "</s>" : lower[i] }
    return tokens.indices.map { i in
      let w = tokens[i]
      let sh = shape(w)
      return [
        "b", "w=" + w, "l=" + lower[i], "s3=" + String(lower[i].suffix(3)), "sh=" + sh,
        "pos=" + (i == 0 ? "first" : "rest") + sh, "p1=" + at(i - 1), "n1=" + at(i + 1),
        "p2=" + at(i - 2), "n2=" + at(i + 2), "p1w=" + at(i - 1) + "|" + lower[i],
      ]
    }
  }
}
