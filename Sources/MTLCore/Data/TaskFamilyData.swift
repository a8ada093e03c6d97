import TaskSimulator

extension TaskData {
  /// Training data for a simulated task family: windows within sentences (padded with `<none>` at sentence edges),
  /// task 0 = main task, then the auxiliary tasks; dev and test are the main task's.
  /// - Parameters:
  ///   - vocabulary: ids for the words; nil builds one from the family's training tokens (all tasks), so words
  ///     seen only in dev/test map to `<unk>`.
  ///   - devTokens: use only the first sentences of dev, about this many tokens (early stopping cost); nil = all.
  public init(family: TaskFamily, window: Int = 7, vocabulary: Vocabulary? = nil, devTokens: Int? = nil) {
    let vocab = vocabulary ?? Vocabulary(family.tasks.lazy.flatMap(\.train).flatMap(\.tokens))
    func windows(_ sentences: [TaskSentence]) -> LabeledWindows {
      .sentences(
        sentences.map { $0.tokens.map(vocab.id) }, labels: sentences.map { $0.labels.map { Int32($0) } },
        width: window, padID: Vocabulary.paddingID)
    }
    func evaluation(_ sentences: [TaskSentence]) -> EvaluationSet {
      EvaluationSet(
        windows: windows(sentences), goldTags: sentences.flatMap(\.goldTags),
        sentenceLengths: sentences.map(\.tokens.count))
    }
    var dev = family.dev
    if let devTokens {
      var kept = 0
      var count = 0
      for s in dev {
        if kept >= devTokens { break }
        kept += s.tokens.count
        count += 1
      }
      dev = Array(dev.prefix(count))
    }
    self.init(
      vocabularySize: vocab.count, labelNames: family.tasks.map(\.labelNames),
      train: family.tasks.map { windows($0.train) }, dev: evaluation(dev), test: evaluation(family.test))
  }
}
