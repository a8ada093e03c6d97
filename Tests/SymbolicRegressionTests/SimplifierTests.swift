import Support
import SymbolicRegression
import Testing

private let names = ["x", "y", "z"]

private func simplified(_ nodes: [Node]) -> Program { Simplifier.simplify(Program(nodes)) }

@Test func simplifierFoldsAndCancels() {
  // x - x -> 0 ; x/x -> 1 ; x*1 + 0 -> x
  #expect(simplified([.variable(0), .variable(0), .op(.subtract)]).formula() == "0")
  #expect(simplified([.variable(0), .variable(0), .op(.divide)]).formula() == "1")
  #expect(
    simplified([.variable(0), .literal(1), .op(.multiply), .literal(0), .op(.add)]).formula(featureNames: names) == "x")
  // (2 + 3) * x -> 5*x with a single constant
  let folded = simplified([.constant(2), .constant(3), .op(.add), .variable(0), .op(.multiply)])
  #expect(folded.constants == [5])
  #expect(folded.complexity == 3)
  // x + x -> 2*x
  #expect(simplified([.variable(0), .variable(0), .op(.add)]).formula(featureNames: names) == "2*x")
}

@Test func simplifierMergesRedundantConstants() {
  // a*(b*x + c) -> a'*x + b'
  let p = simplified([
    .constant(2), .constant(3), .variable(0), .op(.multiply), .constant(4), .op(.add), .op(.multiply),
  ])
  #expect(p.constants.count == 2)
  #expect(p.complexity == 5)
  #expect(Set(p.constants) == [6, 8])
  // Operon-style 0.2642*(sqrt(0.3243*x) + 1.6854/sqrt(0.0496*y)) has three constants: c0*sqrt(x) + c1/sqrt(y)
  let q = simplified([
    .constant(0.2642), .constant(0.3243), .variable(0), .op(.multiply), .op(.sqrt),
    .constant(1.6854), .constant(0.0496), .variable(1), .op(.multiply), .op(.sqrt), .op(.divide),
    .op(.add), .op(.multiply),
  ])
  #expect(q.constants.count == 2)
  #expect(q.complexity == 9)
  // log(c*x) -> c' + log(x); exp(c + x) -> c'*exp(x)
  #expect(simplified([.constant(3), .variable(0), .op(.multiply), .op(.log)]).constants.count == 1)
  #expect(
    simplified([.constant(3), .variable(0), .op(.add), .op(.exp), .constant(2), .op(.multiply)]).constants.count == 1)
}

@Test func simplifierIsCanonicalForReorderedSums() {
  let a = simplified([.variable(0), .variable(1), .op(.add), .variable(2), .op(.add)])
  let b = simplified([.variable(2), .variable(1), .variable(0), .op(.add), .op(.add)])
  #expect(a == b)
  let c = simplified([.variable(0), .variable(1), .op(.multiply), .variable(2), .op(.multiply)])
  let d = simplified([.variable(2), .variable(1), .variable(0), .op(.multiply), .op(.multiply)])
  #expect(c == d)
}

@Test func simplifierPreservesValues() throws {
  let data = try randomDataset(rows: 64, features: 3, seed: 5)
  let evaluator = Evaluator(data: data)
  let variation = Variation(featureCount: 3, operators: allOperators, maxComplexity: 30, maxDepth: 10)
  var rng = SeededGenerator(seed: 21)
  var checked = 0
  for _ in 0..<600 {
    let p = variation.randomProgram(size: 1 + rng.nextInt(below: 25), &rng)
    let s = Simplifier.simplify(p)
    #expect(s.isValid)
    #expect(
      s.constantIndices.count <= p.constantIndices.count,
      "\(p.formula(featureNames: names)) -> \(s.formula(featureNames: names))")
    guard let before = evaluator.predict(p) else { continue }
    let after = try #require(
      evaluator.predict(s), "\(p.formula(featureNames: names)) -> \(s.formula(featureNames: names))")
    for i in 0..<data.rowCount {
      #expect(
        relativelyClose(before[i], after[i], 1e-7),
        "\(p.formula(featureNames: names)) -> \(s.formula(featureNames: names))")
    }
    // Simplifying twice changes nothing more.
    #expect(Simplifier.simplify(s).complexity <= s.complexity)
    checked += 1
  }
  #expect(checked > 300)
}

@Test func niceConstantsRoundWithinTolerance() throws {
  let x = (1...50).map { Double($0) / 10 }
  let data = try Dataset(columns: [x], target: x.map { 0.70000001 + 2.00000003 * $0 })
  let evaluator = Evaluator(data: data)
  let p = Program([.constant(0.70000001), .constant(2.00000003), .variable(0), .op(.multiply), .op(.add)])
  let (q, loss) = Simplifier.niceConstants(p, evaluator: evaluator, tolerance: 1e-3)
  #expect(q.formula(featureNames: ["x"]) == "0.7 + 2*x")
  #expect(loss < 1e-12)
}

@Test func simplifierPullsExponentsOutOfLogarithms() {
  // log(sqrt(x)) -> 0.5*log(x); log(x^2) stays (x may be negative).
  let a = Simplifier.simplify(Program([.constant(3), .variable(0), .op(.sqrt), .op(.log), .op(.multiply)]))
  #expect(a.formula(featureNames: ["x"], constantNames: ["a"]) == "a*log(x)")
  let b = Simplifier.simplify(Program([.variable(0), .op(.square), .op(.log)]))
  #expect(b.formula(featureNames: ["x"]) == "log(x^2)")
}
