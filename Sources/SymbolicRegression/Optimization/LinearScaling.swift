/// Linear scaling of candidates: `f` becomes `c0 + c1*f` with `c0`, `c1` set by weighted least squares.
public enum LinearScaling {
  /// True when the program already has the form `c0 + c1*(…)` with two fitted constants.
  public static func isScaled(_ p: Program) -> Bool {
    let n = p.count
    guard n >= 5, p.nodes[n - 1].opcode == .add, p.nodes[n - 2].opcode == .multiply,
      p.nodes[0].opcode == .constant, p.nodes[1].opcode == .constant
    else { return false }
    return p.subtreeStart(n - 2) == 1
  }

  /// Wraps `p` as `c0 + c1*p` with the least-squares `c0`, `c1` (nil when `p` is invalid on the data,
  /// constant, or the result would exceed `maxComplexity` counted with `weights`).
  public static func scaled(
    _ p: Program, with evaluator: Evaluator, maxComplexity: Int,
    weights: ComplexityWeights = .unit
  ) -> Program? {
    guard p.complexity(weights: weights) + weights.linearScalingCost <= maxComplexity,
      let f = evaluator.predict(p)
    else { return nil }
    let d = evaluator.data
    var sw = 0.0
    var sf = 0.0
    var sy = 0.0
    for i in 0..<d.rowCount {
      sw += d.weights[i]
      sf += d.weights[i] * f[i]
      sy += d.weights[i] * d.target[i]
    }
    guard sw > 0 else { return nil }
    let mf = sf / sw
    let my = sy / sw
    var sff = 0.0
    var sfy = 0.0
    for i in 0..<d.rowCount {
      sff += d.weights[i] * (f[i] - mf) * (f[i] - mf)
      sfy += d.weights[i] * (f[i] - mf) * (d.target[i] - my)
    }
    guard sff > 0, sff.isFinite, sfy.isFinite else { return nil }
    let slope = sfy / sff
    let intercept = my - slope * mf
    return Program([.constant(intercept), .constant(slope)] + p.nodes + [.op(.multiply), .op(.add)])
  }
}
