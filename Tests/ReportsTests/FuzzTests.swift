import DataTable
import Expressions
import Foundation
import Reports
import Support
import TestSupport
import Testing

/// Seeded mutation fuzzing of the readers a user's input reaches: CSV tables, formulas, result documents. Every
/// input must either parse or be rejected with one non-empty line; none may crash, trap or hang.
@Suite struct FuzzTests {
  static let inputsPerTarget = 10_000

  /// Runs `body` on `count` mutated inputs; returns (accepted, rejected) and checks every rejection's message.
  static func fuzz(
    seed: UInt64, inputs: [String], tokens: [String], _ body: (String) throws -> Void
  ) -> (accepted: Int, rejected: Int) {
    var mutator = Mutator(seed: seed, inputs: inputs, tokens: tokens)
    var accepted = 0
    var rejected = 0
    for _ in 0..<inputsPerTarget {
      let input = mutator.next()
      do {
        try body(input)
        accepted += 1
      } catch {
        rejected += 1
        let message = "\(error)"
        if message.isEmpty || message.contains("\n") {
          Issue.record("rejection is not one line: \(message.debugDescription) for \(input.debugDescription)")
        }
      }
    }
    return (accepted, rejected)
  }

  @Test func csvTables() {
    let seeds = [
      "T,n,AMI,fscore\n1,1000,1,0.5\n2,3000,0.4,0.62\n",
      "a,\"b, quoted\",c\r\n1,\"x\"\"y\",3\r\n",
      "\u{FEFF}x,y\n1,2\n\n3,4",
    ]
    let tokens = [",", "\"", "\n", "\r\n", "nan", "inf", "-1e999", "\u{FEFF}", "\"\"", ",,,,", "1e308", "\0"]
    let (accepted, rejected) = Self.fuzz(seed: 1, inputs: seeds, tokens: tokens) { text in
      let table = try DataTable(csvText: text, source: "fuzz.csv")
      for name in table.columnNames { _ = try? table.numericColumn(name) }
    }
    #expect(accepted + rejected == Self.inputsPerTarget && accepted > 0 && rejected > 0)
  }

  @Test func formulas() {
    let seeds = ["a + b*sqrt(n) + c*sqrt(T) + d*sqrt(AMI)", "-1.74 + log(log(n))", "(x^2 - 3)/exp(-y) ** 0.5"]
    let tokens = ["(", ")", "^", "**", "-", "/", "sqrt(", "log(", "1e999", "nan", "0.", ".", "((((((((", "abs", " "]
    let (accepted, rejected) = Self.fuzz(seed: 2, inputs: seeds, tokens: tokens) { text in
      _ = try Expression(parsing: text).description
    }
    #expect(accepted > 0 && rejected > 0)
    let deep = String(repeating: "(", count: 10_000) + "x" + String(repeating: ")", count: 10_000)
    #expect(throws: ExpressionParseError.self) { try Expression(parsing: deep) }
    let unary = String(repeating: "-", count: 10_000) + "x"
    #expect(throws: ExpressionParseError.self) { try Expression(parsing: unary) }
  }

  @Test func resultDocuments() {
    let formula = ResultDocumentTests.sample().text()
    let tokens = ["{", "}", "[", "]", "\"", ":", ",", "null", "1e999", "-0", "\"front\"", "\"constants\"", "\\u0000"]
    let (accepted, rejected) = Self.fuzz(seed: 3, inputs: [formula], tokens: tokens) { text in
      _ = try ResultDocument(json: JSONValue(parsing: text, source: "fuzz.json"), source: "fuzz.json")
    }
    #expect(accepted > 0 && rejected > 0)
  }
}
