import Foundation

/// Encodes `value` as pretty JSON with sorted keys and writes it atomically (temporary file + rename).
func writeJSON<T: Encodable>(_ value: T, to path: String) throws {
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
  let data = try encoder.encode(value)
  try writeAtomically(data, to: path)
}

/// Writes `data` to `path` through a temporary file in the same folder and a rename.
func writeAtomically(_ data: Data, to path: String) throws {
  let temp = path + ".tmp-\(getpid())"
  guard FileManager.default.createFile(atPath: temp, contents: data) else {
    throw BenchError("cannot write \(temp)")
  }
  guard rename(temp, path) == 0 else {
    unlink(temp)
    throw BenchError("cannot rename \(temp) to \(path)")
  }
}

/// Reads and decodes a JSON file, with a one-line error naming the file.
func readJSON<T: Decodable>(_ type: T.Type, from path: String) throws -> T {
  guard let data = FileManager.default.contents(atPath: path) else { throw BenchError("cannot read \(path)") }
  do {
    return try JSONDecoder().decode(T.self, from: data)
  } catch {
    throw BenchError("\(path): not a valid \(T.self) document (\(error.localizedDescription))")
  }
}

/// Seconds of a monotonic clock.
func monotonicSeconds() -> Double {
  var t = timespec()
  clock_gettime(CLOCK_MONOTONIC, &t)
  return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

/// CPU seconds used by this process so far (all threads); unaffected by other processes sharing the cores.
func processCPUSeconds() -> Double {
  var t = timespec()
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
  return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}
