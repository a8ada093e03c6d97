import Foundation
import Support

#if canImport(Glibc)
  import Glibc
#endif

/// An error reading or writing a checkpoint file.
public struct CheckpointError: UserFacingError, Sendable {
  public let message: String
  public var origin: ErrorOrigin { .run }
  public var description: String { message }
}

/// Reads and atomically writes search checkpoints (JSON; the whole state between two epochs).
enum Checkpoint {
  static func encoder() -> JSONEncoder {
    let e = JSONEncoder()
    e.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    e.outputFormatting = [.sortedKeys]
    return e
  }

  static func write(_ state: SearchState, to path: String) throws {
    let data: Data
    do { data = try encoder().encode(state) } catch {
      throw CheckpointError(message: "checkpoint \(path): cannot encode state (\(error))")
    }
    do {
      try AtomicFile.write(bytes: Array(data), to: path)
    } catch {
      throw CheckpointError(message: "checkpoint \(path): cannot write (\(error.reason))")
    }
  }

  static func read(_ path: String) throws -> SearchState {
    let d = JSONDecoder()
    d.nonConformingFloatDecodingStrategy = .convertFromString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    do {
      let data = try Data(contentsOf: URL(fileURLWithPath: path))
      return try d.decode(SearchState.self, from: data)
    } catch {
      throw CheckpointError(message: "checkpoint \(path): not a readable checkpoint (\(error.localizedDescription))")
    }
  }
}
