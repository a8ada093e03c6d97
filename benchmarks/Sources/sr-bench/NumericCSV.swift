/// A small reader and writer for the all-numeric CSV files the benchmarks exchange (header line, then numbers).
struct NumericCSV {
  var header: [String]
  /// One array per column.
  var columns: [[Double]]

  var rowCount: Int { columns.first?.count ?? 0 }

  func column(_ name: String, in path: String) throws -> [Double] {
    guard let i = header.firstIndex(of: name) else {
      throw BenchError("\(path): no column '\(name)' (columns: \(header.joined(separator: ",")))")
    }
    return columns[i]
  }

  /// Parses CSV text; every field after the header must be a number. Errors name file, row and column.
  static func parse(_ text: String, path: String) throws -> NumericCSV {
    var lines = text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map {
      String($0).trimmingCharacters(in: "\r")
    }
    lines.removeAll { $0.isEmpty }
    guard let first = lines.first else { throw BenchError("\(path): empty file") }
    let header = first.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: " \"") }
    var columns = Array(repeating: [Double](), count: header.count)
    for (r, line) in lines.dropFirst().enumerated() {
      let fields = line.split(separator: ",", omittingEmptySubsequences: false)
      guard fields.count == header.count else {
        throw BenchError("\(path), row \(r + 2): \(fields.count) fields, the header has \(header.count)")
      }
      for (c, f) in fields.enumerated() {
        guard let v = Double(f.trimmingCharacters(in: " \"")) else {
          throw BenchError("\(path), row \(r + 2), column '\(header[c])': '\(f)' is not a number")
        }
        columns[c].append(v)
      }
    }
    return NumericCSV(header: header, columns: columns)
  }

  /// CSV text with shortest round-trip number formatting.
  func text() -> String {
    var out = header.joined(separator: ",") + "\n"
    for r in 0..<rowCount {
      out += columns.map { "\($0[r])" }.joined(separator: ",") + "\n"
    }
    return out
  }
}
