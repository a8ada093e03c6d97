/// A program with its training loss, as kept by the search.
public struct Candidate: Codable, Sendable, Hashable {
  public var program: Program
  public var loss: Double
  public init(program: Program, loss: Double) {
    self.program = program
    self.loss = loss
  }
}

/// Best candidates per complexity (lowest training loss), up to `perComplexity` distinct programs each.
public struct HallOfFame: Codable, Sendable, Equatable {
  public private(set) var entries: [Int: [Candidate]] = [:]
  public var perComplexity: Int
  /// How complexity is counted (the keys of `entries`).
  public var weights: ComplexityWeights

  public init(perComplexity: Int = 2, weights: ComplexityWeights = .unit) {
    self.perComplexity = perComplexity
    self.weights = weights
  }

  /// Offers a candidate; keeps it when it is among the best at its complexity.
  public mutating func consider(_ c: Candidate) {
    guard c.loss.isFinite else { return }
    let k = c.program.complexity(weights: weights)
    var list = entries[k] ?? []
    if list.count >= perComplexity, let worst = list.last, !(c.loss < worst.loss) { return }
    if list.contains(where: { $0.program == c.program }) { return }
    list.append(c)
    list.sort { $0.loss < $1.loss || ($0.loss == $1.loss && $0.program.nodes.count < $1.program.nodes.count) }
    if list.count > perComplexity { list.removeLast() }
    entries[k] = list
  }

  /// All candidates, ordered by complexity then loss.
  public var all: [Candidate] { entries.keys.sorted().flatMap { entries[$0] ?? [] } }

  /// The Pareto-optimal candidates (each strictly better than every simpler one).
  public var front: [Candidate] {
    var out: [Candidate] = []
    var best = Double.infinity
    for k in entries.keys.sorted() {
      guard let c = entries[k]?.first else { continue }
      if c.loss < best {
        out.append(c)
        best = c.loss
      }
    }
    return out
  }

  /// Lowest loss held.
  public var bestLoss: Double { entries.values.compactMap { $0.first?.loss }.min() ?? .infinity }
}
