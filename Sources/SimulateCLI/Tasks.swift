import ArgumentParser
import Foundation
import Support
import TaskSimulator

/// `simulate tasks`: writes the task files of every grid point.
struct Tasks: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Write CoNLL task files and a manifest for every grid point and repetition.",
    discussion: "Each point and repetition gets a folder <out-dir>/<point>-rep<r>/ with main.{train,dev,test}.conll, "
      + "aux<k>.train.conll (token, main gold tag, this task's tag) and manifest.json; <out-dir>/index.json lists them."
  )

  @Option(name: .long, help: "Grid config (JSON, see docs/simulator.md).")
  var config: String

  @Option(name: .customLong("out-dir"), help: "Folder to write the task folders into.")
  var outDir: String

  @Option(name: .long, help: "Seed (overrides the config's seed).")
  var seed: UInt64?

  func run() throws {
    var grid = try GridConfig.load(contentsOf: URL(fileURLWithPath: config))
    if let seed { grid.seed = seed }
    let corpus = try grid.corpus.load()
    try grid.validate(against: corpus)
    let root = URL(fileURLWithPath: outDir)
    let calibrated = try grid.calibratedAlphas(corpus: corpus)
    let evaluation = root.appendingPathComponent("evaluation")
    // The shared dev/test files are rewritten by every run (a previous run may have used another corpus).
    try? FileManager.default.removeItem(at: evaluation)
    var written = 0
    var index: [JSONValue] = []
    for point in grid.points {
      for repetition in 1...point.repetitions {
        let spec = try point.familySpec(repetition: repetition, seed: grid.seed, corpus: corpus, calibrated: calibrated)
        let family = try TaskFamily.generate(spec, corpus: corpus)
        let folder = "\(String(format: "%04d", point.index))-\(point.name)-rep\(repetition)"
        do {
          let manifest = try TaskFileWriter.write(
            family, to: root.appendingPathComponent(folder), config: grid.name, point: point, repetition: repetition,
            corpus: corpus, sharedEvaluationFolder: evaluation)
          index.append(
            .object([
              ("folder", .string(folder)), ("point", .integer(point.index)), ("repetition", .integer(repetition)),
              ("n_tasks", .integer(manifest.n_tasks)), ("n_tokens_main", .integer(manifest.n_tokens_main)),
              ("n_tokens_aux", .integer(manifest.n_tokens_aux)), ("alpha", .number(manifest.alpha)),
              ("mutual_info", .number(manifest.mutual_info)),
            ]))
        } catch {
          throw RunError("\(error)")
        }
        written += 1
      }
    }
    let document = JSONValue.object([
      ("schema", .string("mtlformulas.tasks-index/1")), ("config", .string(grid.name)), ("families", .array(index)),
    ])
    do {
      try AtomicFile.write(document.prettyPrinted() + "\n", to: root.appendingPathComponent("index.json"))
    } catch {
      throw RunError("\(error)")
    }
    print("wrote \(written) task families (\(grid.points.count) points) to \(root.path)")
  }
}
