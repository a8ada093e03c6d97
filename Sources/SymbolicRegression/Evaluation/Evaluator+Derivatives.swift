import CEvaluationKernels

extension Evaluator {
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
    let slotStride = max(1, p) * Self.blockSize
    var sp = 0
    var k = 0
    for node in nodes {
      switch node.opcode {
      case .constant, .literal:
        pushConstant(node, slot: sp, parameter: &k, len: len, stride: slotStride)
        sp += 1
      case .variable:
        pointers[sp] = UnsafePointer(columns + Int(node.feature) * data.rowCount + start)
        masks[sp] = 0
        sp += 1
      case .add, .subtract, .multiply, .divide:
        guard applyBinary(node.opcode, slot: sp - 2, len: len, stride: slotStride) else { return nil }
        sp -= 1
      default:
        guard applyUnary(node, slot: sp - 1, len: len, stride: slotStride) else { return nil }
      }
    }
    guard mtlf_all_finite(pointers[0], len) != 0 else { return nil }
    var m = masks[0]
    while m != 0 {
      let j = m.trailingZeroBitCount
      m &= m - 1
      if !(mtlf_all_finite(derivative(slot: 0, parameter: j, stride: slotStride), len) != 0) { return nil }
    }
    return (pointers[0], UnsafePointer(derivative(slot: 0, parameter: 0, stride: slotStride)), masks[0])
  }

  /// Derivative `j` of stack slot `slot`.
  @inline(__always)
  private func derivative(slot: Int, parameter j: Int, stride: Int) -> UnsafeMutablePointer<Double> {
    derivatives + slot * stride + j * Self.blockSize
  }

  /// Pushes a constant or literal; a free constant (parameter `k`) gets derivative 1 with respect to itself.
  @inline(__always)
  private func pushConstant(_ node: Node, slot sp: Int, parameter k: inout Int, len: Int, stride: Int) {
    let out = values + sp * Self.blockSize
    let v = node.value
    for i in 0..<len { out[i] = v }
    pointers[sp] = UnsafePointer(out)
    if node.opcode == .constant {
      let d = derivative(slot: sp, parameter: k, stride: stride)
      for i in 0..<len { d[i] = 1 }
      masks[sp] = UInt64(1) << UInt64(k)
      k += 1
    } else {
      masks[sp] = 0
    }
  }

  /// Applies a binary operator to slots `sa` and `sa + 1`, derivatives first (they read the operands' values);
  /// false when a value is not finite.
  @inline(__always)
  private func applyBinary(_ opcode: Opcode, slot sa: Int, len: Int, stride: Int) -> Bool {
    let sb = sa + 1
    let a = pointers[sa]
    let b = pointers[sb]
    let out = values + sa * Self.blockSize
    let ma = masks[sa]
    let mb = masks[sb]
    var m = ma | mb
    while m != 0 {
      let j = m.trailingZeroBitCount
      m &= m - 1
      let bit = UInt64(1) << UInt64(j)
      binaryDerivative(
        opcode, a: a, b: b, da: derivative(slot: sa, parameter: j, stride: stride),
        db: derivative(slot: sb, parameter: j, stride: stride), inA: ma & bit != 0, inB: mb & bit != 0, len: len)
    }
    switch opcode {
    case .add: for i in 0..<len { out[i] = a[i] + b[i] }
    case .subtract: for i in 0..<len { out[i] = a[i] - b[i] }
    case .multiply: for i in 0..<len { out[i] = a[i] * b[i] }
    default: for i in 0..<len { out[i] = a[i] / b[i] }
    }
    if !(mtlf_all_finite(out, len) != 0) { return false }
    pointers[sa] = UnsafePointer(out)
    masks[sa] = ma | mb
    return true
  }

  /// The derivative of `a op b` into `da`, where `inA` / `inB` say whether each operand depends on the parameter.
  @inline(__always)
  private func binaryDerivative(
    _ opcode: Opcode, a: UnsafePointer<Double>, b: UnsafePointer<Double>, da: UnsafeMutablePointer<Double>,
    db: UnsafeMutablePointer<Double>, inA: Bool, inB: Bool, len: Int
  ) {
    switch opcode {
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

  /// Applies a unary operator to slot `s`, derivatives first; false when a value is not finite.
  @inline(__always)
  private func applyUnary(_ node: Node, slot s: Int, len: Int, stride: Int) -> Bool {
    let a = pointers[s]
    let out = values + s * Self.blockSize
    let e = node.value
    var m = masks[s]
    while m != 0 {
      let j = m.trailingZeroBitCount
      m &= m - 1
      let d = derivative(slot: s, parameter: j, stride: stride)
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
    if !(mtlf_all_finite(out, len) != 0) { return false }
    pointers[s] = UnsafePointer(out)
    return true
  }
}
