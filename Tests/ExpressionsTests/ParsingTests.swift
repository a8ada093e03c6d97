import Expressions
import Testing

@Suite("Parsing and printing")
struct ParsingTests {
  static let formulas = [
    "a + b*sqrt(n) + c*log(T) - d/sqrt(n*T) + e*AMI^0.5",
    "2**3**2",
    "-x^2",
    "-x**2 + -3*y",
    "(-2)^x",
    "-(2)",
    "-(-2)",
    "--x",
    "-(-x)",
    "x - (-2)",
    "x*-2",
    "x^-2",
    "x^(-y)",
    "a - (b - c)",
    "a - b - c",
    "a/(b/c)",
    "a/b/c",
    "a*(b*c)",
    "(a + b)*(c - d)",
    "(a^b)^c",
    "a^b^c",
    "exp(-x/2)*abs(y)",
    "log(exp(1e-3*x)) + .5",
    "1e-05*x + 1e+20",
    "1.5e10 - 0.1",
    "sqrt(sqrt(x))",
    "-sqrt(x)*y",
    "-(x*y)",
    "+x",
    "a + b*log(n) + c*sqrt(AMI)",
    "x_1 + _y2*Z9",
    "-(a + b)^2",
    "(-x)^2",
    "2^-x^2",
    "abs(-x) / -(y)",
  ]

  @Test("parse -> print -> parse gives the same tree", arguments: formulas)
  func roundTrip(_ text: String) throws {
    let e = try Expression(parsing: text)
    let printed = e.description
    let again = try Expression(parsing: printed)
    #expect(again == e, "\(text) printed as \(printed)")
    #expect(again.description == printed)
  }

  @Test func paperFormulaStructure() throws {
    let e = try Expression(parsing: "a + b*sqrt(n) + c*log(T) - d/sqrt(n*T) + e*AMI^0.5")
    #expect(e.description == "a + b*sqrt(n) + c*log(T) - d/sqrt(n*T) + e*AMI^0.5")
    #expect(e.symbols == ["a", "b", "c", "d", "e", "n", "T", "AMI"])
    #expect(e.constants(variables: ["n", "T", "AMI"]) == ["a", "b", "c", "d", "e"])
    #expect(e.nodeCount == 24)
  }

  @Test func constantsInFirstAppearanceOrder() throws {
    let e = try Expression(parsing: "z*x + b/(x + a) - z + c0")
    #expect(e.constants(variables: ["x"]) == ["z", "b", "a", "c0"])
    #expect(e.orderedSymbols == ["z", "x", "b", "a", "c0"])
  }

  @Test func precedenceAndAssociativity() throws {
    #expect(try Expression(parsing: "2**3**2") == .binary(.power, .number(2), .binary(.power, .number(3), .number(2))))
    #expect(try Expression(parsing: "2^3^2").evaluate([:]) == 512)
    #expect(try Expression(parsing: "-x^2") == .unary(.negate, .binary(.power, .symbol("x"), .number(2))))
    #expect(try Expression(parsing: "-2^2").evaluate([:]) == -4)
    #expect(try Expression(parsing: "-2") == .number(-2))
    #expect(try Expression(parsing: "-(2)") == .unary(.negate, .number(2)))
    #expect(
      try Expression(parsing: "a - b - c")
        == .binary(.subtract, .binary(.subtract, .symbol("a"), .symbol("b")), .symbol("c")))
    #expect(try Expression(parsing: "8/4/2").evaluate([:]) == 1)
    #expect(try Expression(parsing: "2^-1").evaluate([:]) == 0.5)
    #expect(try Expression(parsing: "-x*y") == .binary(.multiply, .unary(.negate, .symbol("x")), .symbol("y")))
    #expect(try Expression(parsing: ".5") == .number(0.5))
    #expect(try Expression(parsing: "1e-3") == .number(0.001))
    #expect(try Expression(parsing: "2.") == .number(2))
    #expect(try Expression(parsing: "  a\t+\nb ") == .binary(.add, .symbol("a"), .symbol("b")))
  }

  @Test func printingNumbers() {
    #expect(Expression.number(2).description == "2")
    #expect(Expression.number(0.1).description == "0.1")
    #expect(Expression.number(-2.5).description == "-2.5")
    #expect(Expression.binary(.add, .symbol("x"), .number(-2)).description == "x + (-2)")
    #expect(Expression.binary(.multiply, .number(-2), .symbol("x")).description == "-2*x")
    #expect(Expression.binary(.power, .number(-2), .symbol("x")).description == "(-2)^x")
    #expect(Expression.binary(.power, .symbol("x"), .number(-1)).description == "x^(-1)")
    #expect(
      Expression.binary(.add, .number(1), .binary(.multiply, .number(-0.2), .symbol("x"))).description == "1 + (-0.2*x)"
    )
    #expect(Expression.number(1e-5).description == "1e-05")
    #expect(Expression.number(1e20).description == "1e+20")
    #expect(Expression.number(123_456_789).description == "123456789")
  }

  @Test func substitutingAndRenaming() throws {
    let e = try Expression(parsing: "a + b*x")
    #expect(e.substituting(["a": -1.07, "b": 0.189]).description == "-1.07 + 0.189*x")
    #expect(e.renamingSymbols(["x": "AMI"]).description == "a + b*AMI")
    let round = try Expression(parsing: e.substituting(["a": -1.07, "b": -0.5]).description)
    #expect(round == e.substituting(["a": -1.07, "b": -0.5]))
  }

  struct BadFormula: Sendable, CustomStringConvertible {
    let text: String
    let position: Int
    let fragment: String
    var description: String { "'\(text)'" }
  }

  static let badFormulas = [
    BadFormula(text: "", position: 0, fragment: "empty"),
    BadFormula(text: "   ", position: 0, fragment: "empty"),
    BadFormula(text: "a +", position: 3, fragment: "the formula ends"),
    BadFormula(text: "sqrt(", position: 5, fragment: "the formula ends"),
    BadFormula(text: "a $ b", position: 2, fragment: "unexpected character '$'"),
    BadFormula(text: "()", position: 1, fragment: "found ')'"),
    BadFormula(text: "(a", position: 2, fragment: "missing ')'"),
    BadFormula(text: "a)", position: 1, fragment: "unmatched ')'"),
    BadFormula(text: "a b", position: 2, fragment: "expected an operator"),
    BadFormula(text: "2x", position: 1, fragment: "'*'"),
    BadFormula(text: "foo(x)", position: 0, fragment: "unknown function 'foo'"),
    BadFormula(text: "sqrt + 1", position: 5, fragment: "needs '('"),
    BadFormula(text: "1.2.3", position: 0, fragment: "malformed number '1.2.3'"),
    BadFormula(text: "1e", position: 0, fragment: "malformed number"),
    BadFormula(text: "1e999", position: 0, fragment: "out of range"),
    BadFormula(text: "a * * b", position: 4, fragment: "found '*'"),
    BadFormula(text: "sqrt(x", position: 6, fragment: "missing ')'"),
    BadFormula(text: "x é", position: 2, fragment: "unexpected character"),
  ]

  @Test("parse errors give a position and one line", arguments: badFormulas)
  func parseErrors(_ bad: BadFormula) {
    do {
      let e = try Expression(parsing: bad.text)
      Issue.record("parsed '\(bad.text)' as \(e)")
    } catch let error as ExpressionParseError {
      #expect(error.position == bad.position, "\(error)")
      #expect(error.message.contains(bad.fragment), "\(error)")
      #expect(!error.description.contains("\n"))
      #expect(error.description.contains("column \(bad.position + 1)"))
    } catch {
      Issue.record("unexpected error type \(error)")
    }
  }

  @Test func deepNestingIsAnErrorNotACrash() {
    let deep = String(repeating: "(", count: 10_000) + "x" + String(repeating: ")", count: 10_000)
    #expect(throws: ExpressionParseError.self) { try Expression(parsing: deep) }
    let minuses = String(repeating: "-", count: 10_000) + "x"
    #expect(throws: ExpressionParseError.self) { try Expression(parsing: minuses) }
    let ok = String(repeating: "(", count: 100) + "x" + String(repeating: ")", count: 100)
    #expect(throws: Never.self) { try Expression(parsing: ok) }
  }
}
