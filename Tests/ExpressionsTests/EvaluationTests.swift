import Expressions
import Support
import Testing

@Suite("Evaluation")
struct EvaluationTests {
  @Test func knownValues() throws {
    let paper = try Expression(parsing: "a + b*sqrt(n) + c*log(T) - d/sqrt(n*T) + e*AMI^0.5")
    let values: [String: Double] = ["a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "n": 4, "T": 1, "AMI": 0.25]
    // 1 + 2*2 + 3*0 - 4/2 + 5*0.5
    #expect(paper.evaluate(values) == 5.5)
    #expect(try Expression(parsing: "2**3**2").evaluate([:]) == 512)
    #expect(try Expression(parsing: "-x^2").evaluate(["x": 3]) == -9)
    #expect(try Expression(parsing: "(-x)^2").evaluate(["x": 3]) == 9)
    #expect(
      try Expression(parsing: "exp(log(x))").evaluate(["x": 7]) == 7.000000000000001
        || (try Expression(parsing: "exp(log(x))").evaluate(["x": 7]) - 7).magnitude < 1e-14)
    #expect(try Expression(parsing: "abs(x - 10)/2").evaluate(["x": 4]) == 3)
    #expect(try Expression(parsing: "1/x").evaluate(["x": 0]) == .infinity)
  }

  @Test func invalidMathAndUnknownSymbolsGiveNaN() throws {
    #expect(try Expression(parsing: "x + y").evaluate(["x": 1]).isNaN)
    #expect(try Expression(parsing: "sqrt(x)").evaluate(["x": -1]).isNaN)
    #expect(try Expression(parsing: "log(x)").evaluate(["x": -1]).isNaN)
    #expect(try Expression(parsing: "x^0.5").evaluate(["x": -4]).isNaN)
  }

  static let formulas = [
    "a + b*sqrt(n) + c*log(T) - d/sqrt(n*T) + e*AMI^0.5",
    "a*exp(-b*n) + abs(T - c)",
    "(n/T)^a - 3",
    "2^(n/10) + a^2/AMI",
    "-n^2 + -T*c",
    "a",
    "4",
    "log(a)*n - n/n",
    "sqrt(n)^T",
  ]

  @Test("column evaluation equals scalar evaluation", arguments: formulas)
  func columnMatchesScalar(_ text: String) throws {
    let e = try Expression(parsing: text)
    var random = SplitMix64(seed: 7)
    let rows = 257
    var columns: [String: [Double]] = [:]
    for name in ["n", "T", "AMI"] {
      columns[name] = (0..<rows).map { _ in random.uniform(0.1...5) }
    }
    let constants: [String: Double] = ["a": 1.3, "b": 0.7, "c": -0.4, "d": 2.5, "e": 0.9]
    let result = e.evaluate(columns: columns, constants: constants, rowCount: rows)
    #expect(result.count == rows)
    for i in 0..<rows {
      var point = constants
      for (name, column) in columns { point[name] = column[i] }
      let expected = e.evaluate(point)
      #expect(result[i] == expected || (result[i].isNaN && expected.isNaN), "row \(i)")
    }
    // Input columns are not modified by evaluation.
    let again = e.evaluate(columns: columns, constants: constants, rowCount: rows)
    #expect(again == result || zip(again, result).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) })
  }

  @Test func columnsWinOverConstantsAndMissingAreNaN() throws {
    let e = try Expression(parsing: "x + k")
    let r = e.evaluate(columns: ["x": [1, 2]], constants: ["x": 100, "k": 10], rowCount: 2)
    #expect(r == [11, 12])
    let missing = e.evaluate(columns: ["x": [1, 2]], constants: [:], rowCount: 2)
    #expect(missing.allSatisfy { $0.isNaN })
    let short = e.evaluate(columns: ["x": [1]], constants: ["k": 1], rowCount: 3)
    #expect(short[0] == 2 && short[1].isNaN && short[2].isNaN)
    #expect(e.evaluate(columns: [:], constants: [:], rowCount: -1) == [])
  }
}
