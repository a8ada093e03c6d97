import Foundation
import Support

extension TaskFileWriter {
  /// Writes every point × repetition of `grid` as a folder `<root>/<index>-<name>-rep<r>/` (see `write`; dev and
  /// test are shared in `<root>/evaluation/`) and the list of folders, `<root>/index.json`. Returns the number of
  /// families written.
  public static func writeGrid(_ grid: GridConfig, corpus: Corpus, to root: URL) throws -> Int {
    try grid.validate(against: corpus)
    let calibrated = try grid.calibratedAlphas(corpus: corpus)
    let evaluation = root.appendingPathComponent("evaluation")
    // The shared dev/test files are rewritten by every run (a previous run may have used another corpus).
    try? FileManager.default.removeItem(at: evaluation)
    var index: [JSONValue] = []
    for point in grid.points {
      for repetition in 1...point.repetitions {
        let spec = try point.familySpec(repetition: repetition, seed: grid.seed, corpus: corpus, calibrated: calibrated)
        let family = try TaskFamily.generate(spec, corpus: corpus)
        let folder = "\(String(format: "%04d", point.index))-\(point.name)-rep\(repetition)"
        let manifest = try write(
          family, to: root.appendingPathComponent(folder), config: grid.name, point: point, repetition: repetition,
          corpus: corpus, sharedEvaluationFolder: evaluation)
        index.append(
          .object([
            ("folder", .string(folder)), ("point", .integer(point.index)), ("repetition", .integer(repetition)),
            ("n_tasks", .integer(manifest.n_tasks)), ("n_tokens_main", .integer(manifest.n_tokens_main)),
            ("n_tokens_aux", .integer(manifest.n_tokens_aux)), ("alpha", .number(manifest.alpha)),
            ("mutual_info", .number(manifest.mutual_info)),
          ]))
      }
    }
    let document = JSONValue.object([
      ("schema", .string("mtlformulas.tasks-index/1")), ("config", .string(grid.name)), ("families", .array(index)),
    ])
    try AtomicFile.write(document.prettyPrinted() + "\n", to: root.appendingPathComponent("index.json"))
    return index.count
  }
}
