import Foundation
import Support
import TestSupport
import Testing

@Suite("Atomic file writing")
struct AtomicFileTests {
  @Test func writesAndReplacesWithoutLeftovers() throws {
    let folder = try TemporaryDirectory("support-atomic")
    defer { folder.remove() }
    let dir = folder.path
    let path = dir + "/out.csv"
    try AtomicFile.write("first\n", to: path)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "first\n")
    try AtomicFile.write("second, longer\n", to: path)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "second, longer\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["out.csv"])
  }

  @Test func createsFoldersWhenAsked() throws {
    let folder = try TemporaryDirectory("support-nested")
    defer { folder.remove() }
    let dir = folder.path
    try AtomicFile.write("x", to: dir + "/a/b/c.txt", createDirectories: true)
    #expect(try String(contentsOfFile: dir + "/a/b/c.txt", encoding: .utf8) == "x")
    try AtomicFile.write(Data("y".utf8), to: URL(fileURLWithPath: dir + "/d/e.txt"))
    #expect(try String(contentsOfFile: dir + "/d/e.txt", encoding: .utf8) == "y")
  }

  @Test func errorsAreOneLine() throws {
    #expect(throws: FileWriteError(path: "/nonexistent-dir/out.csv", reason: "no such file")) {
      try AtomicFile.write("x", to: "/nonexistent-dir/out.csv")
    }
    let folder = try TemporaryDirectory("support-errors")
    defer { folder.remove() }
    let dir = folder.path
    #expect(throws: FileWriteError(path: dir, reason: "is a directory")) { try AtomicFile.write("x", to: dir) }
    #expect(throws: FileWriteError(path: "", reason: "empty path")) { try AtomicFile.write("x", to: "") }
    #expect(
      FileWriteError(path: "o.csv", reason: "permission denied").description
        == "cannot write 'o.csv': permission denied")
  }

  @Test func appendAddsRowsToAnExistingFile() throws {
    let folder = try TemporaryDirectory("support-append")
    defer { folder.remove() }
    let dir = folder.path
    let path = dir + "/rows.csv"
    try AtomicFile.write("h\n", to: path)
    try AppendingFile.append("1\n", to: path)
    try AppendingFile.append("2\n", to: path)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "h\n1\n2\n")
    #expect(throws: FileWriteError(path: dir + "/missing.csv", reason: "no such file")) {
      try AppendingFile.append("x", to: dir + "/missing.csv")
    }
  }
}
