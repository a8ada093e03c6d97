import Foundation
import TaskSimulator
import TestSupport
import Testing

@Suite struct TaskFileWriterTests {
  func write(seed: UInt64, to folder: URL) throws -> TaskManifest {
    let config = try GridConfig.parse(Data(#"{"points": [{"tasks": 3, "tokens": 800, "ami": 0.4}]}"#.utf8))
    let corpus = SyntheticCorpus.standard
    let spec = try config.points[0].familySpec(repetition: 1, seed: seed, corpus: corpus)
    let family = try TaskFamily.generate(spec, corpus: corpus)
    return try TaskFileWriter.write(
      family, to: folder.appendingPathComponent("p"), config: "t", point: config.points[0],
      repetition: 1, corpus: corpus, sharedEvaluationFolder: folder.appendingPathComponent("eval"))
  }

  func files(_ folder: URL) throws -> [String: Data] {
    var out: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
      out[name] = try Data(contentsOf: folder.appendingPathComponent(name))
    }
    return out
  }

  @Test func sameSeedGivesByteIdenticalFiles() throws {
    let folders = try (0..<3).map { _ in try TemporaryDirectory("tasks") }
    defer { for folder in folders { folder.remove() } }
    let (a, b, c) = (folders[0].url, folders[1].url, folders[2].url)
    _ = try write(seed: 7, to: a)
    _ = try write(seed: 7, to: b)
    _ = try write(seed: 8, to: c)
    let fa = try files(a.appendingPathComponent("p"))
    let fb = try files(b.appendingPathComponent("p"))
    let fc = try files(c.appendingPathComponent("p"))
    #expect(
      Set(fa.keys) == [
        "main.train.conll", "main.dev.conll", "main.test.conll", "aux1.train.conll",
        "aux2.train.conll", "manifest.json",
      ])
    #expect(fa == fb)
    #expect(fa["aux1.train.conll"] != fc["aux1.train.conll"])
    #expect(fa["main.train.conll"] == fc["main.train.conll"])
  }

  @Test func amiRecomputedFromFilesEqualsManifest() throws {
    let temporary = try TemporaryDirectory("tasks")
    defer { temporary.remove() }
    let folder = temporary.url
    let written = try write(seed: 3, to: folder)
    let manifest = try TaskManifest.read(contentsOf: folder.appendingPathComponent("p/manifest.json"))
    #expect(manifest == written)
    #expect(manifest.n_tasks == 3 && manifest.n_tokens_main == 800 && manifest.tasks.count == 3)
    for task in manifest.tasks.dropFirst() {
      let text = try String(contentsOf: folder.appendingPathComponent("p/" + task.files["train"]!), encoding: .utf8)
      var gold: [Int] = []
      var own: [Int] = []
      let main = ["O", "PER", "ORG", "LOC", "MISC"]
      for line in text.split(separator: "\n") {
        let f = line.split(separator: "\t").map(String.init)
        #expect(f.count == 3)
        gold.append(main.firstIndex(of: LabelScheme.entityType(f[1]) ?? "O") ?? -1)
        own.append(task.labels.firstIndex(of: f[2]) ?? -1)
      }
      #expect(gold.count == task.tokens)
      #expect(try AdjustedMutualInformation.score(gold, own) == task.ami)
    }
    let mean = manifest.tasks.dropFirst().reduce(0) { $0 + $1.ami } / 2
    #expect(abs(manifest.mutual_info - mean) < 1e-15)
    // main-task files carry the gold tag twice
    let mainText = try String(contentsOf: folder.appendingPathComponent("p/main.dev.conll"), encoding: .utf8)
    for line in mainText.split(separator: "\n").prefix(500) {
      let f = line.split(separator: "\t")
      #expect(f[1] == f[2])
    }
  }
}
