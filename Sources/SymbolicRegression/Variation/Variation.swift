import Support

/// Random program generation, mutation and crossover. Every operator returns a valid program within the
/// complexity and depth limits, or nil when it could not (the caller then tries again or keeps the parent).
public struct Variation: Sendable {
  public var featureCount: Int
  public var operators: OperatorSet
  public var maxComplexity: Int
  public var maxDepth: Int
  /// Unit constraint (programs violating it get an infinite loss).
  public var units: UnitSystem?
  /// Probability that a new leaf is a constant rather than a feature.
  public var constantProbability: Double = 0.35
  /// How complexity is counted against `maxComplexity`.
  public var complexityWeights: ComplexityWeights = .unit

  public init(featureCount: Int, operators: OperatorSet, maxComplexity: Int, maxDepth: Int) {
    self.featureCount = featureCount
    self.operators = operators
    self.maxComplexity = maxComplexity
    self.maxDepth = maxDepth
  }

  /// The kinds of mutation (a program is changed by exactly one).
  public enum Mutation: CaseIterable, Sendable {
    case point, subtree, insert, delete, hoist, jitter
  }

  func fits(_ p: Program) -> Bool {
    p.complexity(weights: complexityWeights) <= maxComplexity && p.depth <= maxDepth && p.isValid
  }

  /// A random leaf.
  public func randomLeaf(_ rng: inout SeededGenerator) -> Node {
    if featureCount == 0 || rng.nextBool(probability: constantProbability) {
      return .constant(randomConstant(&rng))
    }
    return .variable(rng.nextInt(below: featureCount))
  }

  func randomConstant(_ rng: inout SeededGenerator) -> Double {
    let v = rng.nextNormal()
    return rng.nextBool(probability: 0.5) ? v : v * 3
  }

  func randomUnary(_ rng: inout SeededGenerator) -> Node? {
    guard !operators.unary.isEmpty else { return nil }
    let op = operators.unary[rng.nextInt(below: operators.unary.count)]
    if op == .power {
      let e = operators.exponents.isEmpty ? 2 : operators.exponents[rng.nextInt(below: operators.exponents.count)]
      return .power(e)
    }
    return .op(op)
  }

  /// A random program with about `size` complexity ("grow" method).
  public func randomProgram(size: Int, _ rng: inout SeededGenerator) -> Program {
    var nodes: [Node] = []
    grow(budget: max(1, size), depth: 1, into: &nodes, &rng)
    let p = Program(nodes)
    return fits(p) ? p : Program([randomLeaf(&rng)])
  }

  private func grow(budget: Int, depth: Int, into nodes: inout [Node], _ rng: inout SeededGenerator) {
    if budget <= 1 || depth >= maxDepth {
      nodes.append(randomLeaf(&rng))
      return
    }
    let useUnary = !operators.unary.isEmpty && (budget == 2 || rng.nextBool(probability: 0.25))
    if useUnary, let u = randomUnary(&rng) {
      let rest = budget - complexityWeights.weight(of: u.opcode)
      grow(budget: max(1, rest), depth: depth + 1, into: &nodes, &rng)
      nodes.append(u)
      return
    }
    let rest = budget - 1
    let left = 1 + rng.nextInt(below: max(1, rest - 1))
    grow(budget: left, depth: depth + 1, into: &nodes, &rng)
    grow(budget: max(1, rest - left), depth: depth + 1, into: &nodes, &rng)
    nodes.append(.op(operators.binary[rng.nextInt(below: operators.binary.count)]))
  }

  /// Applies one mutation chosen with the default weights.
  public func mutate(_ parent: Program, _ rng: inout SeededGenerator) -> Program? {
    let r = rng.nextDouble()
    let kind: Mutation
    switch r {
    case ..<0.25: kind = .point
    case ..<0.45: kind = .subtree
    case ..<0.65: kind = .insert
    case ..<0.80: kind = .delete
    case ..<0.85: kind = .hoist
    default: kind = .jitter
    }
    return mutate(parent, kind: kind, &rng)
  }

  /// Applies the given mutation.
  public func mutate(_ parent: Program, kind: Mutation, _ rng: inout SeededGenerator) -> Program? {
    let n = parent.count
    guard n > 0 else { return nil }
    var child = parent
    switch kind {
    case .point:
      let i = rng.nextInt(below: n)
      let node = parent.nodes[i]
      switch node.opcode.arity {
      case 0:
        child.nodes[i] = randomLeaf(&rng)
      case 1:
        guard let u = randomUnary(&rng) else { return nil }
        child.nodes[i] = u
      default:
        child.nodes[i] = .op(operators.binary[rng.nextInt(below: operators.binary.count)])
      }
    case .subtree:
      let i = rng.nextInt(below: n)
      let room =
        maxComplexity - parent.complexity(weights: complexityWeights)
        + parent.subtree(endingAt: i).complexity(weights: complexityWeights)
      let size = 1 + rng.nextInt(below: max(1, min(7, room)))
      child = parent.replacingSubtree(endingAt: i, with: randomProgram(size: size, &rng).nodes)
    case .insert:
      let i = rng.nextInt(below: n)
      let sub = parent.subtree(endingAt: i).nodes
      var replacement: [Node]
      if rng.nextBool(probability: 0.4), let u = randomUnary(&rng) {
        replacement = sub + [u]
      } else {
        let leaf = randomLeaf(&rng)
        let op = Node.op(operators.binary[rng.nextInt(below: operators.binary.count)])
        replacement = rng.nextBool(probability: 0.5) ? sub + [leaf, op] : [leaf] + sub + [op]
      }
      child = parent.replacingSubtree(endingAt: i, with: replacement)
    case .delete:
      let ops = parent.nodes.indices.filter { parent.nodes[$0].opcode.arity > 0 }
      guard !ops.isEmpty else { return nil }
      let i = ops[rng.nextInt(below: ops.count)]
      let keep: Program
      if parent.nodes[i].opcode.arity == 1 {
        keep = parent.subtree(endingAt: i - 1)
      } else {
        let rightEnd = i - 1
        let leftEnd = parent.subtreeStart(rightEnd) - 1
        keep = parent.subtree(endingAt: rng.nextBool(probability: 0.5) ? leftEnd : rightEnd)
      }
      child = parent.replacingSubtree(endingAt: i, with: keep.nodes)
    case .hoist:
      let ops = parent.nodes.indices.filter { parent.nodes[$0].opcode.arity > 0 && $0 != n - 1 }
      guard !ops.isEmpty else { return nil }
      child = parent.subtree(endingAt: ops[rng.nextInt(below: ops.count)])
    case .jitter:
      let cs = parent.constantIndices
      guard !cs.isEmpty else { return mutate(parent, kind: .point, &rng) }
      let i = cs[rng.nextInt(below: cs.count)]
      let v = parent.nodes[i].value
      child.nodes[i].value =
        rng.nextBool(probability: 0.1) ? -v : v * (1 + 0.2 * rng.nextNormal()) + 0.01 * rng.nextNormal()
    }
    return fits(child) ? child : nil
  }

  /// Subtree crossover: a random subtree of `a` replaced by a random subtree of `b`.
  public func crossover(_ a: Program, _ b: Program, _ rng: inout SeededGenerator) -> Program? {
    guard a.count > 0, b.count > 0 else { return nil }
    let i = rng.nextInt(below: a.count)
    let j = rng.nextInt(below: b.count)
    let child = a.replacingSubtree(endingAt: i, with: b.subtree(endingAt: j).nodes)
    return fits(child) ? child : nil
  }
}
