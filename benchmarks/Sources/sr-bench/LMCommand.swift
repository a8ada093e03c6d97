import ArgumentParser
import Foundation
import Statistics
import Support
import SymbolicRegression

/// `sr-bench lm`: constant fitting of search candidates and NIST programs by the engine's hand-written
/// Levenberg–Marquardt against GSL's trust-region solver (Statistics.NonlinearLeastSquares), same start values,
/// analytic Jacobian from the same program. One thread. Prints a Markdown table (and writes it with --out).
struct LMCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lm",
    abstract: "Constant fitting: the engine's Levenberg–Marquardt against GSL's nonlinear least squares.")

  @Option(
    help: "Folder holding the NIST .dat files (default: Tests/SymbolicRegressionTests/Fixtures of the repository).")
  var nist: String?

  @Option(help: "Write the Markdown table here as well (atomically).")
  var out: String?

  @Option(help: "Seconds of repeated fits per timing batch (best of 3 batches).")
  var minTime: Double = 0.1

  @Option(help: "Iterations of the engine's LM inside the search (SearchConfiguration.searchIterations).")
  var searchIterations: Int = SearchConfiguration().searchIterations

  func run() throws {
    guard minTime > 0, searchIterations > 0 else {
      throw BenchError("--min-time and --search-iterations must be positive")
    }
    let dir =
      nist
      ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Tests/SymbolicRegressionTests/Fixtures").path
    var cases = LMCase.candidates(rows: 200) + LMCase.candidates(rows: 1002)
    cases += try LMCase.nist(folder: dir)
    var lines = [
      "| case | rows | p | solver | fits/s | µs/fit | iterations | f / J evals | final loss (MSE) | time ÷ engine |",
      "|---|---|---|---|---|---|---|---|---|---|",
    ]
    print(lines.joined(separator: "\n"))
    for c in cases {
      let rows = try c.measure(searchIterations: searchIterations, minTime: minTime)
      for row in rows {
        print(row)
        lines.append(row)
      }
    }
    if let out { try writeAtomically(Data((lines.joined(separator: "\n") + "\n").utf8), to: out) }
  }
}

/// One fitting problem: a program (its constants are the start values) over columns and a target.
struct LMCase {
  let name: String
  let program: Program
  let columns: [[Double]]
  let target: [Double]

  /// Paper-like data (the recovery model of issue 4: T, n, AMI, y) with `rows` rows, and typical candidates.
  static func candidates(rows: Int) -> [LMCase] {
    var rng = SeededGenerator(seed: 7, stream: 0x1A4)
    let sizes: [Double] = [100, 300, 1000, 3000, 10000]
    var t: [Double] = []
    var n: [Double] = []
    var ami: [Double] = []
    var y: [Double] = []
    for _ in 0..<rows {
      let ti = Double(2 + rng.nextInt(below: 8))
      let ni = sizes[rng.nextInt(below: sizes.count)]
      let ai = (Double(rng.next() >> 11) + 0.5) * 0x1.0p-53
      t.append(ti)
      n.append(ni)
      ami.append(ai)
      y.append(0.7 + 2 / ni.squareRoot() + 0.15 * ai.squareRoot() + 0.002 * rng.nextNormal())
    }
    let cols = [t, n, ami]
    let T = Node.variable(0)
    let N = Node.variable(1)
    let A = Node.variable(2)
    func c(_ v: Double) -> Node { .constant(v) }
    func o(_ op: Opcode) -> Node { .op(op) }
    let programs: [(String, [Node])] = [
      // c0 + c1/sqrt(n) + c2*sqrt(AMI)
      (
        "c0 + c1/sqrt(n) + c2*sqrt(AMI)",
        [c(1), c(1), N, o(.sqrt), o(.divide), o(.add), c(1), A, o(.sqrt), o(.multiply), o(.add)]
      ),
      // c0 + c1*log(n) + c2*AMI*log(T)
      (
        "c0 + c1*log(n) + c2*AMI*log(T)",
        [
          c(1), c(0.1), N, o(.log), o(.multiply), o(.add), c(0.1), A, o(.multiply),
          T, o(.log), o(.multiply), o(.add),
        ]
      ),
      // c0 - c1/(c2 + n + T*n*AMI)
      (
        "c0 - c1/(c2 + n + T*n*AMI)",
        [
          c(1), c(1000), c(1000), N, o(.add), T, N, o(.multiply), A, o(.multiply), o(.add),
          o(.divide), o(.subtract),
        ]
      ),
      // c0*exp(c1*AMI) + c2/sqrt(n) + c3*T + c4
      (
        "c0*exp(c1*AMI) + c2/sqrt(n) + c3*T + c4",
        [
          c(1), c(0.1), A, o(.multiply), o(.exp), o(.multiply), c(1), N, o(.sqrt),
          o(.divide), o(.add), c(0.01), T, o(.multiply), o(.add), c(0), o(.add),
        ]
      ),
    ]
    return programs.map { LMCase(name: $0.0, program: Program($0.1), columns: cols, target: y) }
  }

  /// The NIST StRD problems the SR tests (and GSL's) can write as programs, each constant once.
  static func nist(folder: String) throws -> [LMCase] {
    let x = Node.variable(0)
    func o(_ op: Opcode) -> Node { .op(op) }
    let specs: [(String, Int, ([Double]) -> [Node])] = [
      (
        "Misra1a", 1,
        { s in
          [
            .constant(s[0]), .literal(1), .constant(s[1]), x, o(.multiply), o(.negate), o(.exp), o(.subtract),
            o(.multiply),
          ]
        }
      ),
      (
        "Misra1a", 2,
        { s in
          [
            .constant(s[0]), .literal(1), .constant(s[1]), x, o(.multiply), o(.negate), o(.exp), o(.subtract),
            o(.multiply),
          ]
        }
      ),
      (
        "BoxBOD", 2,
        { s in
          [
            .constant(s[0]), .literal(1), .constant(s[1]), x, o(.multiply), o(.negate), o(.exp), o(.subtract),
            o(.multiply),
          ]
        }
      ),
      ("DanWood", 1, { s in [.constant(s[0]), .constant(s[1]), x, o(.log), o(.multiply), o(.exp), o(.multiply)] }),
      (
        "MGH09", 2,
        { s in
          [
            .constant(s[0]), x, o(.square), x, .constant(s[1]), o(.multiply), o(.add), o(.multiply),
            x, o(.square), x, .constant(s[2]), o(.multiply), o(.add), .constant(s[3]), o(.add), o(.divide),
          ]
        }
      ),
      (
        "Thurber", 2,
        { s in
          [
            .constant(s[0]), .constant(s[1]), x, o(.multiply), o(.add), .constant(s[2]), x, o(.square), o(.multiply),
            o(.add), .constant(s[3]), x, .power(3), o(.multiply), o(.add),
            .literal(1), .constant(s[4]), x, o(.multiply), o(.add), .constant(s[5]), x, o(.square), o(.multiply),
            o(.add), .constant(s[6]), x, .power(3), o(.multiply), o(.add), o(.divide),
          ]
        }
      ),
    ]
    return try specs.map { name, start, nodes in
      let path = folder + "/\(name).dat"
      guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
        throw BenchError("cannot read \(path) (set --nist to the folder of the NIST .dat files)")
      }
      var xs: [Double] = []
      var ys: [Double] = []
      var s1: [Double] = []
      var s2: [Double] = []
      var inData = false
      for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        let f = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).map(String.init)
        if inData {
          if f.count >= 2, let yy = Double(f[0]), let xx = Double(f[1]) {
            ys.append(yy)
            xs.append(xx)
          }
          continue
        }
        if f.first == "Data:" && f.count >= 2 && f[1] == "y" {
          inData = true
          continue
        }
        if f.count >= 5, f[0].hasPrefix("b"), f[1] == "=", let a = Double(f[2]), let b = Double(f[3]) {
          s1.append(a)
          s2.append(b)
        }
      }
      guard !xs.isEmpty, !s1.isEmpty else { throw BenchError("\(path): no data or start values found") }
      let program = Program(nodes(start == 1 ? s1 : s2))
      guard program.isValid, program.constants.count == s1.count else {
        throw BenchError("\(path): program does not match")
      }
      return LMCase(name: "NIST \(name) start \(start)", program: program, columns: [xs], target: ys)
    }
  }

  /// Times every solver on this case and returns the Markdown rows.
  func measure(searchIterations: Int, minTime: Double) throws -> [String] {
    let evaluator = Evaluator(data: try Dataset(columns: columns, target: target))
    let model = ProgramJacobian(program: program, columns: columns)
    let start = program.constants
    let n = target.count
    let p = start.count
    // Check the benchmark's Jacobian interpreter against the engine's predictions at the start.
    if let engine = evaluator.predict(program) {
      var mine = [Double](repeating: 0, count: n)
      mine.withUnsafeMutableBufferPointer { v in
        start.withUnsafeBufferPointer { model.evaluate($0, values: v, jacobian: nil) }
      }
      for i in 0..<n where Swift.abs(mine[i] - engine[i]) > 1e-12 * max(1, Swift.abs(engine[i])) {
        throw BenchError("\(name): benchmark interpreter disagrees with the engine at row \(i)")
      }
    }

    struct Outcome {
      var loss: Double
      var iterations: String
      var evals: String
    }
    func engine(_ maxIterations: Int) -> Outcome {
      var work = program
      var f = 0
      var j = 0
      let r = LevenbergMarquardt(maxIterations: maxIterations).minimize(
        start: start,
        objective: { theta in
          f += 1
          work.constants = theta
          return evaluator.loss(work)
        },
        normalEquations: { theta in
          j += 1
          work.constants = theta
          return evaluator.normalEquations(work)
        })
      return Outcome(
        loss: r.loss, iterations: "\(r.iterations)\(r.converged ? "" : " (not conv.)")", evals: "\(f) / \(j)")
    }
    func gsl(_ solver: NonlinearLeastSquares) -> Outcome {
      var f = 0
      var j = 0
      do {
        let fit = try solver.fit(targets: target, start: start) { theta, values, jacobian in
          if values != nil { f += 1 }
          if jacobian != nil { j += 1 }
          model.evaluate(theta, values: values, jacobian: jacobian)
        }
        let attempts = fit.attempts.count > 1 ? ", \(fit.attempts.count) attempts" : ""
        return Outcome(
          loss: fit.chiSquared / Double(n),
          iterations: "\(fit.iterations)\(fit.converged ? "" : " (not conv.)")\(attempts)", evals: "\(f) / \(j)")
      } catch {
        return Outcome(loss: .nan, iterations: "error: \(error)", evals: "\(f) / \(j)")
      }
    }
    let solvers: [(String, Bool, () -> Outcome)] = [
      ("engine LM, \(searchIterations) it. (search)", true, { engine(searchIterations) }),
      (
        "GSL geodesic LM, \(searchIterations) it.", false,
        {
          gsl(NonlinearLeastSquares(maxIterations: searchIterations, strategy: .geodesicLevenbergMarquardt))
        }
      ),
      ("engine LM, converged (≤ 2000)", true, { engine(2000) }),
      ("GSL robust (default)", false, { gsl(NonlinearLeastSquares()) }),
      ("GSL geodesic LM", false, { gsl(NonlinearLeastSquares(strategy: .geodesicLevenbergMarquardt)) }),
      ("GSL plain LM", false, { gsl(NonlinearLeastSquares(strategy: .levenbergMarquardt)) }),
    ]
    var rows: [String] = []
    var reference = Double.nan
    for (label, isEngine, fit) in solvers {
      let outcome = fit()
      let seconds = Self.secondsPerCall(minTime: minTime) { _ = fit() }
      if isEngine { reference = seconds }
      let ratio = isEngine ? "1" : String(format: "%.1f×", seconds / reference)
      rows.append(
        "| \(name) | \(n) | \(p) | \(label) | \(String(format: "%.0f", 1 / seconds)) | "
          + "\(String(format: "%.1f", seconds * 1e6)) | \(outcome.iterations) | \(outcome.evals) | "
          + "\(String(format: "%.6g", outcome.loss)) | \(ratio) |")
    }
    return rows
  }

  /// Seconds per call: repeat until a batch lasts `minTime`, best of three batches.
  static func secondsPerCall(minTime: Double, _ body: () -> Void) -> Double {
    var best = Double.infinity
    for _ in 0..<3 {
      var calls = 0
      let t0 = DispatchTime.now().uptimeNanoseconds
      var elapsed = 0.0
      repeat {
        body()
        calls += 1
        elapsed = Double(DispatchTime.now().uptimeNanoseconds - t0) * 1e-9
      } while elapsed < minTime
      best = min(best, elapsed / Double(calls))
    }
    return best
  }
}

/// Values and row-major Jacobian (∂ŷᵢ/∂cⱼ at i·p+j) of a program over whole columns by forward-mode
/// differentiation, for GSL's model callback; same operator semantics as the engine's interpreter.
final class ProgramJacobian {
  let nodes: [Node]
  let columns: [[Double]]
  let n: Int, p: Int
  private var values: [Double]
  private var derivatives: [Double]
  private var masks: [UInt64]

  init(program: Program, columns: [[Double]]) {
    nodes = program.nodes
    self.columns = columns
    n = columns.first?.count ?? 0
    p = program.constants.count
    let depth = max(1, program.stackDepth)
    values = [Double](repeating: 0, count: depth * n)
    derivatives = [Double](repeating: 0, count: depth * max(1, p) * n)
    masks = [UInt64](repeating: 0, count: depth)
  }

  func evaluate(
    _ theta: UnsafeBufferPointer<Double>, values out: UnsafeMutableBufferPointer<Double>?,
    jacobian: UnsafeMutableBufferPointer<Double>?
  ) {
    let n = self.n
    let p = self.p
    let wantDerivatives = jacobian != nil
    values.withUnsafeMutableBufferPointer { vb in
      derivatives.withUnsafeMutableBufferPointer { db in
        masks.withUnsafeMutableBufferPointer { mb in
          let v = vb.baseAddress!
          let d = db.baseAddress!
          @inline(__always) func val(_ s: Int) -> UnsafeMutablePointer<Double> { v + s * n }
          @inline(__always) func der(_ s: Int, _ j: Int) -> UnsafeMutablePointer<Double> { d + (s * p + j) * n }
          var sp = 0
          var k = 0
          for node in nodes {
            switch node.opcode {
            case .constant, .literal, .variable:
              let o = val(sp)
              if node.opcode == .variable {
                columns[Int(node.feature)].withUnsafeBufferPointer { c in for i in 0..<n { o[i] = c[i] } }
                mb[sp] = 0
              } else {
                let c = node.opcode == .constant ? theta[k] : node.value
                for i in 0..<n { o[i] = c }
                mb[sp] = 0
                if node.opcode == .constant {
                  if wantDerivatives {
                    let dj = der(sp, k)
                    for i in 0..<n { dj[i] = 1 }
                    mb[sp] = UInt64(1) << UInt64(k)
                  }
                  k += 1
                }
              }
              sp += 1
            case .add, .subtract, .multiply, .divide:
              let sa = sp - 2
              let sb = sp - 1
              let a = val(sa)
              let b = val(sb)
              if wantDerivatives {
                let union = mb[sa] | mb[sb]
                var m = union
                while m != 0 {
                  let j = m.trailingZeroBitCount
                  m &= m - 1
                  let da = der(sa, j)
                  let dbj = der(sb, j)
                  if mb[sa] & (UInt64(1) << UInt64(j)) == 0 { for i in 0..<n { da[i] = 0 } }
                  if mb[sb] & (UInt64(1) << UInt64(j)) == 0 { for i in 0..<n { dbj[i] = 0 } }
                  switch node.opcode {
                  case .add: for i in 0..<n { da[i] += dbj[i] }
                  case .subtract: for i in 0..<n { da[i] -= dbj[i] }
                  case .multiply: for i in 0..<n { da[i] = da[i] * b[i] + a[i] * dbj[i] }
                  default: for i in 0..<n { da[i] = (da[i] - a[i] / b[i] * dbj[i]) / b[i] }
                  }
                }
                mb[sa] = union
              }
              switch node.opcode {
              case .add: for i in 0..<n { a[i] += b[i] }
              case .subtract: for i in 0..<n { a[i] -= b[i] }
              case .multiply: for i in 0..<n { a[i] *= b[i] }
              default: for i in 0..<n { a[i] /= b[i] }
              }
              sp -= 1
            default:
              let s = sp - 1
              let a = val(s)
              let e = node.value
              if wantDerivatives {
                var m = mb[s]
                while m != 0 {
                  let j = m.trailingZeroBitCount
                  m &= m - 1
                  let dj = der(s, j)
                  switch node.opcode {
                  case .sqrt: for i in 0..<n { dj[i] = dj[i] * 0.5 / a[i].squareRoot() }
                  case .log: for i in 0..<n { dj[i] = dj[i] / a[i] }
                  case .exp: for i in 0..<n { dj[i] = dj[i] * Foundation.exp(a[i]) }
                  case .square: for i in 0..<n { dj[i] = 2 * a[i] * dj[i] }
                  case .abs: for i in 0..<n { dj[i] = a[i] < 0 ? -dj[i] : dj[i] }
                  case .negate: for i in 0..<n { dj[i] = -dj[i] }
                  default: for i in 0..<n { dj[i] = e * Foundation.pow(a[i], e - 1) * dj[i] }
                  }
                }
              }
              switch node.opcode {
              case .sqrt: for i in 0..<n { a[i] = a[i].squareRoot() }
              case .log: for i in 0..<n { a[i] = Foundation.log(a[i]) }
              case .exp: for i in 0..<n { a[i] = Foundation.exp(a[i]) }
              case .square: for i in 0..<n { a[i] = a[i] * a[i] }
              case .abs: for i in 0..<n { a[i] = Swift.abs(a[i]) }
              case .negate: for i in 0..<n { a[i] = -a[i] }
              default:
                if e == 2 {
                  for i in 0..<n { a[i] = a[i] * a[i] }
                } else if e == -1 {
                  for i in 0..<n { a[i] = 1 / a[i] }
                } else if e == 0.5 {
                  for i in 0..<n { a[i] = a[i].squareRoot() }
                } else {
                  for i in 0..<n { a[i] = Foundation.pow(a[i], e) }
                }
              }
            }
          }
          if let out {
            let r = val(0)
            for i in 0..<n { out[i] = r[i] }
          }
          if let jacobian {
            for j in 0..<p {
              if mb[0] & (UInt64(1) << UInt64(j)) != 0 {
                let dj = der(0, j)
                for i in 0..<n { jacobian[i * p + j] = dj[i] }
              } else {
                for i in 0..<n { jacobian[i * p + j] = 0 }
              }
            }
          }
        }
      }
    }
  }
}
