import Support
import SymbolicRegression
import Testing

/// A fast subset of the recovery suite (benchmarks/run-recovery.sh): four of its laws, noise-free, 300 rows, a fixed
/// evaluation budget and one thread. A law counts as recovered when the selected formula is the true structure:
/// at most the truth's node count and exact on held-out rows (R² test ≥ 1 − 1e-9).
struct RecoveryLaw: Sendable, CustomStringConvertible {
  let name: String
  let complexity: Int
  let features: [String]
  let ranges: [ClosedRange<Double>]
  let law: @Sendable ([Double]) -> Double
  var description: String { name }

  func problem(seed: UInt64, rows: Int = 300) -> SearchProblem {
    var rng = SeededGenerator(seed: seed, stream: 7)
    var columns = [[Double]](repeating: [], count: features.count)
    var y: [Double] = []
    for _ in 0..<rows {
      let x = ranges.map { $0.lowerBound + ($0.upperBound - $0.lowerBound) * rng.nextDouble() }
      for i in x.indices { columns[i].append(x[i]) }
      y.append(law(x))
    }
    return SearchProblem(featureNames: features, columns: columns, target: y)
  }
}

let recoverySubset: [RecoveryLaw] = [
  RecoveryLaw(
    name: "0.7 + 2/sqrt(n) + 0.15*sqrt(AMI)", complexity: 11, features: ["T", "n", "AMI"],
    ranges: [1...10, 500...50000, 0.01...0.9]
  ) { 0.7 + 2 / $0[1].squareRoot() + 0.15 * $0[2].squareRoot() },
  RecoveryLaw(
    name: "0.5 + 0.05*log(n) + 0.02*T*AMI", complexity: 12, features: ["T", "n", "AMI"],
    ranges: [1...10, 500...50000, 0.01...0.9]
  ) { 0.5 + 0.05 * _log($0[1]) + 0.02 * $0[0] * $0[2] },
  RecoveryLaw(
    name: "Feynman I.14.3 m*g*z", complexity: 5, features: ["m", "g", "z"],
    ranges: [1...5, 1...5, 1...5]
  ) { $0[0] * $0[1] * $0[2] },
  RecoveryLaw(
    name: "Feynman I.6.2a exp(-theta^2/2)/sqrt(2*pi)", complexity: 8, features: ["theta"],
    ranges: [1...3]
  ) { _exp(-$0[0] * $0[0] / 2) / (2 * Double.pi).squareRoot() },
]

@Test(arguments: recoverySubset) func recoversTheLawExactly(_ law: RecoveryLaw) throws {
  var c = SearchConfiguration()
  c.seed = 1
  c.threads = 1
  c.maxEvaluations = 300_000
  let result = try Search.run(law.problem(seed: 11), configuration: c)
  let chosen = try #require(result.selectedEntry)
  #expect(chosen.complexity <= law.complexity, "\(chosen.formula)")
  #expect((chosen.r2Test ?? 0) >= 1 - 1e-9, "\(chosen.formula)")
}
