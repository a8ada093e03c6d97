import Foundation

extension Expression {
  /// The formula as LaTeX math (without `$`): `\sqrt{x}`, `\log\left(x\right)`, `e^{x}`,
  /// `\frac{a}{b}`, `x^{p}`, `\left|x\right|`; products are juxtaposed (`b \sqrt{n}`) with
  /// `\cdot` before a number. Numbers have 6 significant digits, with `\times 10^{k}` below
  /// 1e-4 or from 1e6 on in magnitude. Multi-letter names are set upright (`\mathrm{AMI}`),
  /// Greek letter names become letters (`alpha` -> `\alpha`).
  public func latex() -> String {
    latexText()
  }

  private func latexText() -> String {
    switch self {
    case .number(let value):
      return LatexFormatting.number(value)
    case .symbol(let name):
      return LatexFormatting.symbol(name)
    case .unary(let function, let operand):
      let inner = operand.latexText()
      switch function {
      case .negate:
        switch operand.latexGroup {
        case .sum, .negative: return "-\\left(\(inner)\\right)"
        default: return "-" + inner
        }
      case .sqrt: return "\\sqrt{\(inner)}"
      case .log: return "\\log\\left(\(inner)\\right)"
      case .exp: return "e^{\(inner)}"
      case .abs: return "\\left|\(inner)\\right|"
      }
    case .binary(let op, let left, let right):
      switch op {
      case .add, .subtract:
        let l = left.latexText()
        var r = right.latexText()
        if right.latexGroup == .sum {
          r = "\\left(\(r)\\right)"
          return l + (op == .add ? " + " : " - ") + r
        }
        if r.hasPrefix("-") {
          // a + (-b c) reads a - b c; a - (-b c) reads a + b c.
          r.removeFirst()
          return l + (op == .add ? " - " : " + ") + r
        }
        return l + (op == .add ? " + " : " - ") + r
      case .multiply:
        var l = left.latexText()
        if left.latexGroup == .sum { l = "\\left(\(l)\\right)" }
        var r = right.latexText()
        if right.latexGroup == .sum || right.latexGroup == .negative {
          r = "\\left(\(r)\\right)"
        }
        if let first = r.first, first.isNumber || first == "." {
          return l + " \\cdot " + r
        }
        return l + " " + r
      case .divide:
        return "\\frac{\(left.latexText())}{\(right.latexText())}"
      case .power:
        var base = left.latexText()
        if left.latexGroup != .atom { base = "\\left(\(base)\\right)" }
        return "\(base)^{\(right.latexText())}"
      }
    }
  }

  /// Grouping classes for LaTeX parentheses.
  private enum LatexGroup { case sum, product, negative, atom, other }

  private var latexGroup: LatexGroup {
    switch self {
    case .number(let value):
      return NumberFormatting.isNegative(value) || LatexFormatting.number(value).contains("times") ? .negative : .atom
    case .symbol:
      return .atom
    case .unary(let function, _):
      switch function {
      case .negate: return .negative
      case .abs: return .atom
      default: return .other
      }
    case .binary(let op, let left, _):
      switch op {
      case .add, .subtract: return .sum
      case .multiply: return left.latexGroup == .negative ? .negative : .product
      case .divide: return .product
      case .power: return .other
      }
    }
  }
}

/// Number and name formatting for LaTeX.
enum LatexFormatting {
  static let greek: Set<String> = [
    "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa",
    "lambda", "mu", "nu", "xi", "pi", "rho", "sigma", "tau", "upsilon", "phi", "chi", "psi",
    "omega", "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi", "Psi", "Omega",
  ]

  static func symbol(_ name: String) -> String {
    if greek.contains(name) { return "\\" + name }
    if name.count == 1 { return name }
    let escaped = name.replacingOccurrences(of: "_", with: "\\_")
    return "\\mathrm{\(escaped)}"
  }

  /// Six significant digits; `m \times 10^{k}` when |value| < 1e-4 or >= 1e6.
  static func number(_ value: Double) -> String {
    if value.isNaN { return "\\mathrm{NaN}" }
    if value.isInfinite { return value < 0 ? "-\\infty" : "\\infty" }
    if value == 0 { return "0" }
    let scientific = String(format: "%.5e", value)  // e.g. -1.23457e-05
    guard let eIndex = scientific.firstIndex(of: "e"),
      let exponent = Int(scientific[scientific.index(after: eIndex)...])
    else {
      return NumberFormatting.shortest(value)
    }
    if exponent < -4 || exponent >= 6 {
      let mantissa = trimZeros(String(scientific[..<eIndex]))
      return mantissa == "1"
        ? "10^{\(exponent)}"
        : mantissa == "-1"
          ? "-10^{\(exponent)}"
          : "\(mantissa) \\times 10^{\(exponent)}"
    }
    let decimals = Swift.max(0, 5 - exponent)
    return trimZeros(String(format: "%.\(decimals)f", value))
  }

  private static func trimZeros(_ text: String) -> String {
    guard text.contains(".") else { return text }
    var t = text
    while t.hasSuffix("0") { t.removeLast() }
    if t.hasSuffix(".") { t.removeLast() }
    return t
  }
}
