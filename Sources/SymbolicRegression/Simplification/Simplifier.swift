/// Algebraic simplification of programs and rounding of constants to short ("nice") values.
///
/// `simplify` folds constants, flattens and sorts sums and products, removes `x*1`, `x+0`, `x/x`, `x-x`,
/// merges like terms and powers of the same base, and pulls numbers out of `sqrt`, `log`, `exp`, `abs` and
/// products so that no two fitted constants are redundant (`a*(b*x + c)` becomes `a*x + b`). The result
/// evaluates to the same values wherever the original is defined.
public enum Simplifier {
  /// The simplified program (the input itself when it is invalid).
  public static func simplify(_ program: Program) -> Program {
    guard let canonical = Canonicalizer.canonical(program) else { return program }
    var nodes: [Node] = []
    Canonicalizer.emit(canonical, into: &nodes)
    let out = Program(nodes)
    return out.isValid ? out : program
  }

  /// Candidate short values for `v`, shortest first: small integers, then 1…4 significant digits.
  static func niceCandidates(_ v: Double) -> [Double] {
    guard v.isFinite, v != 0 else { return [] }
    var out: [Double] = [0]
    let r = v.rounded()
    if Swift.abs(r) <= 10 { out.append(r) }
    let exponent = SignificantDigits.exponent(v)
    for digits in 1...4 {
      let c = SignificantDigits.rounded(v, digits: digits, exponent: exponent)
      if !out.contains(c) { out.append(c) }
    }
    return out
  }

  /// Rounds each fitted constant to the shortest candidate whose loss stays within `(1 + tolerance)` of the
  /// starting loss (cumulatively). Constants that become 0, 1 or −1 turn into literals and the program is
  /// simplified again. Returns the program and its loss.
  public static func niceConstants(_ program: Program, evaluator: Evaluator, tolerance: Double) -> (
    program: Program, loss: Double
  ) {
    let base = evaluator.loss(program)
    guard base.isFinite, tolerance > 0 else { return (program, base) }
    let limit = base * (1 + tolerance) + 1e-300
    var current = program
    var currentLoss = base
    for i in current.nodes.indices where current.nodes[i].opcode == .constant {
      let v = current.nodes[i].value
      for c in niceCandidates(v) where c != v {
        var trial = current
        trial.nodes[i].value = c
        let l = evaluator.loss(trial)
        if l <= limit {
          current = trial
          currentLoss = l
          break
        }
      }
    }
    var changed = false
    for i in current.nodes.indices where current.nodes[i].opcode == .constant {
      let v = current.nodes[i].value
      if v == 0 || v == 1 || v == -1 {
        current.nodes[i] = .literal(v)
        changed = true
      }
    }
    if changed {
      let s = simplify(current)
      let l = evaluator.loss(s)
      if l <= limit { return (s, l) }
    }
    return (current, currentLoss)
  }
}
