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

  let columns: UnsafeMutablePointer<Double>
  let target: UnsafeMutablePointer<Double>
  let weights: UnsafeMutablePointer<Double>
  var stackCapacity = 0
  var parameterCapacity = 0
  var values: UnsafeMutablePointer<Double>
  var pointers: UnsafeMutablePointer<UnsafePointer<Double>>
  var derivatives: UnsafeMutablePointer<Double>
  var masks: UnsafeMutablePointer<UInt64>
  // Plain evaluation: the compiled program, the operand of each stack position, which of its two buffers
  // each position last wrote, and the scratch buffers (two per stack position, then one per constant).
  var code: UnsafeMutablePointer<mtlf_instruction>
  var codeCapacity = 0
  var operands: UnsafeMutablePointer<Int32>
  var banks: UnsafeMutablePointer<UInt8>
  var scratch: UnsafeMutablePointer<Double>
  var scratchBuffers = 0

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

  func reserve(stack: Int, parameters: Int) {
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
}
