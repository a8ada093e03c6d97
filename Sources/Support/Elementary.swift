#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#elseif canImport(Musl)
  import Musl
#endif

/// The C library's elementary functions under names that do not clash with the samplers' (no Foundation needed).
enum Elementary {
  @inline(__always) static func log(_ x: Double) -> Double { cLog(x) }
  @inline(__always) static func cos(_ x: Double) -> Double { cCos(x) }
}

@inline(__always) private func cLog(_ x: Double) -> Double { log(x) }
@inline(__always) private func cCos(_ x: Double) -> Double { cos(x) }
