import Expressions
import Support
import Testing

@Suite("Derivatives")
struct DerivativeTests {
  /// Formulas, with the domain from which every symbol is drawn.
  static let formulas = [
    "a + b*sqrt(n) + c*log(T) - d/sqrt(n*T) + e*AMI^0.5",
    "a*exp(-b*n)",
    "a*n^b",
    "b^n + a",
    "n^(a*T)",
    "sqrt(a*n + b)",
    "log(a + b*n^2)",
    "abs(a - n)*b",
    "-(a*n)^2",
    "a/(b + n)",
    "(a + n)/(b*T)",
    "exp(a)*log(b)/n",
    "(n*T)^(-0.5)*c",
    "a - (b - c*n)*-2",
    "2^a^b",
    "abs(sin_free - a)^1.5",
    // NIST StRD nonlinear models (x is the variable; b1..b7 the constants).
    "b1*(b2 + x)^(-1/b3)",
    "b1/((1 + exp(b2 - b3*x))^(1/b4))",
    "b1/(1 + exp(b2 - b3*x))",
    "(b1/b2)*exp(-0.5*((x - b3)/b2)^2)",
    "b1*(x^2 + x*b2)/(x^2 + x*b3 + b4)",
    "b1*exp(b2/(x + b3))",
    "(b1 + b2*x + b3*x**2 + b4*x**3)/(1 + b5*x + b6*x**2 + b7*x**3)",
    "b1*x^b2",
    "exp(-b1*x)/(b2 + b3*x)",
    "b1*exp(-b2*x) + b3*exp(-b4*x) + b5*exp(-b6*x)",
    "b1*(1 - exp(-b2*x))",
  ]

  @Test("derivative agrees with central finite differences", arguments: formulas)
  func matchesFiniteDifferences(_ text: String) throws {
    let e = try Expression(parsing: text)
    var random = SplitMix64(seed: 2026)
    for _ in 0..<20 {
      var point: [String: Double] = [:]
      for name in e.orderedSymbols { point[name] = random.uniform(0.5...2.5) }
      for name in e.orderedSymbols {
        let d = e.derivative(withRespectTo: name)
        let exact = d.evaluate(point)
        let x = point[name] ?? 0
        let h = 1e-5 * Swift.max(1, x.magnitude)
        var plus = point
        var minus = point
        plus[name] = x + h
        minus[name] = x - h
        let numeric = (e.evaluate(plus) - e.evaluate(minus)) / (2 * h)
        let scale = Swift.max(1, exact.magnitude)
        #expect(
          (exact - numeric).magnitude / scale < 1e-6,
          "d/d\(name) of \(text) = \(d) at \(point): exact \(exact), numeric \(numeric)")
      }
    }
  }

  @Test func simpleDerivativesAreSimplified() throws {
    func d(_ text: String, _ name: String) throws -> String {
      try Expression(parsing: text).derivative(withRespectTo: name).description
    }
    #expect(try d("a + b*x", "a") == "1")
    #expect(try d("a + b*x", "b") == "x")
    #expect(try d("a + b*x", "x") == "b")
    #expect(try d("a + b*x", "z") == "0")
    #expect(try d("x^3", "x") == "3*x^2")
    #expect(try d("x^2", "x") == "2*x")
    #expect(try d("sqrt(x)", "x") == "1/(2*sqrt(x))")
    #expect(try d("log(x)", "x") == "1/x")
    #expect(try d("exp(x)", "x") == "exp(x)")
    #expect(try d("c - x", "x") == "-1")
    #expect(try d("abs(x)", "x") == "x/abs(x)")
    #expect(try d("e*AMI^0.5", "e") == "AMI^0.5")
    #expect(try d("d/sqrt(n*T)", "d") == "1/sqrt(n*T)")
    #expect(try d("2^x", "x") == "2^x*log(2)")
  }

  @Test func derivativeOfVariableExponent() throws {
    let e = try Expression(parsing: "x^x")
    let d = e.derivative(withRespectTo: "x")
    // d x^x = x^x (log x + 1)
    let x = 1.7
    let expected = Foundation_pow(x, x) * (Foundation_log(x) + 1)
    #expect((d.evaluate(["x": x]) - expected).magnitude < 1e-12)
  }

  @Test func simplifiedFoldsLightly() throws {
    #expect(try Expression(parsing: "x*1 + 0 + 2*3").simplified().description == "x + 6")
    #expect(try Expression(parsing: "0 - x^1").simplified().description == "-x")
    #expect(try Expression(parsing: "x*0 + y/1").simplified().description == "y")
    #expect(try Expression(parsing: "log(0)").simplified().description == "log(0)")
  }
}

private func Foundation_pow(_ a: Double, _ b: Double) -> Double {
  Expression.binary(.power, .number(a), .number(b)).evaluate([:])
}

private func Foundation_log(_ a: Double) -> Double {
  Expression.unary(.log, .number(a)).evaluate([:])
}
