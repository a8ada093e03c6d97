import CEvaluationKernels

/// Batched, column-wise interpreter for postfix programs over one ``Dataset``, in Double precision.
///
/// Rows are processed in blocks of ``blockSize``; each node runs one tight loop over the block into a
/// preallocated stack buffer (variables are read in place), so there is no per-row dispatch and no
/// allocation in the hot loop. The plain evaluation's loops are the C kernels of `CEvaluationKernels`,
/// which use the widest vectors the CPU has (AVX-512, AVX2 or SSE2) with bit-identical results. Any non-finite intermediate value (sqrt or log of a negative, division
/// by zero, overflow) makes the whole evaluation invalid. Not thread-safe: use one evaluator per thread.
public final class Evaluator {
  /// Rows per block.
  public static let blockSize = 128

  /// The vector level the element-wise kernels run at on this CPU ("avx512f", "avx2" or "baseline").
  public static var kernelLevel: String { String(cString: mtlf_kernel_level()) }

  public let data: Dataset
  /// Number of full-data passes performed (plain or with derivatives).
  public var evaluations: Int = 0

  private let columns: UnsafeMutablePointer<Double>
  private let target: UnsafeMutablePointer<Double>
  private let weights: UnsafeMutablePointer<Double>
  private var stackCapacity = 0
  private var parameterCapacity = 0
  private var values: UnsafeMutablePointer<Double>
  private var pointers: UnsafeMutablePointer<UnsafePointer<Double>>
  private var derivatives: UnsafeMutablePointer<Double>
  private var masks: UnsafeMutablePointer<UInt64>
  // Plain evaluation: the compiled program, the operand of each stack position, which of its two buffers
  // each position last wrote, and the scratch buffers (two per stack position, then one per constant).
  private var code: UnsafeMutablePointer<mtlf_instruction>
  private var codeCapacity = 0
  private var operands: UnsafeMutablePointer<Int32>
  private var banks: UnsafeMutablePointer<UInt8>
  private var scratch: UnsafeMutablePointer<Double>
  private var scratchBuffers = 0

  public init(data: Dataset) {
    self.data = data
    columns = .allocate(capacity: max(1, data.columns.count))
    columns.initialize(from: data.columns, count: data.columns.count)
    target = .allocate(capacity: max(1, data.rowCount))
    target.initialize(from: data.target, count: data.rowCount)
    weights = .allocate(capacity: max(1, data.rowCount))
    weights.initialize(from: data.weights, count: data.rowCount)
    values = .allocate(capacity: 1)
    pointers = .allocate(capacity: 1)
    derivatives = .allocate(capacity: 1)
    masks = .allocate(capacity: 1)
    code = .allocate(capacity: 1)
    operands = .allocate(capacity: 1)
    banks = .allocate(capacity: 1)
    scratch = .allocate(capacity: 1)
    reserve(stack: 16, parameters: 4)
  }

  deinit {
    columns.deallocate()
    target.deallocate()
    weights.deallocate()
    values.deallocate()
    pointers.deallocate()
    derivatives.deallocate()
    masks.deallocate()
    code.deallocate()
    operands.deallocate()
    banks.deallocate()
    scratch.deallocate()
  }

  private func reserve(stack: Int, parameters: Int) {
    if stack > stackCapacity {
      stackCapacity = max(stack, 2 * stackCapacity)
      values.deallocate()
      pointers.deallocate()
      masks.deallocate()
      operands.deallocate()
      banks.deallocate()
      values = .allocate(capacity: 2 * stackCapacity * Self.blockSize)
      pointers = .allocate(capacity: stackCapacity)
      masks = .allocate(capacity: stackCapacity)
      operands = .allocate(capacity: stackCapacity)
      banks = .allocate(capacity: stackCapacity)
      derivatives.deallocate()
      derivatives = .allocate(capacity: stackCapacity * max(1, parameterCapacity) * Self.blockSize)
    }
    if parameters > parameterCapacity {
      parameterCapacity = max(parameters, 2 * parameterCapacity)
      derivatives.deallocate()
      derivatives = .allocate(capacity: stackCapacity * parameterCapacity * Self.blockSize)
    }
  }

  /// Compiles `nodes` for ``mtlf_evaluate_block``: returns the number of instructions and the result operand.
  ///
  /// Each stack position owns two scratch buffers; an operation writes into the one its left operand does not
  /// occupy, so output and inputs never overlap. Every constant gets a buffer of its own, filled here once per
  /// evaluation rather than once per block; variables are read in place from the column store.
  private func compile(_ nodes: UnsafeBufferPointer<Node>, depth: Int) -> (count: Int, result: Int32) {
    let constantCount = nodes.reduce(0) { $0 + ($1.opcode.arity == 0 && $1.opcode != .variable ? 1 : 0) }
    let buffers = 2 * depth + constantCount
    if buffers > scratchBuffers {
      scratchBuffers = max(buffers, 2 * scratchBuffers)
      scratch.deallocate()
      scratch = .allocate(capacity: scratchBuffers * Self.blockSize)
    }
    if nodes.count > codeCapacity {
      codeCapacity = max(nodes.count, 2 * codeCapacity)
      code.deallocate()
      code = .allocate(capacity: codeCapacity)
    }
    let bs = Self.blockSize
    var sp = 0
    var count = 0
    var nextConstant = Int32(2 * depth)
    for s in 0..<depth { banks[s] = 0 }
    @inline(__always) func output(_ s: Int) -> Int32 {
      banks[s] ^= 1
      return Int32(2 * s) + Int32(banks[s])
    }
    for node in nodes {
      switch node.opcode {
      case .constant, .literal:
        (scratch + Int(nextConstant) * bs).update(repeating: node.value, count: bs)
        operands[sp] = nextConstant
        nextConstant += 1
        sp += 1
      case .variable:
        operands[sp] = -Int32(node.feature) - 1
        sp += 1
      case .add, .subtract, .multiply, .divide:
        let op: Int32
        switch node.opcode {
        case .add: op = Int32(MTLF_ADD)
        case .subtract: op = Int32(MTLF_SUBTRACT)
        case .multiply: op = Int32(MTLF_MULTIPLY)
        default: op = Int32(MTLF_DIVIDE)
        }
        let out = output(sp - 2)
        code[count] = mtlf_instruction(opcode: op, out: out, a: operands[sp - 2], b: operands[sp - 1], exponent: 0)
        count += 1
        operands[sp - 2] = out
        sp -= 1
      default:
        var op: Int32
        let e = node.value
        switch node.opcode {
        case .sqrt: op = Int32(MTLF_SQRT)
        case .log: op = Int32(MTLF_LOG)
        case .exp: op = Int32(MTLF_EXP)
        case .square: op = Int32(MTLF_SQUARE)
        case .abs: op = Int32(MTLF_ABS)
        case .negate: op = Int32(MTLF_NEGATE)
        default:
          op =
            e == 0.5
            ? Int32(MTLF_SQRT) : e == -1 ? Int32(MTLF_RECIPROCAL) : e == 2 ? Int32(MTLF_SQUARE) : Int32(MTLF_POWER)
        }
        let out = output(sp - 1)
        code[count] = mtlf_instruction(opcode: op, out: out, a: operands[sp - 1], b: 0, exponent: e)
        count += 1
        operands[sp - 1] = out
      }
    }
    return (count, operands[0])
  }

  /// Evaluates the compiled program on the block of `len` rows starting at `start`; nil if any value is invalid.
  @inline(__always)
  private func evaluateBlock(_ compiled: (count: Int, result: Int32), start: Int, len: Int) -> UnsafePointer<Double>? {
    mtlf_evaluate_block(
      code, compiled.count, scratch, Self.blockSize, columns, data.rowCount, start, len, compiled.result)
  }

  /// Predictions of `program` for every row, or nil when any intermediate value is not finite.
  public func predict(_ program: Program) -> [Double]? {
    guard program.isValid else { return nil }
    reserve(stack: program.stackDepth, parameters: 0)
    evaluations += 1
    var out = [Double](repeating: 0, count: data.rowCount)
    let ok = program.nodes.withUnsafeBufferPointer { nodes -> Bool in
      let compiled = compile(nodes, depth: program.stackDepth)
      return out.withUnsafeMutableBufferPointer { o -> Bool in
        var start = 0
        while start < data.rowCount {
          let len = min(Self.blockSize, data.rowCount - start)
          guard let r = evaluateBlock(compiled, start: start, len: len) else { return false }
          for i in 0..<len { o[start + i] = r[i] }
          start += len
        }
        return true
      }
    }
    return ok ? out : nil
  }

  /// Weighted mean squared error of `program`; `+infinity` when it is invalid anywhere.
  public func loss(_ program: Program) -> Double {
    guard program.isValid, data.rowCount > 0 else { return .infinity }
    reserve(stack: program.stackDepth, parameters: 0)
    evaluations += 1
    let total = program.nodes.withUnsafeBufferPointer { nodes -> Double in
      let compiled = compile(nodes, depth: program.stackDepth)
      var sse = 0.0
      var start = 0
      while start < data.rowCount {
        let len = min(Self.blockSize, data.rowCount - start)
        guard let r = evaluateBlock(compiled, start: start, len: len) else { return .infinity }
        let y = target + start
        let w = weights + start
        var s0 = 0.0
        var s1 = 0.0
        var i = 0
        while i + 1 < len {
          let d0 = y[i] - r[i]
          let d1 = y[i + 1] - r[i + 1]
          s0 += w[i] * d0 * d0
          s1 += w[i + 1] * d1 * d1
          i += 2
        }
        if i < len {
          let d = y[i] - r[i]
          s0 += w[i] * d * d
        }
        sse += s0 + s1
        start += len
      }
      return sse
    }
    guard total.isFinite, data.sumOfWeights > 0 else { return .infinity }
    return total / data.sumOfWeights
  }

  /// Loss, Gauss–Newton matrix `A = Σ w ∂f/∂cⱼ ∂f/∂cₖ / Σw` (row-major p×p) and gradient term
  /// `g = Σ w ∂f/∂cⱼ (y − f) / Σw` with respect to the program's free constants, by forward-mode differentiation.
  /// Each stack slot tracks which constants it depends on, so a node only propagates those derivatives.
  /// Returns nil when the program is invalid anywhere or has more than 64 constants.
  public func normalEquations(_ program: Program) -> (loss: Double, a: [Double], g: [Double])? {
    guard program.isValid, data.rowCount > 0, data.sumOfWeights > 0 else { return nil }
    let p = program.nodes.reduce(0) { $0 + ($1.opcode == .constant ? 1 : 0) }
    guard p <= 64 else { return nil }
    reserve(stack: program.stackDepth, parameters: p)
    evaluations += 1
    var a = [Double](repeating: 0, count: p * p)
    var g = [Double](repeating: 0, count: p)
    var sse = 0.0
    let ok = program.nodes.withUnsafeBufferPointer { nodes -> Bool in
      var start = 0
      let bs = Self.blockSize
      while start < data.rowCount {
        let len = min(bs, data.rowCount - start)
        guard let (r, d, mask) = derivativeBlock(nodes, parameters: p, start: start, len: len) else { return false }
        let y = target + start
        let w = weights + start
        sse += mtlf_weighted_squared_residuals(w, y, r, len)
        var mj = mask
        while mj != 0 {
          let j = mj.trailingZeroBitCount
          mj &= mj - 1
          let dj = d + j * bs
          g[j] += mtlf_weighted_residual_dot(w, dj, y, r, len)
          var mk = mask & ((j == 63 ? UInt64.max : (UInt64(1) << UInt64(j + 1)) - 1))
          while mk != 0 {
            let k = mk.trailingZeroBitCount
            mk &= mk - 1
            a[j * p + k] += mtlf_weighted_dot(w, dj, d + k * bs, len)
          }
        }
        start += len
      }
      return true
    }
    guard ok, sse.isFinite else { return nil }
    for j in 0..<p { for k in 0..<j { a[k * p + j] = a[j * p + k] } }
    let sw = data.sumOfWeights
    return (sse / sw, a.map { $0 / sw }, g.map { $0 / sw })
  }

  /// Values and derivatives for one block: derivative j of the result is at `d + j * blockSize` for every
  /// j in the returned dependency mask (the others are zero).
  @inline(__always)
  private func derivativeBlock(_ nodes: UnsafeBufferPointer<Node>, parameters p: Int, start: Int, len: Int)
    -> (UnsafePointer<Double>, UnsafePointer<Double>, UInt64)?
  {
    let bs = Self.blockSize
    let rows = data.rowCount
    let slotStride = max(1, p) * bs
    var sp = 0
    var k = 0
    @inline(__always) func der(_ slot: Int, _ j: Int) -> UnsafeMutablePointer<Double> {
      derivatives + slot * slotStride + j * bs
    }
    for node in nodes {
      switch node.opcode {
      case .constant, .literal:
        let out = values + sp * bs
        let v = node.value
        for i in 0..<len { out[i] = v }
        pointers[sp] = UnsafePointer(out)
        if node.opcode == .constant {
          let d = der(sp, k)
          for i in 0..<len { d[i] = 1 }
          masks[sp] = UInt64(1) << UInt64(k)
          k += 1
        } else {
          masks[sp] = 0
        }
        sp += 1
      case .variable:
        pointers[sp] = UnsafePointer(columns + Int(node.feature) * rows + start)
        masks[sp] = 0
        sp += 1
      case .add, .subtract, .multiply, .divide:
        let sa = sp - 2
        let sb = sp - 1
        let a = pointers[sa]
        let b = pointers[sb]
        let out = values + sa * bs
        let ma = masks[sa]
        let mb = masks[sb]
        var m = ma | mb
        while m != 0 {
          let j = m.trailingZeroBitCount
          m &= m - 1
          let bit = UInt64(1) << UInt64(j)
          let da = der(sa, j)
          let db = der(sb, j)
          let inA = ma & bit != 0
          let inB = mb & bit != 0
          switch node.opcode {
          case .add:
            if inA && inB {
              for i in 0..<len { da[i] = da[i] + db[i] }
            } else if inB {
              for i in 0..<len { da[i] = db[i] }
            }
          case .subtract:
            if inA && inB {
              for i in 0..<len { da[i] = da[i] - db[i] }
            } else if inB {
              for i in 0..<len { da[i] = -db[i] }
            }
          case .multiply:
            if inA && inB {
              for i in 0..<len { da[i] = da[i] * b[i] + a[i] * db[i] }
            } else if inA {
              for i in 0..<len { da[i] = da[i] * b[i] }
            } else {
              for i in 0..<len { da[i] = a[i] * db[i] }
            }
          default:
            if inA && inB {
              for i in 0..<len { da[i] = (da[i] - a[i] / b[i] * db[i]) / b[i] }
            } else if inA {
              for i in 0..<len { da[i] = da[i] / b[i] }
            } else {
              for i in 0..<len { da[i] = -(a[i] / b[i] * db[i]) / b[i] }
            }
          }
        }
        switch node.opcode {
        case .add: for i in 0..<len { out[i] = a[i] + b[i] }
        case .subtract: for i in 0..<len { out[i] = a[i] - b[i] }
        case .multiply: for i in 0..<len { out[i] = a[i] * b[i] }
        default: for i in 0..<len { out[i] = a[i] / b[i] }
        }
        if !(mtlf_all_finite(out, len) != 0) { return nil }
        pointers[sa] = UnsafePointer(out)
        masks[sa] = ma | mb
        sp -= 1
      default:
        let s = sp - 1
        let a = pointers[s]
        let out = values + s * bs
        let e = node.value
        var m = masks[s]
        while m != 0 {
          let j = m.trailingZeroBitCount
          m &= m - 1
          let d = der(s, j)
          switch node.opcode {
          case .sqrt: for i in 0..<len { d[i] = d[i] * 0.5 / a[i].squareRoot() }
          case .log: for i in 0..<len { d[i] = d[i] / a[i] }
          case .exp: for i in 0..<len { d[i] = d[i] * _exp(a[i]) }
          case .square: for i in 0..<len { d[i] = 2 * a[i] * d[i] }
          case .abs: for i in 0..<len { d[i] = a[i] < 0 ? -d[i] : d[i] }
          case .negate: for i in 0..<len { d[i] = -d[i] }
          default: for i in 0..<len { d[i] = e * _pow(a[i], e - 1) * d[i] }
          }
        }
        switch node.opcode {
        case .sqrt: for i in 0..<len { out[i] = a[i].squareRoot() }
        case .log: for i in 0..<len { out[i] = _log(a[i]) }
        case .exp: for i in 0..<len { out[i] = _exp(a[i]) }
        case .square: for i in 0..<len { out[i] = a[i] * a[i] }
        case .abs: for i in 0..<len { out[i] = Swift.abs(a[i]) }
        case .negate: for i in 0..<len { out[i] = -a[i] }
        default: for i in 0..<len { out[i] = _pow(a[i], e) }
        }
        if !(mtlf_all_finite(out, len) != 0) { return nil }
        pointers[s] = UnsafePointer(out)
      }
    }
    guard mtlf_all_finite(pointers[0], len) != 0 else { return nil }
    var m = masks[0]
    while m != 0 {
      let j = m.trailingZeroBitCount
      m &= m - 1
      if !(mtlf_all_finite(der(0, j), len) != 0) { return nil }
    }
    return (pointers[0], UnsafePointer(der(0, 0)), masks[0])
  }
}
