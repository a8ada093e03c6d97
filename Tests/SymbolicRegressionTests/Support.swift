import Foundation
import Support
import SymbolicRegression

/// The recovery problem: y = 0.7 + 2/sqrt(n) + 0.15·sqrt(AMI) + N(0, 0.002²), 200 rows.
func recoveryProblem(seed: UInt64, rows: Int = 200) -> SearchProblem {
  var rng = SeededGenerator(seed: seed, stream: 99)
  var t: [Double] = []
  var n: [Double] = []
  var ami: [Double] = []
  var y: [Double] = []
  let sizes: [Double] = [100, 300, 1000, 3000, 10000]
  for _ in 0..<rows {
    let tt = Double(2 + rng.nextInt(below: 8))
    let nn = sizes[rng.nextInt(below: 5)]
    let a = rng.nextDouble()
    t.append(tt)
    n.append(nn)
    ami.append(a)
    y.append(0.7 + 2 / nn.squareRoot() + 0.15 * a.squareRoot() + 0.002 * rng.nextNormal())
  }
  return SearchProblem(featureNames: ["T", "n", "AMI"], columns: [t, n, ami], target: y)
}

/// A random dataset with `features` columns uniform in [0.5, 3].
func randomDataset(rows: Int, features: Int, seed: UInt64) throws -> Dataset {
  var rng = SeededGenerator(seed: seed)
  let cols = (0..<features).map { _ in (0..<rows).map { _ in 0.5 + 2.5 * rng.nextDouble() } }
  let y = (0..<rows).map { _ in rng.nextDouble() }
  return try Dataset(columns: cols, target: y)
}

/// Every operator, for random programs.
let allOperators = OperatorSet.all

func relativelyClose(_ a: Double, _ b: Double, _ tol: Double = 1e-9) -> Bool {
  if a == b { return true }
  return Swift.abs(a - b) <= tol * max(1, Swift.abs(a), Swift.abs(b))
}
