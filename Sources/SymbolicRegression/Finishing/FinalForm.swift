import Statistics

/// The final pass every front member goes through after search and constant fitting.
///
/// 1. **Terms.** Every smaller relative of the program (a constant fixed to 0 or 1, an operand of `+`, `−`, `×`
///    or a numerator in place of its operation) is refitted; the smallest whose loss rises by less than
///    `dropStatistic` × the residual variance per degree of freedom (an F test of the dropped part) replaces the
///    program, and the search repeats until nothing more can go.
/// 2. **Constants.** Each constant in turn is fixed to the shortest decimal near it (0, then 1, 2, … significant
///    digits) that the data do not reject: with it held and the other constants refitted, the loss rises by at most
///    the `roundingLevel` quantile of χ²(1) residual variances per degree of freedom (a likelihood-ratio test; at
///    0.95 the value lies inside its 95% profile interval), and the rise over the m constants fixed so far stays
///    below the χ²(m) quantile (a joint test against the unrounded fit). So `0.8994 - 1800/(2007 + n)` fitted on
///    noisy rows finishes as `0.9 - 1800/(2000 + n)` when the data allow it, and keeps its digits when they do not.
///    Constants that become 0 or ±1 turn into literals and the program is simplified; the others stay constants
///    (they were estimated from the data), at their short values.
/// Both steps also accept changes within a floating-point floor (`relativeFloor` × the mean squared target), so
/// exact fits lose their zero terms (`2e-16*sqrt(AMI)`) and print `0.9`, not `0.9000000000000007`.
public struct FinalForm: Sendable {
  /// F statistic below which a term is dropped (about the 5% point of an F(1, ∞) test).
  public var dropStatistic = 4.0
  /// Level of the likelihood-ratio tests that accept a short value (0 turns the statistical allowance off).
  public var roundingLevel = 0.95
  /// Additional relative loss increase allowed for rounding (`--nice-tolerance`; 0 turns rounding off).
  public var niceTolerance = 1e-4
  /// Floor of accepted loss changes relative to the mean squared target (floating-point noise).
  public var relativeFloor = 1e-20
  public var weights: ComplexityWeights = .unit
  /// Units every result must respect (nil: none).
  public var units: UnitSystem?

  public init() {}

  /// The finished program and its loss on the evaluator's rows.
  public func finish(_ program: Program, evaluator: Evaluator, optimizer: ConstantOptimizer) -> (
    program: Program, loss: Double
  ) {
    let data = evaluator.data
    let meanSquare = data.targetVariance + data.targetMean * data.targetMean
    let floor = relativeFloor * max(meanSquare, 1e-300)
    var current = program
    var loss = evaluator.loss(program)
    guard loss.isFinite else { return (program, loss) }
    while let smaller = dropOneTerm(current, loss: loss, floor: floor, evaluator: evaluator, optimizer: optimizer) {
      (current, loss) = smaller
    }
    if niceTolerance > 0 {
      (current, loss) = roundConstants(current, loss: loss, floor: floor, evaluator: evaluator, optimizer: optimizer)
    }
    return (current, loss)
  }

  /// Residual variance per degree of freedom (loss units).
  func perDegree(_ loss: Double, program: Program, rows: Int) -> Double {
    loss / Double(max(1, rows - program.constantIndices.count))
  }

  /// The smallest acceptable relative with one part dropped, or nil.
  func dropOneTerm(
    _ p: Program, loss: Double, floor: Double, evaluator: Evaluator,
    optimizer: ConstantOptimizer
  ) -> (Program, Double)? {
    let limit = loss + max(dropStatistic * perDegree(loss, program: p, rows: evaluator.data.rowCount), floor)
    let size = p.complexity(weights: weights)
    var best: (program: Program, loss: Double, size: Int)?
    for v in Self.smallerRelatives(p) {
      let s = Simplifier.simplify(v)
      let vs = s.complexity(weights: weights)
      guard s.isValid, vs < size, s.constantIndices.count <= p.constantIndices.count,
        units?.isConsistent(s) ?? true
      else { continue }
      if let b = best, vs > b.size { continue }
      let (q, l) = s.constantIndices.isEmpty ? (s, evaluator.loss(s)) : optimizer.optimize(s, with: evaluator)
      guard l.isFinite, l <= limit else { continue }
      if let b = best, vs == b.size, l >= b.loss { continue }
      best = (q, l, vs)
    }
    return best.map { ($0.program, $0.loss) }
  }

  /// Every program with one constant fixed to 0 or 1, or one binary operation replaced by an operand.
  static func smallerRelatives(_ p: Program) -> [Program] {
    var out: [Program] = []
    for i in p.nodes.indices {
      let node = p.nodes[i]
      switch node.opcode {
      case .constant:
        for v in [0.0, 1.0] {
          var q = p
          q.nodes[i] = .literal(v)
          out.append(q)
        }
      case .add, .subtract, .multiply, .divide:
        let rightStart = p.subtreeStart(i - 1)
        let right = Array(p.nodes[rightStart..<i])
        let left = Array(p.nodes[p.subtreeStart(rightStart - 1)..<rightStart])
        out.append(p.replacingSubtree(endingAt: i, with: left))
        switch node.opcode {
        case .add, .multiply: out.append(p.replacingSubtree(endingAt: i, with: right))
        case .subtract: out.append(p.replacingSubtree(endingAt: i, with: right + [.op(.negate)]))
        default: break
        }
      default:
        break
      }
    }
    return out
  }

  /// Fixes constants to short values (the others refitted each time), then folds 0 and ±1 into literals.
  func roundConstants(
    _ p: Program, loss: Double, floor: Double, evaluator: Evaluator,
    optimizer: ConstantOptimizer
  ) -> (Program, Double) {
    let unit = perDegree(loss, program: p, rows: evaluator.data.rowCount)
    func allowance(_ m: Int) -> Double {
      let q =
        roundingLevel > 0 ? ParameterInference.chiSquaredQuantile(roundingLevel, degreesOfFreedom: Double(m)) ?? 0 : 0
      return max(q * unit, niceTolerance * loss, floor)
    }
    let step = allowance(1)
    var current = p
    var currentLoss = loss
    var fixed: [Int] = []
    for i in p.nodes.indices where p.nodes[i].opcode == .constant {
      let v = current.nodes[i].value
      let limit = loss + allowance(fixed.count + 1)
      for c in Self.shortCandidates(v) where c != v {
        var trial = current
        trial.nodes[i] = .literal(c)
        var l = evaluator.loss(trial)
        if !(l <= currentLoss + step), !trial.constantIndices.isEmpty {
          (trial, l) = optimizer.optimize(trial, with: evaluator)
        }
        if l.isFinite, l <= currentLoss + step, l <= limit {
          (current, currentLoss) = (trial, l)
          fixed.append(i)
          break
        }
      }
    }
    let limit = loss + allowance(max(1, fixed.count))
    // Fixed values go back to being constants (they were estimated); 0 and ±1 fold into the formula if the
    // simplified result keeps the loss within the joint allowance.
    var restored = current
    for i in fixed { restored.nodes[i] = .constant(current.nodes[i].value) }
    var folded = restored
    var changed = false
    for i in fixed where [0, 1, -1].contains(current.nodes[i].value) {
      folded.nodes[i] = .literal(current.nodes[i].value)
      changed = true
    }
    if changed {
      let s = Simplifier.simplify(folded)
      let l = evaluator.loss(s)
      if l.isFinite, l <= limit, units?.isConsistent(s) ?? true { return (s, l) }
    }
    return (restored, currentLoss)
  }

  /// Short values near `v`, shortest first: 0, then 1 to 15 significant digits (the nearest integer is among
  /// them, at its own length: 2007.3 tries 2000 before 2007).
  public static func shortCandidates(_ v: Double) -> [Double] {
    guard v.isFinite, v != 0 else { return [] }
    var out: [Double] = [0]
    let exponent = SignificantDigits.exponent(v)
    for digits in 1...15 {
      let c = SignificantDigits.rounded(v, digits: digits, exponent: exponent)
      if c.isFinite, !out.contains(c) { out.append(c) }
    }
    return out
  }
}
