import Foundation
import TestSupport

/// Loads the NIST StRD fixtures (public domain; the one copy is TestSupport's Fixtures/nist-strd, see its README.md).
enum NISTFixtures {
  static func url(_ name: String) throws -> URL {
    try Fixtures.nist(name)
  }

  static func text(_ name: String) throws -> String {
    try String(contentsOf: url(name), encoding: .utf8)
  }

  /// A CSV with a header row and numeric cells: returns the header and the rows.
  static func csv(_ name: String) throws -> (header: [String], rows: [[Double]]) {
    let lines = try text(name).split(whereSeparator: \.isNewline).map(String.init).filter { !$0.isEmpty }
    guard let first = lines.first else { throw FixtureError("\(name) is empty") }
    let header = first.split(separator: ",").map(String.init)
    let rows = try lines.dropFirst().map { line in
      try line.split(separator: ",").map { cell -> Double in
        guard let value = Double(cell) else { throw FixtureError("\(name): bad number \(cell)") }
        return value
      }
    }
    return (header, rows)
  }

  /// Certified linear results: (values, standard errors, residual sum of squares).
  static func certifiedLinear(_ name: String) throws -> (values: [Double], errors: [Double], rss: Double) {
    var values: [Double] = []
    var errors: [Double] = []
    var rss = Double.nan
    for line in try text(name).split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
      let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      if cells[0] == "residual_sum_of_squares" {
        rss = Double(cells[1]) ?? .nan
        continue
      }
      guard cells.count >= 3, let value = Double(cells[1]), let error = Double(cells[2]) else { continue }
      values.append(value)
      errors.append(error)
    }
    return (values, errors, rss)
  }
}

/// One NIST nonlinear regression problem parsed from its .dat file.
struct NISTNonlinearProblem {
  let name: String
  let starts: [[Double]]  // two start vectors
  let certifiedValues: [Double]
  let certifiedErrors: [Double]
  let certifiedRSS: Double
  let x: [Double]
  let y: [Double]

  init(name: String) throws {
    self.name = name
    let lines = try NISTFixtures.text(name + ".dat").split(whereSeparator: \.isNewline).map(String.init)
    var start1: [Double] = []
    var start2: [Double] = []
    var values: [Double] = []
    var errors: [Double] = []
    var rss = Double.nan
    var x: [Double] = []
    var y: [Double] = []
    var inData = false
    for line in lines {
      let tokens = line.split(whereSeparator: \.isWhitespace).map(String.init)
      if inData {
        if tokens.count == 2, let yv = Double(tokens[0]), let xv = Double(tokens[1]) {
          y.append(yv)
          x.append(xv)
        }
        continue
      }
      if tokens.count == 6, tokens[0].hasPrefix("b"), tokens[1] == "=" {
        let numbers = tokens[2...].compactMap(Double.init)
        guard numbers.count == 4 else { throw FixtureError("\(name): bad parameter line \(line)") }
        start1.append(numbers[0])
        start2.append(numbers[1])
        values.append(numbers[2])
        errors.append(numbers[3])
      } else if line.hasPrefix("Residual Sum of Squares:"), let last = tokens.last {
        rss = Double(last) ?? .nan
      } else if tokens.first == "Data:", tokens.count == 3, tokens[1] == "y", tokens[2] == "x" {
        inData = true
      }
    }
    guard !values.isEmpty, !x.isEmpty, rss.isFinite else { throw FixtureError("\(name): could not parse") }
    starts = [start1, start2]
    certifiedValues = values
    certifiedErrors = errors
    certifiedRSS = rss
    self.x = x
    self.y = y
  }
}

struct FixtureError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}

/// Number of agreeing significant digits, -log10(|a - b| / |b|) (capped at 15).
func significantDigits(_ a: Double, _ b: Double) -> Double {
  if a == b { return 15 }
  return min(15, -log10(abs(a - b) / abs(b)))
}
