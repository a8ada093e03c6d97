import Support
import SymbolicRegression
import Testing

/// `a + b*x + c*sqrt(z)` as a postfix program.
private func linearPlusSqrt(_ a: Double, _ b: Double, _ c: Double) -> Program {
  Program([
    .constant(a), .constant(b), .variable(0), .op(.multiply), .op(.add),
    .constant(c), .variable(1), .op(.sqrt), .op(.multiply), .op(.add),
  ])
}

private func data(rows: Int, noise: Double, seed: UInt64) throws -> Dataset {
  var rng = SeededGenerator(seed: seed)
  let x = (0..<rows).map { _ in 0.5 + 3 * rng.nextDouble() }
  let z = (0..<rows).map { _ in 0.1 + rng.nextDouble() }
  let y = x.map { 0.9 + 2 * $0 + noise * rng.nextNormal() }
  return try Dataset(columns: [x, z], target: y)
}

@Test func exactFitLosesItsZeroTermAndPrintsShortConstants() throws {
  let d = try data(rows: 200, noise: 0, seed: 1)
  let evaluator = Evaluator(data: d)
  let start = linearPlusSqrt(0.9000000000000007, 2.0000000000000004, -2.220446049250313e-16)
  let before = evaluator.loss(start)
  let (p, loss) = FinalForm().finish(start, evaluator: evaluator, optimizer: ConstantOptimizer(maxIterations: 200))
  #expect(p.formula(featureNames: ["x", "z"]) == "0.9 + 2*x")
  #expect(p.constants == [0.9, 2])
  #expect(loss <= before + 1e-20 * 20)
}

@Test func noisyFitDropsAnIrrelevantTermAndKeepsTheLossWithinTolerance() throws {
  let d = try data(rows: 300, noise: 0.05, seed: 2)
  let evaluator = Evaluator(data: d)
  let optimizer = ConstantOptimizer(maxIterations: 200)
  let (fitted, fittedLoss) = optimizer.optimize(linearPlusSqrt(1, 1, 0.1), with: evaluator)
  let (p, loss) = FinalForm().finish(fitted, evaluator: evaluator, optimizer: optimizer)
  #expect(p.formula(featureNames: ["x", "z"], constantNames: ["a", "b"]) == "a + b*x")
  // The F test: the loss rose by less than 4 residual variances per degree of freedom, plus rounding's χ²(2) 95%.
  #expect(loss - fittedLoss <= (4 + 5.99) * fittedLoss / Double(300 - 3))
  let c = p.constants
  #expect(abs(c[0] - 0.9) < 0.05 && abs(c[1] - 2) < 0.03)
}

@Test func aRealTermIsKept() throws {
  var rng = SeededGenerator(seed: 3)
  let x = (0..<200).map { _ in 0.5 + 3 * rng.nextDouble() }
  let z = (0..<200).map { _ in 0.1 + rng.nextDouble() }
  let y = zip(x, z).map { 0.9 + 2 * $0 + 0.3 * $1.squareRoot() + 0.01 * rng.nextNormal() }
  let evaluator = Evaluator(data: try Dataset(columns: [x, z], target: y))
  let optimizer = ConstantOptimizer(maxIterations: 200)
  let (fitted, _) = optimizer.optimize(linearPlusSqrt(1, 1, 0.1), with: evaluator)
  let (p, _) = FinalForm().finish(fitted, evaluator: evaluator, optimizer: optimizer)
  #expect(p.formula(featureNames: ["x", "z"], constantNames: ["a", "b", "c"]) == "a + b*x + c*sqrt(z)")
}

@Test func shortCandidatesAreShortestFirst() {
  let c = FinalForm.shortCandidates(-1.7417782980735683)
  #expect(Array(c.prefix(5)) == [0, -2, -1.7, -1.74, -1.742])
}

@Test func shortCandidatesTryShortValuesBeforeTheNearestInteger() {
  #expect(Array(FinalForm.shortCandidates(2007.3).prefix(5)) == [0, 2000, 2010, 2007, 2007.3])
}

/// `a - b/(c + n)`, the saturation law `0.9 - 1800/(2000 + n)`, fitted on noisy rows.
@Test func noisyConstantsAreFixedToShortValuesWithTheOthersRefitted() throws {
  var rng = SeededGenerator(seed: 5)
  let n = (0..<300).map { _ in 500 + 49_500 * rng.nextDouble() }
  let y = n.map { 0.9 - 1800 / (2000 + $0) + 0.004 * rng.nextNormal() }
  let evaluator = Evaluator(data: try Dataset(columns: [n], target: y))
  let optimizer = ConstantOptimizer(maxIterations: 300)
  let start = Program([
    .constant(0.8), .constant(1500), .constant(1500), .variable(0), .op(.add), .op(.divide),
    .op(.subtract),
  ])
  let (fitted, fittedLoss) = optimizer.optimize(start, with: evaluator)
  let (p, loss) = FinalForm().finish(fitted, evaluator: evaluator, optimizer: optimizer)
  #expect(p.constants.count == 3)
  // Every constant is fixed to a value of at most 2 significant digits, and the loss rose by less than the joint
  // test allows (χ²(3) at 95%, in residual variances per degree of freedom).
  for c in p.constants { #expect(Double(String(format: "%.2g", c)) == c, "\(c)") }
  #expect(loss - fittedLoss <= 7.82 * fittedLoss / Double(300 - 3))
  #expect(loss >= fittedLoss)
}
