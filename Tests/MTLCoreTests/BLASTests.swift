import MTLCore
import Testing

@Suite struct BLASTests {
  @Test(arguments: [(false, false), (true, false), (false, true), (true, true)])
  func gemmMatchesNaiveProduct(_ trans: (Bool, Bool)) {
    let m = 5
    let n = 4
    let k = 3
    let a = GradientCheck.randomValues(m * k, seed: 1)
    let b = GradientCheck.randomValues(k * n, seed: 2)
    // Stored layouts: A is m×k (or k×m when transposed), B is k×n (or n×k).
    func aAt(_ i: Int, _ p: Int) -> Float { trans.0 ? a[p * m + i] : a[i * k + p] }
    func bAt(_ p: Int, _ j: Int) -> Float { trans.1 ? b[j * k + p] : b[p * n + j] }
    var c = [Float](repeating: 1, count: m * n)
    a.withUnsafeBufferPointer { ap in
      b.withUnsafeBufferPointer { bp in
        c.withUnsafeMutableBufferPointer { cp in
          BLAS.gemm(
            transposeA: trans.0, transposeB: trans.1, m: m, n: n, k: k, alpha: 2, a: ap.baseAddress!,
            lda: trans.0 ? m : k, b: bp.baseAddress!, ldb: trans.1 ? k : n, beta: 0.5, c: cp.baseAddress!, ldc: n)
        }
      }
    }
    for i in 0..<m {
      for j in 0..<n {
        var s: Float = 0
        for p in 0..<k { s += aAt(i, p) * bAt(p, j) }
        #expect(abs(c[i * n + j] - (2 * s + 0.5)) < 1e-5)
      }
    }
  }

  @Test func gemmRunsOnOpenBLAS() throws {
    let path = try #require(BLAS.gemmLibraryPath)
    #expect(path.contains("openblas"), "GEMM is served by \(path)")
    #expect(BLAS.configuration.contains("OpenBLAS"))
  }
}
