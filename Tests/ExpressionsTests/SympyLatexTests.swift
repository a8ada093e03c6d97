import Expressions
import Testing

/// Golden strings. The sympy column was checked with sympy 1.14 (`sympify` parses each one and
/// gives the same value as `Expression.evaluate` at a test point).
@Suite("sympy and LaTeX printing")
struct SympyLatexTests {
  struct Golden: Sendable, CustomStringConvertible {
    let formula: String
    let sympy: String
    let latex: String
    var description: String { formula }
  }

  static let goldens: [Golden] = [
    Golden(
      formula: "a + b*sqrt(n) + c*log(T) - d/sqrt(n*T) + e*AMI^0.5",
      sympy: "a + b*sqrt(n) + c*log(T) - d/sqrt(n*T) + e*AMI**0.5",
      latex: #"a + b \sqrt{n} + c \log\left(T\right) - \frac{d}{\sqrt{n T}} + e \mathrm{AMI}^{0.5}"#),
    Golden(formula: "-x^2 + abs(y)", sympy: "-x**2 + Abs(y)", latex: #"-x^{2} + \left|y\right|"#),
    Golden(formula: "2**3**2", sympy: "2**3**2", latex: #"2^{3^{2}}"#),
    Golden(formula: "(-2)^x", sympy: "(-2)**x", latex: #"\left(-2\right)^{x}"#),
    Golden(formula: "x - (-2)", sympy: "x + 2", latex: #"x + 2"#),
    Golden(formula: "-(a+b)*c", sympy: "-(a + b)*c", latex: #"-\left(a + b\right) c"#),
    Golden(formula: "exp(-x/2)/(1 + y)", sympy: "exp(-x/2)/(1 + y)", latex: #"\frac{e^{\frac{-x}{2}}}{1 + y}"#),
    Golden(formula: "a + -0.2*x", sympy: "a - 0.2*x", latex: #"a - 0.2 x"#),
    Golden(
      formula: "1.23456789e-7*x + 1234567.8 - 0.000123", sympy: "1.23456789e-07*x + 1234567.8 - 0.000123",
      latex: #"1.23457 \times 10^{-7} x + 1.23457 \times 10^{6} - 0.000123"#),
    Golden(formula: "(a + b)^2", sympy: "(a + b)**2", latex: #"\left(a + b\right)^{2}"#),
    Golden(formula: "sqrt(x)^2", sympy: "sqrt(x)**2", latex: #"\left(\sqrt{x}\right)^{2}"#),
    Golden(
      formula: "alpha*n_tokens + 2*3", sympy: "alpha*n_tokens + 2*3", latex: #"\alpha \mathrm{n\_tokens} + 2 \cdot 3"#),
    Golden(formula: "a - (-b*c)", sympy: "a + b*c", latex: #"a + b c"#),
    Golden(formula: "(x*y)^(1/2)", sympy: "(x*y)**(1/2)", latex: #"\left(x y\right)^{\frac{1}{2}}"#),
    Golden(formula: "exp(x)^2", sympy: "exp(x)**2", latex: #"\left(e^{x}\right)^{2}"#),
    Golden(
      formula: "abs(x)^0.5*log(1 - x)", sympy: "Abs(x)**0.5*log(1 - x)",
      latex: #"\left|x\right|^{0.5} \log\left(1 - x\right)"#),
    Golden(formula: "x^-2", sympy: "x**(-2)", latex: #"x^{-2}"#),
    Golden(
      formula: "-0.405706 + 0.00585*sqrt(n) + 0.119303*sqrt(T) + 0.365449*sqrt(AMI)",
      sympy: "-0.405706 + 0.00585*sqrt(n) + 0.119303*sqrt(T) + 0.365449*sqrt(AMI)",
      latex: #"-0.405706 + 0.00585 \sqrt{n} + 0.119303 \sqrt{T} + 0.365449 \sqrt{\mathrm{AMI}}"#),
    Golden(formula: "1e-300*x + 123456", sympy: "1e-300*x + 123456", latex: #"10^{-300} x + 123456"#),
    Golden(formula: "2*x*3", sympy: "2*x*3", latex: #"2 x \cdot 3"#),
  ]

  @Test("sympy golden strings", arguments: goldens)
  func sympyGolden(_ golden: Golden) throws {
    #expect(try Expression(parsing: golden.formula).sympy() == golden.sympy)
  }

  @Test("LaTeX golden strings", arguments: goldens)
  func latexGolden(_ golden: Golden) throws {
    #expect(try Expression(parsing: golden.formula).latex() == golden.latex)
  }

  @Test func latexNumbers() {
    #expect(Expression.number(0.000123456789).latex() == "0.000123457")
    #expect(Expression.number(0.0000123456789).latex() == #"1.23457 \times 10^{-5}"#)
    #expect(Expression.number(999999.4).latex() == "999999")
    #expect(Expression.number(2_500_000).latex() == #"2.5 \times 10^{6}"#)
    #expect(Expression.number(-3).latex() == "-3")
    #expect(Expression.number(0).latex() == "0")
    #expect(Expression.number(1.5).latex() == "1.5")
  }

  @Test func sympyUsesPythonSpellings() throws {
    let e = try Expression(parsing: "abs(x)^2 + exp(y)")
    #expect(e.sympy() == "Abs(x)**2 + exp(y)")
    #expect(e.description == "abs(x)^2 + exp(y)")
  }

  @Test func readableSubtractsTermsWithALeadingMinus() throws {
    let e = try Expression(parsing: "a + b/(c + n)").substituting(["a": 0.81, "b": -3900, "c": 4700])
    #expect(e.description == "0.81 + (-3900/(4700 + n))")
    #expect(e.readable == "0.81 - 3900/(4700 + n)")
    let back = try Expression(parsing: e.readable)
    #expect(abs(back.evaluate(["n": 1000]) - e.evaluate(["n": 1000])) < 1e-12)
  }
}
