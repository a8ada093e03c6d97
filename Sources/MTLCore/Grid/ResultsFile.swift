import Foundation
import Support

/// A CSV results file written one finished grid point at a time: each point's lines are appended with one write and
/// flushed to disk, so an interrupted run leaves a valid table; a resumed run reads which points are done.
final class ResultsFile {
  let url: URL
  let header: String
  private let pointColumn: Int

  /// Opens `url` for a run. Without `resume` it starts a fresh file (header only). With `resume` it keeps the complete
  /// lines of an existing file whose header matches, keeping only lines of points in `keepPoints` when given.
  /// Returns the points already present.
  init(url: URL, columns: [String], resume: Bool, keepPoints: Set<Int>? = nil) throws {
    self.url = url
    header = columns.joined(separator: ",")
    pointColumn = columns.firstIndex(of: "point") ?? 0
    if resume, FileManager.default.fileExists(atPath: url.path) {
      guard let text = try? String(contentsOf: url, encoding: .utf8) else {
        throw GridRunError(message: "\(url.path): cannot read the results to resume")
      }
      var lines = text.components(separatedBy: "\n")
      // A last line without its newline was cut off: drop it.
      lines.removeLast()
      guard let first = lines.first, first == header else {
        throw GridRunError(
          message:
            "\(url.path): cannot resume, the header differs from this run's columns (remove the file to start afresh)")
      }
      let kept = lines.dropFirst().filter { line in
        guard let p = point(of: line) else { return false }
        return keepPoints?.contains(p) ?? true
      }
      try ResultsFile.writeAtomically(url, ([header] + kept).joined(separator: "\n") + "\n")
    } else {
      try ResultsFile.writeAtomically(url, header + "\n")
    }
  }

  private func point(of line: String) -> Int? {
    let fields = line.split(separator: ",", omittingEmptySubsequences: false)
    guard fields.count > pointColumn else { return nil }
    return Int(fields[pointColumn])
  }

  /// Points with at least one line in the file.
  func finishedPoints() throws -> Set<Int> {
    let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    return Set(text.split(separator: "\n").dropFirst().compactMap { point(of: String($0)) })
  }

  /// Appends lines (one write) and flushes them to disk.
  func append(_ lines: [String]) throws {
    guard !lines.isEmpty else { return }
    do {
      try AppendingFile.append(lines.joined(separator: "\n") + "\n", to: url.path)
    } catch {
      throw GridRunError(message: "\(url.path): cannot append results (\(error.reason))")
    }
  }

  /// Rewrites the file with its data lines sorted by point, atomically. The sort is stable: a point's lines are
  /// appended together in a fixed order (repetitions, then epochs), and keep it.
  func sortByPoint() throws {
    let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    let lines = text.split(separator: "\n").dropFirst().map(String.init)
    let sorted = lines.enumerated().sorted { a, b in
      let pa = point(of: a.element) ?? 0
      let pb = point(of: b.element) ?? 0
      return (pa, a.offset) < (pb, b.offset)
    }.map(\.element)
    try ResultsFile.writeAtomically(url, ([header] + sorted).joined(separator: "\n") + "\n")
  }

  /// Writes `text` over `url` atomically (``AtomicFile``: temp file, fsync, rename, fsync of the folder).
  static func writeAtomically(_ url: URL, _ text: String) throws {
    do {
      try AtomicFile.write(text, to: url.path)
    } catch {
      throw GridRunError(message: "\(url.path): cannot write (\(error.reason))")
    }
  }
}

/// A failure while running a grid (output files, training).
public struct GridRunError: UserFacingError, Equatable, Sendable {
  public let message: String
  public let origin: ErrorOrigin
  public init(message: String, origin: ErrorOrigin = .run) {
    self.message = message
    self.origin = origin
  }
  public var description: String { message }
}
