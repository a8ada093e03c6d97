import Expressions
import Foundation
import Support
import SymbolicRegression
import Testing

@Test func programBasics() {
  let p = Program([.constant(1), .variable(0), .op(.sqrt), .op(.divide)])
  #expect(p.isValid)
  #expect(p.complexity == 4)
  #expect(p.depth == 3)
  #expect(p.subtreeStart(2) == 1)
  #expect(p.formula(featureNames: ["n"]) == "1/sqrt(n)")
  #expect(p.formula(featureNames: ["n"], constantNames: ["a"]) == "a/sqrt(n)")
  #expect(!Program([.variable(0), .op(.add)]).isValid)
  #expect(!Program([.variable(0), .variable(1)]).isValid)
}

@Test func operatorParsing() throws {
  let set = try OperatorSet(parsing: "+, -, *, /, sqrt, pow, neg")
  #expect(set.binary == [.add, .subtract, .multiply, .divide])
  #expect(set.unary == [.sqrt, .power, .negate])
  #expect(throws: SearchConfigurationError.self) { try OperatorSet(parsing: "+,sin") }
  #expect(throws: SearchConfigurationError.self) { try OperatorSet(parsing: "sqrt") }
}

@Test func mutationsAndCrossoverKeepProgramsValid() {
  let variation = Variation(featureCount: 3, operators: allOperators, maxComplexity: 25, maxDepth: 8)
  var rng = SeededGenerator(seed: 7)
  var population = (0..<40).map { _ in variation.randomProgram(size: 1 + rng.nextInt(below: 15), &rng) }
  var produced = 0
  for _ in 0..<4000 {
    let a = population[rng.nextInt(below: population.count)]
    let child: Program?
    if rng.nextBool(probability: 0.2) {
      child = variation.crossover(a, population[rng.nextInt(below: population.count)], &rng)
    } else {
      let kinds = Variation.Mutation.allCases
      child = variation.mutate(a, kind: kinds[rng.nextInt(below: kinds.count)], &rng)
    }
    guard let c = child else { continue }
    produced += 1
    #expect(c.isValid)
    #expect(c.complexity <= 25)
    #expect(c.depth <= 8)
    population[rng.nextInt(below: population.count)] = c
  }
  #expect(produced > 2000)
}

@Test func expressionConversionMatchesComplexityAndText() throws {
  let p = Program([
    .constant(0.7), .constant(2), .variable(1), .op(.sqrt), .op(.divide), .op(.add),
    .constant(0.15), .variable(2), .op(.sqrt), .op(.multiply), .op(.add),
  ])
  let names = ["T", "n", "AMI"]
  let e = try #require(p.expression(featureNames: names, constantNames: ["a", "b", "c"]))
  #expect(e.nodeCount == p.complexity)
  #expect(e == (try Expression(parsing: "a + b/sqrt(n) + c*sqrt(AMI)")))
  let sq = Program([.variable(0), .op(.square), .variable(1), .power(-0.5), .op(.multiply)])
  #expect(sq.expression(featureNames: names)?.nodeCount == sq.complexity)
  // The printed formula parses back to the same expression.
  #expect(try Expression(parsing: p.formula(featureNames: names, constantNames: ["a", "b", "c"])) == e)
}

@Test func evaluatorAgreesWithExpressions() throws {
  let data = try randomDataset(rows: 300, features: 3, seed: 3)
  let evaluator = Evaluator(data: data)
  let variation = Variation(featureCount: 3, operators: allOperators, maxComplexity: 30, maxDepth: 10)
  var rng = SeededGenerator(seed: 11)
  let names = ["x0", "x1", "x2"]
  var compared = 0
  var invalid = 0
  for _ in 0..<300 {
    let p = variation.randomProgram(size: 1 + rng.nextInt(below: 25), &rng)
    let e = try #require(p.expression(featureNames: names))
    let columns = Dictionary(
      uniqueKeysWithValues: names.enumerated().map { f, name in
        (name, (0..<data.rowCount).map { data.value(feature: f, row: $0) })
      })
    let reference = e.evaluate(columns: columns, constants: [:], rowCount: data.rowCount)
    guard let values = evaluator.predict(p) else {
      invalid += 1
      #expect(evaluator.loss(p) == .infinity)
      continue
    }
    compared += 1
    for i in 0..<data.rowCount {
      #expect(relativelyClose(values[i], reference[i], 1e-12), "\(p.formula(featureNames: names)) row \(i)")
    }
    var sse = 0.0
    for i in 0..<data.rowCount { sse += (data.target[i] - reference[i]) * (data.target[i] - reference[i]) }
    #expect(relativelyClose(evaluator.loss(p), sse / Double(data.rowCount), 1e-10))
  }
  #expect(compared > 150)
  _ = invalid
}

@Test func invalidValuesGiveInfiniteLoss() throws {
  let data = try Dataset(columns: [[1, 2, -3]], target: [1, 2, 3])
  let evaluator = Evaluator(data: data)
  #expect(evaluator.loss(Program([.variable(0), .op(.sqrt)])) == .infinity)
  #expect(evaluator.loss(Program([.variable(0), .op(.log)])) == .infinity)
  // 1/(x-x) is infinite even though 1/(1/(x-x)) would hide it.
  let hidden = Program([
    .literal(1), .literal(1), .variable(0), .variable(0), .op(.subtract), .op(.divide), .op(.divide),
  ])
  #expect(evaluator.loss(hidden) == .infinity)
  #expect(evaluator.loss(Program([.variable(0), .op(.abs), .op(.sqrt)])).isFinite)
}

/// Row-by-row reference with the interpreter's semantics: nil when any intermediate value is not finite.
private func scalarReference(_ p: Program, _ data: Dataset, row: Int) -> Double? {
  var stack: [Double] = []
  for node in p.nodes {
    let r: Double
    switch node.opcode {
    case .constant, .literal: r = node.value
    case .variable: r = data.value(feature: Int(node.feature), row: row)
    case .add, .subtract, .multiply, .divide:
      let b = stack.removeLast()
      let a = stack.removeLast()
      switch node.opcode {
      case .add: r = a + b
      case .subtract: r = a - b
      case .multiply: r = a * b
      default: r = a / b
      }
    default:
      let a = stack.removeLast()
      switch node.opcode {
      case .sqrt: r = a.squareRoot()
      case .log: r = Foundation.log(a)
      case .exp: r = Foundation.exp(a)
      case .square: r = a * a
      case .abs: r = Swift.abs(a)
      case .negate: r = -a
      default:
        let e = node.value
        r = e == 0.5 ? a.squareRoot() : e == -1 ? 1 / a : e == 2 ? a * a : Foundation.pow(a, e)
      }
    }
    guard r.isFinite else { return nil }
    stack.append(r)
  }
  return stack.last
}

/// The vectorised C kernels (whatever level this CPU picks) give the same bits as a scalar Swift loop, and flag
/// exactly the programs that are invalid on some row; 300 rows cover two full blocks and a partial one.
@Test func vectorKernelsMatchScalarEvaluationBitForBit() throws {
  var rng = SeededGenerator(seed: 21)
  let rows = 300
  let cols = [
    (0..<rows).map { _ in 0.5 + 2.5 * rng.nextDouble() },
    (0..<rows).map { _ in -2 + 5 * rng.nextDouble() },
    (0..<rows).map { $0 % 97 == 0 ? 0 : 1 + rng.nextDouble() },
  ]
  let data = try Dataset(columns: cols, target: (0..<rows).map { _ in rng.nextDouble() })
  let evaluator = Evaluator(data: data)
  let variation = Variation(featureCount: 3, operators: allOperators, maxComplexity: 40, maxDepth: 12)
  var valid = 0
  var invalid = 0
  for _ in 0..<400 {
    let p = variation.randomProgram(size: 1 + rng.nextInt(below: 35), &rng)
    let reference = (0..<rows).map { scalarReference(p, data, row: $0) }
    let values = evaluator.predict(p)
    if reference.contains(where: { $0 == nil }) {
      #expect(values == nil, "\(p.formula(featureNames: ["x", "y", "z"])) should be invalid")
      #expect(evaluator.loss(p) == .infinity)
      invalid += 1
      continue
    }
    let v = try #require(values, "\(p.formula(featureNames: ["x", "y", "z"])) should be valid")
    for i in 0..<rows where v[i].bitPattern != reference[i]!.bitPattern {
      Issue.record("\(p.formula(featureNames: ["x", "y", "z"])) row \(i): \(v[i]) vs \(reference[i]!)")
      break
    }
    valid += 1
  }
  #expect(valid > 100 && invalid > 50, "valid \(valid), invalid \(invalid)")
  #expect(["avx512f", "avx2", "baseline"].contains(Evaluator.kernelLevel))
}
