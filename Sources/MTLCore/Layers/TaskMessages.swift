import Foundation
import Support

/// Messages between task nodes (Liu et al., AAAI 2019, adapted to one window representation per task): a query
/// attends over the sources' states, the attention-weighted sum r is the message, and a gate injects it into the
/// receiving task's state:
///
///     z_k = tanh(h_k W_s + q W_p),  s_k = z_k · u,  a = softmax_k(s),  r = Σ_k a_k h_k
///     g = σ(r W_g + h_t U_g + b_g),  h'_t = h_t + g ⊙ (r W_r)
///
/// ``gather(nodes:sources:query:batch:)`` computes r (one message per source), ``deliver(target:batch:)`` the
/// receiver's new state; ``backward(outputGradient:batch:)`` back-propagates the last gather and delivery into
/// ``nodeGradients`` (one per source), ``queryGradient`` and ``targetGradient`` and the parameters' gradients.
/// All row-major; buffers allocated once.
public final class TaskMessages {
  /// Width of a node state (H).
  public let size: Int
  /// Width of the attention's hidden layer.
  public let attentionSize: Int
  public let maxBatch: Int
  public let maxSources: Int
  /// W_s (H×A), W_p (H×A), u (A), W_g (H×H), U_g (H×H), b_g (H), W_r (H×H).
  public let sourceWeight, queryWeight, score, gateMessage, gateState, gateBias, messageWeight: Parameter

  /// Attention of the last gather, batch×sources (row b: the weights of each source for example b).
  public let attention: FloatBuffer
  /// dL/dh_k of each source of the last gather, batch×H each.
  public let nodeGradients: [FloatBuffer]
  /// dL/d(query) and dL/d(target) of the last gather and delivery.
  public let queryGradient: FloatBuffer
  public let targetGradient: FloatBuffer

  private let q, z, r, g, v, out, dq, dy, dr, dv, dpre, da: FloatBuffer
  private var nodes: [UnsafePointer<Float>] = []
  private var sources: [Int] = []
  private var query: UnsafePointer<Float>?
  private var target: UnsafePointer<Float>?

  public init(size: Int, attentionSize: Int, maxSources: Int, maxBatch: Int, name: String, rng: inout SeededGenerator) {
    self.size = size
    self.attentionSize = attentionSize
    self.maxBatch = maxBatch
    self.maxSources = maxSources
    func parameter(_ suffix: String, _ count: Int, fanIn: Int) -> Parameter {
      let p = Parameter(name: "\(name).\(suffix)", count: count)
      p.fillUniform(bound: 1 / Float(fanIn).squareRoot(), using: &rng)
      return p
    }
    let (h, a) = (size, attentionSize)
    sourceWeight = parameter("sourceWeight", h * a, fanIn: h)
    queryWeight = parameter("queryWeight", h * a, fanIn: h)
    score = parameter("score", a, fanIn: a)
    gateMessage = parameter("gateMessage", h * h, fanIn: h)
    gateState = parameter("gateState", h * h, fanIn: h)
    gateBias = parameter("gateBias", h, fanIn: h)
    messageWeight = parameter("messageWeight", h * h, fanIn: h)
    attention = FloatBuffer(count: maxBatch * maxSources)
    nodeGradients = (0..<maxSources).map { _ in FloatBuffer(count: maxBatch * h) }
    queryGradient = FloatBuffer(count: maxBatch * h)
    targetGradient = FloatBuffer(count: maxBatch * h)
    q = FloatBuffer(count: maxBatch * a)
    z = FloatBuffer(count: maxSources * maxBatch * a)
    dq = FloatBuffer(count: maxBatch * a)
    dy = FloatBuffer(count: maxBatch * a)
    da = FloatBuffer(count: maxBatch * maxSources)
    (r, g, v, out, dr, dv, dpre) = (
      FloatBuffer(count: maxBatch * h), FloatBuffer(count: maxBatch * h), FloatBuffer(count: maxBatch * h),
      FloatBuffer(count: maxBatch * h), FloatBuffer(count: maxBatch * h), FloatBuffer(count: maxBatch * h),
      FloatBuffer(count: maxBatch * h)
    )
  }

  /// The output of the last delivery (batch×H).
  public var lastOutput: UnsafeMutablePointer<Float> { out.pointer }

  public var parameters: [Parameter] {
    [sourceWeight, queryWeight, score, gateMessage, gateState, gateBias, messageWeight]
  }

  /// The message r for each example: `query` (batch×H) attends over the states `nodes[k]` (batch×H) of `sources`.
  /// The pointers must stay valid until the backward pass.
  @discardableResult
  public func gather(nodes: [UnsafePointer<Float>], sources: [Int], query: UnsafePointer<Float>, batch: Int)
    -> UnsafePointer<Float>
  {
    precondition(sources.count <= maxSources && batch <= maxBatch)
    self.nodes = nodes
    self.sources = sources
    self.query = query
    let (h, a, k) = (size, attentionSize, sources.count)
    BLAS.gemm(
      transposeA: false, transposeB: false, m: batch, n: a, k: h, a: query, lda: h, b: queryWeight.value.pointer,
      ldb: a, beta: 0, c: q.pointer, ldc: a)
    let u = score.value.pointer
    let att = attention.pointer
    for (j, s) in sources.enumerated() {
      let zj = z.pointer + j * maxBatch * a
      zj.update(from: q.pointer, count: batch * a)
      BLAS.gemm(
        transposeA: false, transposeB: false, m: batch, n: a, k: h, a: nodes[s], lda: h,
        b: sourceWeight.value.pointer, ldb: a, beta: 1, c: zj, ldc: a)
      for b in 0..<batch {
        var dot: Float = 0
        for i in 0..<a {
          let t = Foundation.tanh(zj[b * a + i])
          zj[b * a + i] = t
          dot += t * u[i]
        }
        att[b * k + j] = dot
      }
    }
    for b in 0..<batch {
      let row = att + b * k
      var largest = row[0]
      for j in 1..<k where row[j] > largest { largest = row[j] }
      var sum: Float = 0
      for j in 0..<k {
        row[j] = Foundation.exp(row[j] - largest)
        sum += row[j]
      }
      for j in 0..<k { row[j] /= sum }
    }
    let rp = r.pointer
    rp.update(repeating: 0, count: batch * h)
    for (j, s) in sources.enumerated() {
      let hs = nodes[s]
      for b in 0..<batch {
        let w = att[b * k + j]
        for i in 0..<h { rp[b * h + i] += w * hs[b * h + i] }
      }
    }
    return UnsafePointer(rp)
  }

  /// The receiver's new state h'_t = h_t + g ⊙ (r W_r) from the last gathered message.
  public func deliver(target: UnsafePointer<Float>, batch: Int) -> UnsafePointer<Float> {
    self.target = target
    let h = size
    let (gp, vp, op) = (g.pointer, v.pointer, out.pointer)
    let bias = gateBias.value.pointer
    for b in 0..<batch { (gp + b * h).update(from: bias, count: h) }
    BLAS.gemm(
      transposeA: false, transposeB: false, m: batch, n: h, k: h, a: r.pointer, lda: h,
      b: gateMessage.value.pointer, ldb: h, beta: 1, c: gp, ldc: h)
    BLAS.gemm(
      transposeA: false, transposeB: false, m: batch, n: h, k: h, a: target, lda: h, b: gateState.value.pointer,
      ldb: h, beta: 1, c: gp, ldc: h)
    BLAS.gemm(
      transposeA: false, transposeB: false, m: batch, n: h, k: h, a: r.pointer, lda: h,
      b: messageWeight.value.pointer, ldb: h, beta: 0, c: vp, ldc: h)
    for i in 0..<(batch * h) {
      gp[i] = 1 / (1 + Foundation.exp(-gp[i]))
      op[i] = target[i] + gp[i] * vp[i]
    }
    return UnsafePointer(op)
  }

  /// Back-propagates dL/dh'_t of the last delivery through it and the last gather.
  public func backward(outputGradient dOut: UnsafePointer<Float>, batch: Int) {
    guard let target, let query else { return }
    let (h, a, k) = (size, attentionSize, sources.count)
    let n = batch * h
    let (gp, vp, rp) = (g.pointer, v.pointer, r.pointer)
    targetGradient.pointer.update(from: dOut, count: n)
    for i in 0..<n {
      dv.pointer[i] = dOut[i] * gp[i]
      dpre.pointer[i] = dOut[i] * vp[i] * gp[i] * (1 - gp[i])
    }
    let gb = gateBias.gradient.pointer
    for b in 0..<batch { for i in 0..<h { gb[i] += dpre.pointer[b * h + i] } }
    BLAS.gemm(
      transposeA: true, transposeB: false, m: h, n: h, k: batch, a: rp, lda: h, b: dv.pointer, ldb: h, beta: 1,
      c: messageWeight.gradient.pointer, ldc: h)
    BLAS.gemm(
      transposeA: true, transposeB: false, m: h, n: h, k: batch, a: rp, lda: h, b: dpre.pointer, ldb: h, beta: 1,
      c: gateMessage.gradient.pointer, ldc: h)
    BLAS.gemm(
      transposeA: true, transposeB: false, m: h, n: h, k: batch, a: target, lda: h, b: dpre.pointer, ldb: h,
      beta: 1, c: gateState.gradient.pointer, ldc: h)
    BLAS.gemm(
      transposeA: false, transposeB: true, m: batch, n: h, k: h, a: dv.pointer, lda: h,
      b: messageWeight.value.pointer, ldb: h, beta: 0, c: dr.pointer, ldc: h)
    BLAS.gemm(
      transposeA: false, transposeB: true, m: batch, n: h, k: h, a: dpre.pointer, lda: h,
      b: gateMessage.value.pointer, ldb: h, beta: 1, c: dr.pointer, ldc: h)
    BLAS.gemm(
      transposeA: false, transposeB: true, m: batch, n: h, k: h, a: dpre.pointer, lda: h,
      b: gateState.value.pointer, ldb: h, beta: 1, c: targetGradient.pointer, ldc: h)
    backwardAttention(batch: batch, h: h, a: a, k: k)
    BLAS.gemm(
      transposeA: true, transposeB: false, m: h, n: a, k: batch, a: query, lda: h, b: dq.pointer, ldb: a, beta: 1,
      c: queryWeight.gradient.pointer, ldc: a)
    BLAS.gemm(
      transposeA: false, transposeB: true, m: batch, n: h, k: a, a: dq.pointer, lda: a,
      b: queryWeight.value.pointer, ldb: a, beta: 0, c: queryGradient.pointer, ldc: h)
  }

  /// From dL/dr (in `dr`): the sources' gradients through r = Σ a_k h_k and through the scores, and dL/dq.
  private func backwardAttention(batch: Int, h: Int, a: Int, k: Int) {
    let att = attention.pointer
    let drp = dr.pointer
    // da_j = dr · h_j, then the softmax's Jacobian: ds_j = a_j (da_j − Σ_i a_i da_i); ds is kept in `da`.
    let da = self.da.pointer
    for (j, s) in sources.enumerated() {
      let hs = nodes[s]
      let gradient = nodeGradients[j].pointer
      for b in 0..<batch {
        let w = att[b * k + j]
        var dot: Float = 0
        for i in 0..<h {
          dot += drp[b * h + i] * hs[b * h + i]
          gradient[b * h + i] = w * drp[b * h + i]
        }
        da[b * k + j] = dot
      }
    }
    for b in 0..<batch {
      var mean: Float = 0
      for j in 0..<k { mean += att[b * k + j] * da[b * k + j] }
      for j in 0..<k { da[b * k + j] = att[b * k + j] * (da[b * k + j] - mean) }
    }
    dq.pointer.update(repeating: 0, count: batch * a)
    let u = score.value.pointer
    let du = score.gradient.pointer
    for (j, s) in sources.enumerated() {
      let zj = z.pointer + j * maxBatch * a
      for b in 0..<batch {
        let ds = da[b * k + j]
        for i in 0..<a {
          let zi = zj[b * a + i]
          du[i] += ds * zi
          let d = ds * u[i] * (1 - zi * zi)
          dy.pointer[b * a + i] = d
          dq.pointer[b * a + i] += d
        }
      }
      BLAS.gemm(
        transposeA: true, transposeB: false, m: h, n: a, k: batch, a: nodes[s], lda: h, b: dy.pointer, ldb: a,
        beta: 1, c: sourceWeight.gradient.pointer, ldc: a)
      BLAS.gemm(
        transposeA: false, transposeB: true, m: batch, n: h, k: a, a: dy.pointer, lda: a,
        b: sourceWeight.value.pointer, ldb: a, beta: 1, c: nodeGradients[j].pointer, ldc: h)
    }
  }
}
