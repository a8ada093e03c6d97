import TaskSimulator

/// Entity-level precision, recall and F1 of the main task (fractions in [0, 1]), from conlleval-exact `SpanF1`.
public struct SpanScore: Sendable, Equatable {
  public var precision: Double
  public var recall: Double
  public var fscore: Double

  public init(precision: Double, recall: Double, fscore: Double) {
    self.precision = precision
    self.recall = recall
    self.fscore = fscore
  }

  /// Scores predicted IO tags against gold BIO tags sentence by sentence: predictions are turned into BIO as
  /// in the paper (a run of one type = one entity), then counted with conlleval's chunk rules.
  public init(goldBIO: [String], predictedIO: [String], sentenceLengths: [Int]) {
    var gold: [[String]] = []
    var predicted: [[String]] = []
    var start = 0
    for length in sentenceLengths {
      let end = min(start + length, goldBIO.count)
      gold.append(Array(goldBIO[start..<end]))
      predicted.append(LabelScheme.convert(Array(predictedIO[start..<end]), from: .io, to: .bio))
      start = end
    }
    let s = SpanF1.score(gold: gold, predicted: predicted)
    self.init(precision: s.precision, recall: s.recall, fscore: s.f1)
  }
}
