import Foundation
import Statistics
import SymbolicRegression
import TestSupport
import Testing

@Test func constantOptimizerRecoversExponentialModel() throws {
  // y = 1.5 + 0.8*exp(-0.3*x)
  let x = (0..<60).map { Double($0) / 6 }
  let data = try Dataset(columns: [x], target: x.map { 1.5 + 0.8 * exp(-0.3 * $0) })
  let evaluator = Evaluator(data: data)
  let p = Program([
    .constant(1), .constant(1), .constant(-1), .variable(0), .op(.multiply), .op(.exp), .op(.multiply), .op(.add),
  ])
  let (q, loss) = ConstantOptimizer(maxIterations: 200).optimize(p, with: evaluator)
  #expect(loss < 1e-20)
  let c = q.constants
  #expect(abs(c[0] - 1.5) < 1e-8 && abs(c[1] - 0.8) < 1e-8 && abs(c[2] + 0.3) < 1e-8)
}

@Test func gradientMatchesFiniteDifferences() throws {
  let data = try randomDataset(rows: 200, features: 2, seed: 9)
  let evaluator = Evaluator(data: data)
  // a*sqrt(x0) + b/(x1 + c) + exp(d*x0)^2 + |e - x1|^-0.5
  let p = Program([
    .constant(0.3), .variable(0), .op(.sqrt), .op(.multiply), .constant(0.7), .variable(1), .constant(0.2),
    .op(.add), .op(.divide), .op(.add), .constant(0.1), .variable(0), .op(.multiply), .op(.exp), .op(.square),
    .op(.add), .constant(5), .variable(1), .op(.subtract), .op(.abs), .power(-0.5), .op(.add),
  ])
  let ne = try #require(evaluator.normalEquations(p))
  let c = p.constants
  for j in c.indices {
    var plus = p
    var minus = p
    var cp = c
    var cm = c
    let h = 1e-6 * max(1, abs(c[j]))
    cp[j] += h
    cm[j] -= h
    plus.constants = cp
    minus.constants = cm
    // d(loss)/dc_j = -2 g_j
    let numeric = (evaluator.loss(plus) - evaluator.loss(minus)) / (2 * h)
    #expect(abs(numeric - (-2 * ne.g[j])) <= 1e-5 * max(1, abs(numeric)))
  }
}

/// NIST StRD nonlinear problem: data, start values and certified parameters.
struct NISTProblem {
  var x: [Double]
  var y: [Double]
  var start1: [Double]
  var start2: [Double]
  var certified: [Double]
  var residualSumOfSquares: Double

  init(_ name: String) throws {
    let text = try String(contentsOf: Fixtures.nist("\(name).dat"), encoding: .utf8)
    let lines = text.components(separatedBy: .newlines)
    x = []
    y = []
    start1 = []
    start2 = []
    certified = []
    residualSumOfSquares = .nan
    var inData = false
    for line in lines {
      let f = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
      if inData {
        if f.count >= 2, let yy = Double(f[0]), let xx = Double(f[1]) {
          y.append(yy)
          x.append(xx)
        }
        continue
      }
      if f.first == "Data:" && f.count >= 2 && f[1] == "y" {
        inData = true
        continue
      }
      if f.count >= 5, f[0].hasPrefix("b"), f[1] == "=", let s1 = Double(f[2]), let s2 = Double(f[3]),
        let cv = Double(f[4])
      {
        start1.append(s1)
        start2.append(s2)
        certified.append(cv)
      }
      if f.count >= 5, f[0] == "Residual", f[1] == "Sum", let v = Double(f[4]) { residualSumOfSquares = v }
    }
  }
}

@Test func levenbergMarquardtMatchesNISTOnProgramModels() throws {
  // Misra1a: y = b1*(1 - exp(-b2*x)); as a program b1*(1 - exp(-(b2*x))).
  let misra = try NISTProblem("Misra1a")
  let misraData = try Dataset(columns: [misra.x], target: misra.y)
  for start in [misra.start1, misra.start2] {
    let p = Program([
      .constant(start[0]), .literal(1), .constant(start[1]), .variable(0), .op(.multiply), .op(.negate),
      .op(.exp), .op(.subtract), .op(.multiply),
    ])
    let (q, loss) = ConstantOptimizer(maxIterations: 500).optimize(p, with: Evaluator(data: misraData))
    for (v, c) in zip(q.constants, misra.certified) { #expect(abs(v - c) <= 1e-6 * abs(c)) }
    #expect(abs(loss * Double(misra.y.count) - misra.residualSumOfSquares) <= 1e-6 * misra.residualSumOfSquares)
  }
  // Thurber (rational, 7 constants): (b1 + b2 x + b3 x^2 + b4 x^3) / (1 + b5 x + b6 x^2 + b7 x^3), start 2.
  let th = try NISTProblem("Thurber")
  let thData = try Dataset(columns: [th.x], target: th.y)
  let s = th.start2
  let x = Node.variable(0)
  let p = Program([
    .constant(s[0]), .constant(s[1]), x, .op(.multiply), .op(.add), .constant(s[2]), x, .op(.square), .op(.multiply),
    .op(.add), .constant(s[3]), x, .power(3), .op(.multiply), .op(.add),
    .literal(1), .constant(s[4]), x, .op(.multiply), .op(.add), .constant(s[5]), x, .op(.square), .op(.multiply),
    .op(.add), .constant(s[6]), x, .power(3), .op(.multiply), .op(.add), .op(.divide),
  ])
  let (q, loss) = ConstantOptimizer(maxIterations: 2000).optimize(p, with: Evaluator(data: thData))
  for (v, c) in zip(q.constants, th.certified) { #expect(abs(v - c) <= 1e-5 * abs(c), "\(v) vs \(c)") }
  #expect(abs(loss * Double(th.y.count) - th.residualSumOfSquares) <= 1e-6 * th.residualSumOfSquares)
}

@Test func levenbergMarquardtMatchesNISTWithGenericModels() throws {
  // Models with a fitted exponent or in closed form, solved through the generic solver.
  typealias Model = (_ b: [Double], _ x: Double) -> (Double, [Double])
  let models: [(String, Model, Int)] = [
    ("DanWood", { b, x in (b[0] * pow(x, b[1]), [pow(x, b[1]), b[0] * pow(x, b[1]) * log(x)]) }, 0),
    ("BoxBOD", { b, x in (b[0] * (1 - exp(-b[1] * x)), [1 - exp(-b[1] * x), b[0] * x * exp(-b[1] * x)]) }, 1),
    (
      "MGH09",
      { b, x in
        let d = x * x + x * b[2] + b[3]
        let num = b[0] * (x * x + x * b[1])
        return (num / d, [(x * x + x * b[1]) / d, b[0] * x / d, -num * x / (d * d), -num / (d * d)])
      }, 1
    ),
    (
      "Eckerle4",
      { b, x in
        let e = exp(-0.5 * pow((x - b[2]) / b[1], 2))
        let f = b[0] / b[1] * e
        return (
          f,
          [e / b[1], -b[0] / (b[1] * b[1]) * e + f * pow(x - b[2], 2) / pow(b[1], 3), f * (x - b[2]) / (b[1] * b[1])]
        )
      }, 1
    ),
  ]
  for (name, model, startIndex) in models {
    let problem = try NISTProblem(name)
    let p = problem.certified.count
    func residualsAndJacobian(_ b: [Double]) -> (loss: Double, a: [Double], g: [Double])? {
      var r: [Double] = []
      var j: [Double] = []
      for (x, y) in zip(problem.x, problem.y) {
        let (f, d) = model(b, x)
        r.append(y - f)
        j.append(contentsOf: d)
      }
      guard r.allSatisfy(\.isFinite), j.allSatisfy(\.isFinite) else { return nil }
      return LevenbergMarquardt.normalEquations(residuals: r, jacobian: j, parameters: p)
    }
    let start = startIndex == 0 ? problem.start1 : problem.start2
    let result = LevenbergMarquardt(maxIterations: 5000, stepTolerance: 1e-10).minimize(
      start: start,
      objective: { b in residualsAndJacobian(b)?.loss ?? .infinity },
      normalEquations: residualsAndJacobian)
    for (v, c) in zip(result.parameters, problem.certified) {
      #expect(abs(v - c) <= 1e-5 * abs(c), "\(name): \(v) vs certified \(c)")
    }
    let rss = result.loss * Double(problem.y.count)
    #expect(abs(rss - problem.residualSumOfSquares) <= 1e-6 * problem.residualSumOfSquares, "\(name) RSS \(rss)")

    // The same problem through GSL (Statistics.NonlinearLeastSquares) lands on the same parameters.
    let xs = problem.x
    let gsl = try NonlinearLeastSquares().fit(targets: problem.y, start: start) { b, values, jacobian in
      let theta = Array(b)
      for (i, x) in xs.enumerated() {
        let (f, d) = model(theta, x)
        values?[i] = f
        if let jacobian { for k in 0..<p { jacobian[i * p + k] = d[k] } }
      }
    }
    for (mine, theirs) in zip(result.parameters, gsl.parameters) {
      #expect(abs(mine - theirs) <= 1e-6 * max(abs(theirs), 1e-12), "\(name): ours \(mine) vs GSL \(theirs)")
    }
  }
}
