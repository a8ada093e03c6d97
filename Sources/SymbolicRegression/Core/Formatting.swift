extension Program {
  /// Infix text of the program in the project's formula syntax (`^` for powers), with minimal parentheses.
  ///
  /// Feature `i` prints as `featureNames[i]` (or `x<i>`). Fitted constants print as their value, or as
  /// `constantNames[k]` for the k-th constant when names are given; literals print as numbers.
  public func formula(featureNames: [String] = [], constantNames: [String]? = nil, digits: Int = 6) -> String {
    // precedence: 1 sum, 2 product, 3 unary minus, 4 power, 5 atom
    var stack: [(text: String, precedence: Int)] = []
    var k = 0
    func number(_ v: Double) -> (String, Int) {
      let s = Self.formatNumber(v, digits: digits)
      return (s, v < 0 ? 3 : 5)
    }
    for node in nodes {
      switch node.opcode {
      case .constant:
        if let names = constantNames, k < names.count {
          stack.append((names[k], 5))
        } else {
          stack.append(number(node.value))
        }
        k += 1
      case .literal:
        stack.append(number(node.value))
      case .variable:
        let i = Int(node.feature)
        stack.append((i < featureNames.count ? featureNames[i] : "x\(i)", 5))
      case .add, .subtract:
        guard stack.count >= 2 else { return "<invalid>" }
        let b = stack.removeLast()
        let a = stack.removeLast()
        var op = node.opcode == .add ? " + " : " - "
        var right = (b.precedence <= 1 || (b.precedence == 3 && node.opcode == .subtract)) ? "(\(b.text))" : b.text
        if node.opcode == .add, right.hasPrefix("-") {
          op = " - "
          right.removeFirst()
        }
        stack.append((a.text + op + right, 1))
      case .multiply, .divide:
        guard stack.count >= 2 else { return "<invalid>" }
        let b = stack.removeLast()
        let a = stack.removeLast()
        let left = a.precedence < 2 ? "(\(a.text))" : a.text
        let right = b.precedence <= 3 ? "(\(b.text))" : b.text
        let rightMul = b.precedence < 2 || b.precedence == 3 ? "(\(b.text))" : b.text
        stack.append(node.opcode == .multiply ? (left + "*" + rightMul, 2) : (left + "/" + right, 2))
      case .negate:
        guard let a = stack.popLast() else { return "<invalid>" }
        stack.append(("-" + (a.precedence < 4 ? "(\(a.text))" : a.text), 3))
      case .square, .power:
        guard let a = stack.popLast() else { return "<invalid>" }
        let e = node.opcode == .square ? 2 : node.value
        let base = a.precedence < 5 ? "(\(a.text))" : a.text
        let exponent =
          e < 0 || e != e.rounded() ? "(\(Self.formatNumber(e, digits: digits)))" : Self.formatNumber(e, digits: digits)
        stack.append((base + "^" + exponent, 4))
      case .sqrt, .log, .exp, .abs:
        guard let a = stack.popLast() else { return "<invalid>" }
        stack.append(("\(node.opcode.operatorName)(\(a.text))", 5))
      }
    }
    return stack.count == 1 ? stack[0].text : "<invalid>"
  }

  /// Shortest decimal text of `v` with at most `digits` significant digits.
  static func formatNumber(_ v: Double, digits: Int) -> String {
    if v == v.rounded(), Swift.abs(v) < 1e15 { return String(Int64(v)) }
    var best = "\(v)"
    for d in 1...max(1, digits) {
      let scale = _pow(10, Double(d - 1) - (_log(Swift.abs(v)) / _log(10)).rounded(.down))
      let r = (v * scale).rounded() / scale
      if Swift.abs(r - v) <= Swift.abs(v) * _pow(10, Double(-digits)) || d == digits {
        best = "\(r)"
        break
      }
    }
    if best.hasSuffix(".0") { best.removeLast(2) }
    return best
  }

  /// Names used for fitted constants: a, b, c, … z, then c26, c27, …
  public static func constantName(_ k: Int) -> String {
    let letters = Array("abcdefghijklmnopqrstuvwxyz")
    return k < letters.count ? String(letters[k]) : "c\(k)"
  }
}
