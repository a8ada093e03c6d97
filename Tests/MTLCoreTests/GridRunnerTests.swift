import Foundation
import MTLCore
import Support
import TaskSimulator
import TestSupport
import Testing

/// The grid runner on a small generated corpus with a tiny, fixed-epoch model.
@Suite struct GridRunnerTests {
  static let corpus = SyntheticCorpus.generate(
    SyntheticCorpus.Specification(seed: 5, trainTokens: 4000, devTokens: 600, testTokens: 600))

  static let configText = """
    {"name": "tiny", "seed": 3, "repetitions": 2,
     "grid": {"tasks": [2, 3], "tokens": [300], "alpha": [1.0, 0.2]},
     "points": [{"tasks": 1, "tokens": 300}, {"tasks": 2, "tokens": 600, "alpha": 0.9}],
     "training": {"model": "window-mlp", "epochs": 2, "patience": null, "dev_tokens": 300,
                  "embedding_size": 8, "hidden_sizes": [16]}}
    """

  static func runner(threads: Int) throws -> GridRunner {
    let grid = try GridConfig.parse(Data(configText.utf8), source: "tiny.json")
    return GridRunner(
      grid: grid, training: try TrainingConfig(json: grid.training, source: "tiny.json"), threads: threads)
  }

  /// The table without the `seconds` column (the only column that depends on the machine's speed).
  static func table(_ url: URL) throws -> [[String]] {
    let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map {
      $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
    let drop = GridResultRow.columns.firstIndex(of: "seconds")!
    return lines.map { row in row.enumerated().filter { $0.offset != drop }.map(\.element) }
  }

  @Test func writesOneRowPerPointWithBaselineAndBenefit() throws {
    let folder = try TemporaryDirectory("mtlcore-grid")
    defer { folder.remove() }
    let dir = folder.url
    let out = dir.appendingPathComponent("results.csv")
    let reps = dir.appendingPathComponent("reps.csv")
    let rows = try Self.runner(threads: 1).run(corpus: Self.corpus, output: out, repetitionsOutput: reps)
    #expect(rows.count == 6)
    let table = try Self.table(out)
    #expect(table.count == 7)
    #expect(
      try String(contentsOf: out, encoding: .utf8).hasPrefix(
        "n_tasks,n_tokens_per_task,n_tokens_total,mutual_info,alpha,fscore,std_fscore,readout_grad_cosine,readout_method,n_tokens_main,n_tokens_aux,method,model,reps,precision,recall,stl_fscore,benefit,seconds,seed,point\n"
      ))
    for row in rows {
      #expect(abs(row.benefit - (row.fscore - row.stlFscore)) < 1e-12)
      #expect(row.repetitions == 2 && row.model == "window-mlp" && row.seed == 3)
      #expect(row.totalTokens == row.mainTokens * row.taskCount)
      if row.taskCount == 1 { #expect(row.benefit == 0 && row.mutualInfo == 1) }
    }
    // Points with the same main-task size share one baseline.
    let atN300 = Set(rows.filter { $0.mainTokens == 300 && $0.taskCount > 1 }.map(\.stlFscore))
    #expect(atN300.count == 1)
    // The grid's own single-task point at that size is the baseline: its fscore is the shared stl_fscore.
    if let single = rows.first(where: { $0.taskCount == 1 && $0.mainTokens == 300 }) {
      #expect(atN300 == [single.fscore])
    }
    // AMI of the alpha = 1 points is 1, of alpha = 0.2 near 0.
    #expect(rows.filter { $0.taskCount > 1 && $0.alpha == 1 }.allSatisfy { $0.mutualInfo > 0.99 })
    #expect(rows.filter { $0.alpha == 0.2 }.allSatisfy { $0.mutualInfo < 0.1 })
    #expect(try Self.table(reps).count == 1 + 12)
  }

  @Test func resultsDoNotDependOnThreadCountOrResuming() throws {
    let folder = try TemporaryDirectory("mtlcore-grid")
    defer { folder.remove() }
    let dir = folder.url
    let one = dir.appendingPathComponent("one.csv")
    let two = dir.appendingPathComponent("two.csv")
    let repsOne = dir.appendingPathComponent("reps-one.csv")
    let repsTwo = dir.appendingPathComponent("reps-two.csv")
    try Self.runner(threads: 1).run(corpus: Self.corpus, output: one, repetitionsOutput: repsOne)
    try Self.runner(threads: 2).run(corpus: Self.corpus, output: two, repetitionsOutput: repsTwo)
    #expect(try Self.table(one) == Self.table(two))
    #expect(try Self.table(repsOne) == Self.table(repsTwo))

    // A killed run: two finished points and half a line; resuming must give the same table.
    let full = try String(contentsOf: one, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
    let partial = full[0...2].joined(separator: "\n") + "\n" + full[3].prefix(10)
    try Data(partial.utf8).write(to: two)
    // Repetition lines are appended before their point's line: those of the third point may be there already.
    let reps = try String(contentsOf: repsOne, encoding: .utf8).split(separator: "\n")
    try Data((reps[0...6].joined(separator: "\n") + "\n" + reps[7].prefix(5)).utf8).write(to: repsTwo)
    let resumed = try Self.runner(threads: 2).run(
      corpus: Self.corpus, output: two, repetitionsOutput: repsTwo, resume: true)
    #expect(resumed.count == 4)
    #expect(try Self.table(one) == Self.table(two))
    #expect(try Self.table(repsOne) == Self.table(repsTwo))
  }

  @Test func frozenPretrainedVectorsAreUsed() throws {
    let folder = try TemporaryDirectory("mtlcore-grid")
    defer { folder.remove() }
    let dir = folder.url
    let words = Array(Set(Self.corpus.train.flatMap(\.tokens))).sorted().prefix(50)
    var text = "\(words.count) 4\n"
    for (i, w) in words.enumerated() { text += "\(w) \(Double(i % 7) / 7) 0.5 -0.25 \(Double(i % 3))\n" }
    try Data(text.utf8).write(to: dir.appendingPathComponent("tiny.vec"))
    let pretrained = try PretrainedEmbeddings(path: dir.appendingPathComponent("tiny.vec").path, corpus: Self.corpus)
    #expect(pretrained.dimension == 4 && pretrained.coveredWords == words.count)
    let config = Self.configText.replacingOccurrences(of: "\"embedding_size\": 8", with: "\"vectors\": \"tiny.vec\"")
    let grid = try GridConfig.parse(Data(config.utf8), source: dir.appendingPathComponent("c.json").path)
    let training = try TrainingConfig(json: grid.training, source: grid.source)
    #expect(training.vectors == dir.appendingPathComponent("tiny.vec").path)
    let rows = try GridRunner(grid: grid, training: training, threads: 2).run(
      corpus: Self.corpus, output: dir.appendingPathComponent("r.csv"))
    #expect(rows.count == 6)
    // A frozen table is not a trainable parameter.
    var spec = ModelSpec.windowMLP
    spec.embeddingSize = 4
    let model = MultitaskTagger(
      spec: spec, vocabularySize: pretrained.vocabulary.count, labelCounts: [5], pretrained: pretrained.table, seed: 1)
    #expect(!model.allParameters.contains { $0.name == "embedding" })
  }

  @Test func namedSettingsNameTheSettingInErrors() throws {
    var training = TrainingConfig()
    let cases: [(String, (inout TrainingConfig) throws -> Void)] = [
      ("method", { try $0.setMethod(named: "none") }), ("model", { try $0.setModel(named: "lstm") }),
      ("activation", { try $0.setActivation(named: "sigmoid") }), ("schedule", { try $0.setSchedule(named: "random") }),
    ]
    for (setting, set) in cases {
      let error = #expect(throws: TrainingConfigError.self) { try set(&training) }
      #expect(error?.setting == setting)
      #expect(error?.origin == .input)
      #expect(error?.description.hasPrefix("\(setting): ") == true)
    }
    try training.setModel(named: "bilstm-1fc")
    try training.setActivation(named: "tanh")
    try training.setSchedule(named: "proportional")
    #expect(training.model.name == "bilstm-1fc" && training.model.activation == .tanh)
    #expect(training.options.schedule == .proportional && training.method == "hard-sharing")
  }

  @Test func badTrainingKeysGiveOneLineErrors() throws {
    let bad: [(String, String)] = [
      (#"{"modle": "window-mlp"}"#, "unknown key 'modle'"),
      (#"{"model": "lstm"}"#, "unknown model 'lstm'"),
      (#"{"epochs": 0}"#, "training.epochs"),
      (#"{"schedule": "random"}"#, "training.schedule"),
    ]
    for (text, expected) in bad {
      let json = try JSONValue(parsing: text)
      let error = #expect(throws: TrainingConfigError.self) { try TrainingConfig(json: json, source: "c.json") }
      #expect(error?.description.contains(expected) == true, "\(error?.description ?? "")")
      #expect(error?.description.hasPrefix("c.json: ") == true)
    }
    let good = try TrainingConfig(
      json: try JSONValue(parsing: #"{"model": "bilstm-2fc", "activation": "relu", "schedule": "proportional"}"#),
      source: "c.json")
    #expect(good.model.name == "bilstm-2fc" && good.model.activation == .relu && good.options.schedule == .proportional)
  }
}
