import Expressions
import Support
import Testing

/// Seeded random trees: printing and parsing must agree on every shape, not just hand-picked ones.
@Suite("Random expression trees")
struct RandomTreeTests {
  static let numbers: [Double] = [0, 1, -1, 2, 0.5, -2.5, 3, 1e-5, -1e20, 0.1, 7.25, -0.0]
  static let names = ["a", "b", "x", "AMI", "n_1"]

  static func randomTree(_ random: inout SplitMix64, depth: Int) -> Expression {
    let choice = depth <= 0 ? random.next() % 2 : random.next() % 10
    switch choice {
    case 0:
      return .number(numbers[Int(random.next() % UInt64(numbers.count))])
    case 1:
      return .symbol(names[Int(random.next() % UInt64(names.count))])
    case 2, 3:
      let function = UnaryFunction.allCases[Int(random.next() % UInt64(UnaryFunction.allCases.count))]
      return .unary(function, randomTree(&random, depth: depth - 1))
    default:
      let op = BinaryOperator.allCases[Int(random.next() % UInt64(BinaryOperator.allCases.count))]
      return .binary(op, randomTree(&random, depth: depth - 1), randomTree(&random, depth: depth - 1))
    }
  }

  static func sameValue(_ a: Double, _ b: Double) -> Bool {
    if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
    if a == b { return true }
    return (a - b).magnitude <= 1e-9 * Swift.max(a.magnitude, b.magnitude)
  }

  @Test func printedTreesParseBackEqual() throws {
    var random = SplitMix64(seed: 42)
    for _ in 0..<3000 {
      let tree = Self.randomTree(&random, depth: 5)
      let text = tree.description
      let parsed = try Expression(parsing: text)
      #expect(parsed == tree, "\(text)")
      if parsed != tree { return }
    }
  }

  @Test func sympyTextHasTheSameValue() throws {
    var random = SplitMix64(seed: 43)
    let point: [String: Double] = ["a": 1.3, "b": -0.7, "x": 2.1, "AMI": 0.4, "n_1": 5]
    for _ in 0..<3000 {
      let tree = Self.randomTree(&random, depth: 5)
      // Our parser reads sympy text once `Abs` is spelled `abs`.
      let text = tree.sympy().replacingAbs()
      let parsed: Expression
      do {
        parsed = try Expression(parsing: text)
      } catch {
        Issue.record("\(tree.description) -> \(text): \(error)")
        return
      }
      let expected = tree.evaluate(point)
      let actual = parsed.evaluate(point)
      #expect(Self.sameValue(expected, actual), "\(tree.description) -> \(text): \(expected) vs \(actual)")
    }
  }

  @Test func latexNeverCrashesAndBalancesBraces() {
    var random = SplitMix64(seed: 44)
    for _ in 0..<1000 {
      let tree = Self.randomTree(&random, depth: 5)
      let latex = tree.latex()
      let open = latex.filter { $0 == "{" }.count
      let close = latex.filter { $0 == "}" }.count
      #expect(open == close, "\(latex)")
      #expect(latex.occurrences(of: "\\left") == latex.occurrences(of: "\\right"), "\(latex)")
    }
  }
}

extension String {
  func occurrences(of needle: String) -> Int {
    var count = 0
    var rest = Substring(self)
    while let range = rest.range(of: needle) {
      count += 1
      rest = rest[range.upperBound...]
    }
    return count
  }

  func replacingAbs() -> String {
    var out = ""
    var rest = Substring(self)
    while let range = rest.range(of: "Abs(") {
      out += rest[..<range.lowerBound]
      out += "abs("
      rest = rest[range.upperBound...]
    }
    out += rest
    return out
  }
}
