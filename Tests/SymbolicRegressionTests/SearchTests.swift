import Foundation
import SymbolicRegression
import TestSupport
import Testing

private func smallConfiguration(seed: UInt64, evaluations: Int) -> SearchConfiguration {
  var c = SearchConfiguration()
  c.seed = seed
  c.maxEvaluations = evaluations
  c.islands = 4
  c.populationSize = 40
  return c
}

/// Everything but the wall-clock seconds.
private func sameOutcome(_ a: SearchResult, _ b: SearchResult) -> Bool {
  var x = a
  var y = b
  x.seconds = 0
  y.seconds = 0
  return x == y
}

@Test func identicalResultsForOneAndTwoThreads() throws {
  let problem = recoveryProblem(seed: 1, rows: 120)
  var c = smallConfiguration(seed: 3, evaluations: 20_000)
  c.threads = 1
  let one = try Search.run(problem, configuration: c)
  c.threads = 2
  let two = try Search.run(problem, configuration: c)
  #expect(sameOutcome(one, two))
  #expect(!one.front.isEmpty)
  #expect(one.evaluations >= 20_000 && one.evaluations < 21_000)
}

@Test func checkpointThenResumeContinuesIdentically() throws {
  let problem = recoveryProblem(seed: 2, rows: 120)
  let folder = try TemporaryDirectory("sr-checkpoint")
  defer { folder.remove() }
  let path = folder.file("checkpoint.json")
  var c = smallConfiguration(seed: 5, evaluations: 20_000)
  c.threads = 2
  let uninterrupted = try Search.run(problem, configuration: c)

  c.checkpointPath = path
  c.stopAfterEpochs = 2
  let first = try Search.run(problem, configuration: c)
  #expect(first.stopReason == .interrupted)
  #expect(FileManager.default.fileExists(atPath: path))
  c.stopAfterEpochs = nil
  c.resume = true
  c.threads = 1
  let resumed = try Search.run(problem, configuration: c)
  #expect(resumed.stopReason == .budget)
  #expect(sameOutcome(uninterrupted, resumed))

  // A checkpoint written with other settings is refused with one clear line.
  c.populationSize = 41
  let refusal = #expect(throws: SearchConfigurationError.self) { try Search.run(problem, configuration: c) }
  #expect(refusal?.setting == "resume")
  #expect(refusal?.problem.contains("written for other data or settings") == true)
}

@Test func recoversTheBenchmarkFormula() throws {
  for seed: UInt64 in [0, 1] {
    var c = SearchConfiguration()
    c.seed = seed
    c.maxEvaluations = 150_000
    let result = try Search.run(recoveryProblem(seed: seed), configuration: c)
    let chosen = try #require(result.selectedEntry)
    // Structure c0 + c1/sqrt(n) + c2*sqrt(AMI): 11 nodes, three constants, features n and AMI.
    #expect(chosen.complexity == 11, "\(chosen.formula)")
    #expect(chosen.constants.count == 3, "\(chosen.formula)")
    #expect(chosen.program.features == [1, 2], "\(chosen.formula)")
    #expect(chosen.template.contains("sqrt(n)") && chosen.template.contains("sqrt(AMI)"), "\(chosen.template)")
    #expect((chosen.r2Test ?? 0) > 0.99)
  }
}

@Test func groupedSplitKeepsIdenticalRowsTogether() throws {
  var rows: [[Double]] = []
  for i in 0..<300 { rows.append([Double(i % 37), Double(i % 5)]) }
  let split = try DataSplit.make(featureRows: rows, testFraction: 0.25, validationFraction: 0.2, seed: 4)
  #expect(split.train.count + split.validation.count + split.test.count == 300)
  #expect(split.groups == 185)
  func keys(_ idx: [Int]) -> Set<[Double]> { Set(idx.map { rows[$0] }) }
  #expect(keys(split.train).isDisjoint(with: keys(split.test)))
  #expect(keys(split.train).isDisjoint(with: keys(split.validation)))
  #expect(keys(split.validation).isDisjoint(with: keys(split.test)))
  #expect(split.test.count >= 75 && split.test.count < 90)
  let again = try DataSplit.make(featureRows: rows, testFraction: 0.25, validationFraction: 0.2, seed: 4)
  #expect(again == split)
  #expect(throws: SearchConfigurationError.self) {
    try DataSplit.make(featureRows: rows, testFraction: 1.5, validationFraction: 0.2, seed: 4)
  }
}

@Test func selectionPrefersTheSharpestDropNearTheBest() {
  // losses by complexity: 1 -> 1.0, 3 -> 0.5, 5 -> 0.01, 9 -> 0.009
  let pick = FrontSelection.select(complexities: [1, 3, 5, 9], losses: [1.0, 0.5, 0.01, 0.009], threshold: 1.5)
  #expect(pick == 2)
  #expect(FrontSelection.select(complexities: [], losses: [], threshold: 1.5) == nil)
}

@Test func frontIsOrderedAndNonDominated() throws {
  var c = smallConfiguration(seed: 9, evaluations: 15_000)
  c.threads = 2
  let result = try Search.run(recoveryProblem(seed: 4, rows: 100), configuration: c)
  #expect(!result.front.isEmpty)
  for (a, b) in zip(result.front, result.front.dropFirst()) {
    #expect(a.complexity < b.complexity)
    #expect(a.validationLoss > b.validationLoss)
  }
  for e in result.front {
    #expect(e.program.isValid)
    #expect(e.complexity == e.program.complexity)
    #expect(e.complexity <= 25)
    #expect(e.constants.count == e.constantNames.count)
    #expect(e.expression(featureNames: result.featureNames)?.nodeCount == e.complexity)
  }
}

@Test func badInputIsReportedNotTrapped() {
  var c = SearchConfiguration()
  c.maxEvaluations = 100
  let bad = SearchProblem(featureNames: ["x"], columns: [[1, 2, .nan]], target: [1, 2, 3])
  #expect(throws: SearchConfigurationError.self) { try Search.run(bad, configuration: c) }
  c.islands = 0
  #expect(throws: SearchConfigurationError.self) {
    try Search.run(recoveryProblem(seed: 0, rows: 20), configuration: c)
  }
}

@Test func unitsRejectInconsistentFormulas() throws {
  let u = try UnitSystem(parsing: "n:tokens,T:1,AMI:1,y:1", featureNames: ["T", "n", "AMI"], targetName: "y")
  let T = Node.variable(0)
  let n = Node.variable(1)
  let ami = Node.variable(2)
  // c/sqrt(n): c absorbs
  #expect(u.isConsistent(Program([.constant(0.7), .constant(2), n, .op(.sqrt), .op(.divide), .op(.add)])))
  #expect(!u.isConsistent(Program([n, T, .op(.add)])))  // tokens + 1
  #expect(!u.isConsistent(Program([n, .op(.log)])))  // log(tokens)
  #expect(u.isConsistent(Program([.constant(2), n, .op(.multiply), .op(.log)])))  // log(c*n): c carries 1/tokens
  #expect(!u.isConsistent(Program([n, .op(.sqrt)])))  // result tokens^0.5, target 1
  #expect(u.isConsistent(Program([T, ami, .op(.multiply)])))
  #expect(throws: SearchConfigurationError.self) {
    try UnitSystem(parsing: "q:m", featureNames: ["T"], targetName: "y")
  }
  let v = try UnitSystem(parsing: "x:m/s^2,y:m*s^-2", featureNames: ["x"], targetName: "y")
  #expect(v.isConsistent(Program([.variable(0)])))

  var c = SearchConfiguration()
  c.seed = 2
  c.maxEvaluations = 15_000
  c.islands = 4
  c.units = "n:tokens,T:1,AMI:1,y:1"
  let result = try Search.run(recoveryProblem(seed: 1, rows: 100), configuration: c)
  #expect(!result.front.isEmpty)
  for e in result.front { #expect(u.isConsistent(e.program), "\(e.formula)") }
}

@Test func degenerateInputsDoNotTrap() throws {
  var c = SearchConfiguration()
  c.maxEvaluations = 2_000
  c.islands = 2
  c.populationSize = 8
  // Constant target, three rows.
  let flat = try Search.run(
    SearchProblem(featureNames: ["x"], columns: [[1, 2, 3]], target: [5, 5, 5]), configuration: c)
  #expect(flat.selectedEntry?.formula == "5")
  // No features at all: only constants can be found.
  let none = try Search.run(SearchProblem(featureNames: [], columns: [], target: [1, 2, 3, 4]), configuration: c)
  #expect(none.front.allSatisfy { $0.program.features.isEmpty })
  // Every row identical: one group, so nothing can be held out.
  let same = try Search.run(
    SearchProblem(featureNames: ["x"], columns: [[1, 1, 1, 1]], target: [1, 2, 3, 4]), configuration: c)
  #expect(same.split.test.isEmpty && same.split.train.count == 4)
}

@Test func linearScalingWrapsAndFits() throws {
  let x = (1...80).map { Double($0) / 8 }
  let data = try Dataset(columns: [x], target: x.map { 3 + 5 * $0.squareRoot() })
  let evaluator = Evaluator(data: data)
  let p = Program([.variable(0), .op(.sqrt)])
  #expect(!LinearScaling.isScaled(p))
  let s = try #require(LinearScaling.scaled(p, with: evaluator, maxComplexity: 25))
  #expect(LinearScaling.isScaled(s))
  #expect(evaluator.loss(s) < 1e-20)
  #expect(Simplifier.simplify(s).complexity == 6)
  #expect(LinearScaling.scaled(p, with: evaluator, maxComplexity: 5) == nil)

  var c = SearchConfiguration()
  c.seed = 4
  c.maxEvaluations = 20_000
  c.islands = 4
  c.linearScaling = true
  let result = try Search.run(
    SearchProblem(featureNames: ["x"], columns: [x], target: x.map { 3 + 5 * $0.squareRoot() }),
    configuration: c)
  let chosen = try #require(result.selectedEntry)
  #expect(chosen.r2Train > 0.999999)
  #expect(chosen.complexity <= 6, "\(chosen.formula)")
}

@Test func frontConstantsAreRefittedOnTrainingAndValidationRows() throws {
  let problem = recoveryProblem(seed: 4, rows: 160)
  var c = smallConfiguration(seed: 2, evaluations: 30_000)
  c.niceTolerance = 0  // compare the LM optimum itself
  c.threads = 2
  let refitted = try Search.run(problem, configuration: c)
  c.refitOnValidation = false
  let trainOnly = try Search.run(problem, configuration: c)
  #expect(refitted.constantsFittedOn == .trainAndValidation)
  #expect(trainOnly.constantsFittedOn == .train)
  // The finishing phase (final form, cross-validation, selection) works on the rows the constants are fitted on,
  // so the fronts may differ; structures present in both compare below.

  let full = try Dataset(columns: problem.columns, target: problem.target)
  let fitting = Evaluator(data: full.subset(rows: refitted.split.train + refitted.split.validation))
  var moved = 0
  let trainOnlyByTemplate = Dictionary(trainOnly.front.map { ($0.template, $0) }, uniquingKeysWith: { a, _ in a })
  for a in refitted.front where !a.constants.isEmpty {
    guard let b = trainOnlyByTemplate[a.template] else { continue }
    // The refit is never worse on the rows it was fitted on.
    #expect(fitting.loss(a.program) <= fitting.loss(b.program), "\(a.formula)")
    if a.constants != b.constants { moved += 1 }
  }
  #expect(moved > 0)
  // The selected formula (c0 + c1/sqrt(n) + c2*sqrt(AMI), linear in its constants) is at the optimum on those rows.
  let chosen = try #require(refitted.selectedEntry)
  let (again, _) = ConstantOptimizer(maxIterations: 200).optimize(chosen.program, with: fitting)
  for (x, y) in zip(again.constants, chosen.constants) { #expect(relativelyClose(x, y, 1e-6), "\(chosen.formula)") }
}

@Test func prunedVariantsDropOneConstantAtATime() throws {
  // c0 + c1*sqrt(x0): fixing c0 to 0 gives c1*sqrt(x0); fixing c1 to 1 gives c0 + sqrt(x0).
  let scaled = Program([.constant(0.5), .constant(2), .variable(0), .op(.sqrt), .op(.multiply), .op(.add)])
  let variants = Search.prunedVariants([Candidate(program: scaled, loss: 1)])
  let names = ["x0"]
  let formulas = Set(variants.map { $0.program.formula(featureNames: names, constantNames: ["a", "b"]) })
  #expect(variants.allSatisfy { $0.program.complexity < scaled.complexity })
  #expect(formulas.contains { $0.replacingOccurrences(of: " ", with: "") == "a*sqrt(x0)" }, "\(formulas)")
  #expect(formulas.contains { $0.replacingOccurrences(of: " ", with: "") == "a+sqrt(x0)" }, "\(formulas)")
  // Nothing to prune in a formula without constants, and no duplicates of the input.
  #expect(Search.prunedVariants([Candidate(program: Program([.variable(0), .op(.sqrt)]), loss: 1)]).isEmpty)
  #expect(!variants.contains { $0.program == scaled })
}

@Test func complexityWeightsCountNodesAndBoundTheSearch() throws {
  // sqrt(n)*c + x^2: unit weights count the Expression form's nodes (x^2 is three).
  let p = Program([.variable(0), .op(.sqrt), .constant(2), .op(.multiply), .variable(1), .op(.square), .op(.add)])
  #expect(p.complexity(weights: .unit) == p.complexity)
  #expect(p.complexity == 8)
  let w = try ComplexityWeights(parsing: "sqrt=3, constant=2, ^=4, number=2")
  // variable 1 + sqrt 3 + constant 2 + * 1 + variable 1 + (^ 4 + number 2) + + 1
  #expect(p.complexity(weights: w) == 15)
  #expect(w.linearScalingCost == 6)
  #expect(try ComplexityWeights(parsing: "pow=2").operators["^"] == 2)
  #expect(throws: SearchConfigurationError.self) { try ComplexityWeights(parsing: "sin=2") }
  #expect(throws: SearchConfigurationError.self) { try ComplexityWeights(parsing: "log=0") }
  #expect(throws: SearchConfigurationError.self) { try ComplexityWeights(parsing: "log") }

  // A search with expensive logarithms and constants: every front entry's complexity is its weighted count and
  // stays within --max-complexity.
  var c = smallConfiguration(seed: 6, evaluations: 20_000)
  c.threads = 2
  c.maxComplexity = 18
  c.complexityWeights = try ComplexityWeights(parsing: "log=4,exp=4,constant=2")
  let result = try Search.run(recoveryProblem(seed: 3, rows: 120), configuration: c)
  #expect(!result.front.isEmpty)
  for e in result.front {
    #expect(e.complexity == e.program.complexity(weights: c.complexityWeights), "\(e.formula)")
    #expect(e.complexity <= 18, "\(e.formula)")
  }
  #expect(result.front.contains { $0.complexity != $0.program.complexity })
}
