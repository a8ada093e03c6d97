import Support

/// Labelled token windows of one task: `window` token ids per example and one label id per example.
public struct LabeledWindows: Sendable, Equatable {
  /// Tokens per window.
  public var window: Int
  /// count×window token ids, row-major.
  public var tokenIDs: [Int32]
  /// count label ids.
  public var labels: [Int32]

  public init(window: Int, tokenIDs: [Int32], labels: [Int32]) {
    self.window = window
    self.tokenIDs = tokenIDs
    self.labels = labels
  }

  /// Number of examples (tokens).
  public var count: Int { labels.count }

  /// The first `limit` examples (all by default) in consecutive batches of at most `size`: `body(ids, labels, count)`
  /// with pointers valid during the call.
  public func forEachBatch(
    of size: Int, limit: Int = .max, _ body: (UnsafePointer<Int32>, UnsafePointer<Int32>, Int) -> Void
  ) {
    let n = Swift.min(limit, count)
    tokenIDs.withUnsafeBufferPointer { ids in
      labels.withUnsafeBufferPointer { labels in
        var start = 0
        while start < n {
          let b = Swift.min(size, n - start)
          body(ids.baseAddress! + start * window, labels.baseAddress! + start, b)
          start += b
        }
      }
    }
  }

  /// Windows of `width` tokens centred on every token of each sentence, padded with `padID` at sentence edges.
  public static func sentences(_ sentences: [[Int32]], labels: [[Int32]], width: Int = 7, padID: Int32)
    -> LabeledWindows
  {
    let half = width / 2
    var ids: [Int32] = []
    var flat: [Int32] = []
    let total = sentences.reduce(0) { $0 + $1.count }
    ids.reserveCapacity(total * width)
    flat.reserveCapacity(total)
    for (s, l) in zip(sentences, labels) {
      for i in s.indices {
        for j in (i - half)...(i + half) { ids.append(j >= 0 && j < s.count ? s[j] : padID) }
      }
      flat += l
    }
    return LabeledWindows(window: width, tokenIDs: ids, labels: flat)
  }

  /// Windows of `width` tokens centred on each position `range` of a flat token stream; positions outside the
  /// stream read `padID` (the paper pads only at the corpus start and end).
  public static func centred(
    stream: [Int32], labels: [Int32], range: Range<Int>, width: Int = 7, padID: Int32
  ) -> LabeledWindows {
    let half = width / 2
    var ids: [Int32] = []
    ids.reserveCapacity(range.count * width)
    for i in range {
      for j in (i - half)...(i + half) { ids.append(j >= 0 && j < stream.count ? stream[j] : padID) }
    }
    return LabeledWindows(window: width, tokenIDs: ids, labels: Array(labels[range]))
  }
}

/// A main-task evaluation set: windows plus the gold BIO tags the span F1 is computed against.
public struct EvaluationSet: Sendable, Equatable {
  public var windows: LabeledWindows
  /// Gold tags in BIO (e.g. "B-PER"), one per window.
  public var goldTags: [String]
  /// Lengths of the consecutive sentences (chunks never cross them); sums to the number of windows.
  public var sentenceLengths: [Int]

  /// `sentenceLengths` nil means one sequence.
  public init(windows: LabeledWindows, goldTags: [String], sentenceLengths: [Int]? = nil) {
    self.windows = windows
    self.goldTags = goldTags
    self.sentenceLengths = sentenceLengths ?? [goldTags.count]
  }
}

/// Everything one training run needs: training windows per task (task 0 is the main task), the label names of each
/// task (IO scheme; the main task's are entity types like "PER" plus "O"), and the main task's dev and test sets.
public struct TaskData: Sendable {
  public var vocabularySize: Int
  public var labelNames: [[String]]
  public var train: [LabeledWindows]
  public var dev: EvaluationSet
  public var test: EvaluationSet

  public init(
    vocabularySize: Int, labelNames: [[String]], train: [LabeledWindows], dev: EvaluationSet, test: EvaluationSet
  ) {
    self.vocabularySize = vocabularySize
    self.labelNames = labelNames
    self.train = train
    self.dev = dev
    self.test = test
  }

  /// Number of tasks.
  public var taskCount: Int { train.count }

  /// Checks ids, labels and sizes; throws a one-line `TaskDataError` naming the first problem.
  public func validate(window: Int) throws {
    if train.isEmpty { throw TaskDataError(message: "task data has no tasks") }
    if labelNames.count != train.count {
      throw TaskDataError(message: "task data has \(train.count) tasks but \(labelNames.count) label lists")
    }
    func check(_ w: LabeledWindows, _ what: String, classes: Int) throws {
      if w.window != window {
        throw TaskDataError(message: "\(what): window \(w.window), model expects \(window)")
      }
      if w.tokenIDs.count != w.count * w.window {
        throw TaskDataError(message: "\(what): \(w.tokenIDs.count) token ids for \(w.count) windows")
      }
      if let bad = w.tokenIDs.firstIndex(where: { $0 < 0 || Int($0) >= vocabularySize }) {
        throw TaskDataError(
          message: "\(what): token id \(w.tokenIDs[bad]) at \(bad) outside vocabulary of \(vocabularySize)")
      }
      if let bad = w.labels.firstIndex(where: { $0 < 0 || Int($0) >= classes }) {
        throw TaskDataError(message: "\(what): label id \(w.labels[bad]) at \(bad) outside 0..<\(classes)")
      }
    }
    for (t, w) in train.enumerated() {
      if w.count == 0 { throw TaskDataError(message: "task \(t) has no training tokens") }
      try check(w, "task \(t) train", classes: labelNames[t].count)
    }
    for (set, name) in [(dev, "dev"), (test, "test")] {
      try check(set.windows, "main \(name)", classes: labelNames[0].count)
      if set.goldTags.count != set.windows.count {
        throw TaskDataError(message: "main \(name): \(set.goldTags.count) gold tags for \(set.windows.count) windows")
      }
      if set.sentenceLengths.reduce(0, +) != set.windows.count {
        throw TaskDataError(message: "main \(name): sentence lengths do not add up to \(set.windows.count) windows")
      }
    }
  }
}

/// A problem in task data given to the trainer (data the grid runner builds: a failure while running).
public struct TaskDataError: UserFacingError, Equatable, Sendable {
  public let message: String
  public var origin: ErrorOrigin { .run }
  public var description: String { message }
}
