import CEvaluationKernels

extension Evaluator {
  /// Compiles `nodes` for ``mtlf_evaluate_block``: returns the number of instructions and the result operand.
  ///
  /// Each stack position owns two scratch buffers; an operation writes into the one its left operand does not
  /// occupy, so output and inputs never overlap. Every constant gets a buffer of its own, filled here once per
  /// evaluation rather than once per block; variables are read in place from the column store.
  func compile(_ nodes: UnsafeBufferPointer<Node>, depth: Int) -> (count: Int, result: Int32) {
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
}
