import Foundation
import Support

/// Writes a task family as CoNLL-style files (`token<TAB>main gold tag<TAB>this task's tag`, blank line between
/// sentences) plus `manifest.json`. The main task gets train/dev/test files with BIO tags in both columns;
/// auxiliary tasks get a train file whose last column holds their IO synthetic tags (`O`, `SYN1`, …).
public enum TaskFileWriter {
  /// Writes the family into `folder` (created if needed); all files are written atomically. Errors are failures
  /// while running (`FileWriteError`, or a `TaskSimulatorError` of origin `.run`).
  /// When `sharedEvaluationFolder` is given, the main task's dev and test files are written there once and
  /// hard-linked into `folder` (they are identical for every family of a corpus).
  @discardableResult
  public static func write(
    _ family: TaskFamily, to folder: URL, config: String, point: GridPoint, repetition: Int,
    corpus: Corpus, sharedEvaluationFolder: URL? = nil
  ) throws -> TaskManifest {
    var entries: [TaskManifest.Task] = []
    var mainFiles: [String: String] = [:]
    for (split, sentences) in [("train", family.main.train), ("dev", family.dev), ("test", family.test)] {
      let file = "main.\(split).conll"
      let target = folder.appendingPathComponent(file)
      if split != "train", let shared = sharedEvaluationFolder {
        // dev/test are the same for every family: write them once and hard-link them (copy if linking fails).
        let source = shared.appendingPathComponent(file)
        if !FileManager.default.fileExists(atPath: source.path) {
          try AtomicFile.write(conll(sentences) { s, _ in s.goldTags }, to: source)
        }
        try? FileManager.default.removeItem(at: target)
        do {
          try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
          throw TaskSimulatorError(
            "\(folder.path): cannot create the folder (\(error.localizedDescription))", origin: .run)
        }
        if (try? FileManager.default.linkItem(at: source, to: target)) == nil {
          guard let data = FileManager.default.contents(atPath: source.path) else {
            throw TaskSimulatorError("\(source.path): cannot read the file to copy", origin: .run)
          }
          try AtomicFile.write(data, to: target)
        }
      } else {
        try AtomicFile.write(conll(sentences) { s, _ in s.goldTags }, to: target)
      }
      mainFiles[split] = file
    }
    entries.append(
      .init(
        name: "main", tokens: family.main.tokenCount, alpha: 1, ami: 1, labels: family.main.labelNames,
        files: mainFiles))
    for task in family.auxiliary {
      let file = "\(task.name).train.conll"
      try AtomicFile.write(
        conll(task.train) { s, _ in s.labels.map { task.labelNames[$0] } },
        to: folder.appendingPathComponent(file))
      entries.append(
        .init(
          name: task.name, tokens: task.tokenCount, alpha: task.alpha, ami: task.ami,
          labels: task.labelNames, files: ["train": file]))
    }
    let manifest = TaskManifest(
      config: config, point: point.index, repetition: repetition, n_tasks: family.spec.taskCount,
      n_tokens_main: family.spec.mainTokens, n_tokens_aux: family.spec.taskCount > 1 ? family.spec.auxTokens : 0,
      inputs: family.spec.inputs.rawValue, alpha: family.alpha, mutual_info: family.mutualInfo, target_ami: point.ami,
      seed: family.spec.seed, corpus: corpus.name, tasks: entries)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    var data: Data
    do {
      data = try encoder.encode(manifest)
    } catch {
      throw TaskSimulatorError(
        "\(folder.path)/manifest.json: cannot encode (\(error.localizedDescription))", origin: .run)
    }
    data.append(0x0A)
    try AtomicFile.write(data, to: folder.appendingPathComponent("manifest.json"))
    return manifest
  }

  static func conll(_ sentences: [TaskSentence], tags: (TaskSentence, Int) -> [String]) -> String {
    var out = ""
    out.reserveCapacity(sentences.count * 200)
    for (k, s) in sentences.enumerated() {
      let own = tags(s, k)
      for i in s.tokens.indices {
        out += s.tokens[i]
        out += "\t"
        out += s.goldTags[i]
        out += "\t"
        out += own[i]
        out += "\n"
      }
      out += "\n"
    }
    return out
  }
}
