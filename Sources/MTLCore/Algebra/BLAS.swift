import COpenBLAS
import Foundation

/// Dense kernels on OpenBLAS (Fortran entry points, so GSL's reference CBLAS can never be picked up by mistake).
public enum BLAS {
  /// Row-major `C[m×n] = alpha·op(A)·op(B) + beta·C`; `lda`, `ldb`, `ldc` are row strides.
  /// op(A) is m×k and op(B) is k×n.
  public static func gemm(
    transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Float = 1,
    a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
    beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
  ) {
    if m == 0 || n == 0 { return }
    // Row-major C = op(A)·op(B) is column-major Cᵀ = op(B)ᵀ·op(A)ᵀ.
    mtl_sgemm(
      transposeB ? 84 : 78, transposeA ? 84 : 78, Int32(n), Int32(m), Int32(k), alpha,
      b, Int32(ldb), a, Int32(lda), beta, c, Int32(ldc))
  }

  /// Sets the number of threads OpenBLAS uses (process-wide). Training sets 1: parallelism is across grid points.
  public static func setThreads(_ count: Int) { mtl_blas_set_threads(Int32(max(1, count))) }

  /// The number of threads OpenBLAS uses now.
  public static var threads: Int { Int(mtl_blas_get_threads()) }

  /// OpenBLAS's build description (version, core, thread count limit).
  public static var configuration: String { String(cString: mtl_blas_config()) }

  /// Path of the shared library that serves the GEMM calls, found by locating the routine's address in
  /// /proc/self/maps (Linux); nil where that file is unavailable.
  public static var gemmLibraryPath: String? {
    let address = UInt(bitPattern: mtl_sgemm_address())
    // Read line by line with stdio: /proc files report size 0, which whole-file readers may truncate.
    guard let file = fopen("/proc/self/maps", "r") else { return nil }
    defer { fclose(file) }
    var buffer = [CChar](repeating: 0, count: 4096)
    while fgets(&buffer, Int32(buffer.count), file) != nil {
      let line = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
      let fields = line.split(whereSeparator: { $0 == " " || $0 == "\n" })
      guard fields.count >= 6 else { continue }
      let bounds = fields[0].split(separator: "-")
      guard bounds.count == 2, let low = UInt(bounds[0], radix: 16), let high = UInt(bounds[1], radix: 16)
      else { continue }
      if address >= low && address < high { return fields[5...].joined(separator: " ") }
    }
    return nil
  }
}
