import Foundation
import TestSupport
import Testing

/// `simulate tasks` and `simulate calibrate` end to end, through the built executable.
@Suite struct SimulateCLITests {
  private func config(_ json: String, in dir: URL) throws -> URL {
    let url = dir.appendingPathComponent("grid.json")
    try json.write(to: url, atomically: true, encoding: .utf8)
    return url
  }

  private func folderContents(_ root: URL) throws -> [String: Data] {
    var out: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
    while let url = enumerator?.nextObject() as? URL {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
        out[String(url.path.dropFirst(root.path.count))] = try Data(contentsOf: url)
      }
    }
    return out
  }

  @Test func tasksWritesFoldersAndIsReproducible() throws {
    let folder = try TemporaryDirectory("simtasks")
    defer { folder.remove() }
    let dir = folder.url
    let grid = try config(
      #"{"seed": 4, "repetitions": 2, "grid": {"tasks": [1, 3], "tokens": [500], "ami": [0.5]}}"#, in: dir)
    let a = dir.appendingPathComponent("a")
    let b = dir.appendingPathComponent("b")
    let c = dir.appendingPathComponent("c")
    let first = try CommandRunner.run("simulate", ["tasks", "--config", grid.path, "--out-dir", a.path])
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stdout.contains("wrote 4 task families (2 points)"))
    _ = try CommandRunner.run("simulate", ["tasks", "--config", grid.path, "--out-dir", b.path])
    let other = try CommandRunner.run("simulate", ["tasks", "--config", grid.path, "--out-dir", c.path, "--seed", "5"])
    #expect(other.status == 0)
    let fa = try folderContents(a)
    let fb = try folderContents(b)
    let fc = try folderContents(c)
    #expect(fa == fb)
    #expect(fa != fc)
    let point = "/0001-T3-n500-500-ami0.5-rep1/"
    for file in [
      "main.train.conll", "main.dev.conll", "main.test.conll", "aux1.train.conll", "aux2.train.conll", "manifest.json",
    ] {
      #expect(fa[point + file] != nil, "missing \(file)")
    }
    let manifest = try JSONSerialization.jsonObject(with: fa[point + "manifest.json"] ?? Data()) as? [String: Any]
    #expect(manifest?["n_tasks"] as? Int == 3)
    #expect(manifest?["n_tokens_main"] as? Int == 500)
    #expect((manifest?["tasks"] as? [[String: Any]])?.count == 3)
    let mi = manifest?["mutual_info"] as? Double ?? 0
    #expect(mi > 0.35 && mi < 0.65)
    let index = try JSONSerialization.jsonObject(with: fa["/index.json"] ?? Data()) as? [String: Any]
    let families = index?["families"] as? [[String: Any]] ?? []
    #expect(families.count == 4)
    #expect(families.last?["folder"] as? String == "0001-T3-n500-500-ami0.5-rep2")
  }

  @Test func quickConfigRuns() throws {
    let folder = try TemporaryDirectory("simquick")
    defer { folder.remove() }
    let dir = folder.url
    let quick = PackagePaths.root.appendingPathComponent("simulator/quick.json")
    let result = try CommandRunner.run("simulate", ["tasks", "--config", quick.path, "--out-dir", dir.path])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("wrote 63 task families (21 points)"))
  }

  @Test func calibratePrintsAlpha() throws {
    let plain = try CommandRunner.run("simulate", ["calibrate", "--ami", "0.5"])
    #expect(plain.status == 0, "\(plain.stderr)")
    let alpha = Double(plain.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    #expect(alpha > 0.85 && alpha < 0.95)
    let json = try CommandRunner.run("simulate", ["calibrate", "--ami", "0.5", "--json"])
    let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
    #expect(abs((object?["expected_ami"] as? Double ?? 0) - 0.5) <= 0.005)
    #expect(abs((object?["alpha"] as? Double ?? 0) - alpha) < 1e-6)
  }

  @Test func writeFailuresExitWith1() throws {
    let folder = try TemporaryDirectory("simwritefail")
    defer { folder.remove() }
    let blocker = folder.url.appendingPathComponent("blocker")
    try Data("a file, not a folder\n".utf8).write(to: blocker)
    let grid = try config(#"{"grid": {"tasks": [1], "tokens": [100]}}"#, in: folder.url)
    let result = try CommandRunner.run(
      "simulate", ["tasks", "--config", grid.path, "--out-dir", blocker.appendingPathComponent("out").path])
    #expect(result.status == 1, "status \(result.status): \(result.stderr)")
    #expect(result.stderr.hasPrefix("simulate: error: "))
    #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
  }

  @Test func errorsAreOneLineWithExitCode2() throws {
    let folder = try TemporaryDirectory("simerrors")
    defer { folder.remove() }
    let dir = folder.url
    let unknown = try config(#"{"grid": {"tasks": [2], "tokens": [100], "alpha": [0.9]}, "colour": "red"}"#, in: dir)
    let runs: [([String], String)] = [
      (["tasks", "--config", unknown.path, "--out-dir", dir.appendingPathComponent("o").path], "unknown key 'colour'"),
      (
        ["tasks", "--config", dir.appendingPathComponent("missing.json").path, "--out-dir", dir.path],
        "cannot read config"
      ),
      (["tasks", "--out-dir", dir.path], "--config"),
      (["calibrate", "--ami", "1.5"], "outside (0, 1)"),
      (["calibrate"], "--ami"),
    ]
    for (arguments, needle) in runs {
      let result = try CommandRunner.run("simulate", arguments)
      #expect(result.status == 2, "\(arguments): status \(result.status)")
      #expect(result.stderr.contains(needle), "\(arguments): \(result.stderr)")
      #expect(result.stderr.split(separator: "\n").count == 1, "\(arguments): \(result.stderr)")
    }
  }
}
