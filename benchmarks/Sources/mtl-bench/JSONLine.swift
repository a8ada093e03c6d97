import Foundation

/// Prints a record as one JSON line on standard output (keys sorted), the format the report script reads.
func printJSONLine<T: Encodable>(_ value: T) throws {
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.sortedKeys]
  let data = try encoder.encode(value)
  FileHandle.standardOutput.write(data + Data("\n".utf8))
}

/// Median of a non-empty list (0 when empty).
func median(_ values: [Double]) -> Double {
  let s = values.sorted()
  guard !s.isEmpty else { return 0 }
  return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

/// Rounds to one decimal for reporting.
func round1(_ x: Double) -> Double { (x * 10).rounded() / 10 }
