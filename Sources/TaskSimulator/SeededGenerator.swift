/// SplitMix64: a tiny 64-bit generator used to expand one seed into well-mixed state words.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  private var state: UInt64

  /// Creates a generator whose sequence depends only on `seed`.
  public init(seed: UInt64) { state = seed }

  /// Returns the next 64 random bits.
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    return SplitMix64.mix(state)
  }

  /// The SplitMix64 finaliser: a bijective scrambling of one 64-bit word.
  public static func mix(_ value: UInt64) -> UInt64 {
    var z = value
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// Derives an independent child seed from a parent seed and a list of stream identifiers.
  public static func derive(_ seed: UInt64, _ streams: UInt64...) -> UInt64 {
    var value = mix(seed ^ 0x6A09_E667_F3BC_C908)
    for stream in streams { value = mix(value ^ mix(stream &+ 0x3C6E_F372_FE94_F82B)) }
    return value
  }
}

/// xoshiro256**: the project's seeded random number generator (fast, 256-bit state, reproducible).
///
/// All helpers (`nextDouble`, `nextInt(below:)`) are defined here so that sequences never depend on
/// the standard library's sampling algorithms.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable {
  private var s0: UInt64
  private var s1: UInt64
  private var s2: UInt64
  private var s3: UInt64

  /// Creates a generator seeded through SplitMix64.
  public init(seed: UInt64) {
    var mixer = SplitMix64(seed: seed)
    s0 = mixer.next(); s1 = mixer.next(); s2 = mixer.next(); s3 = mixer.next()
    if s0 | s1 | s2 | s3 == 0 { s0 = 1 }
  }

  /// Returns the next 64 random bits.
  public mutating func next() -> UInt64 {
    let result = rotl(s1 &* 5, 7) &* 9
    let t = s1 << 17
    s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
    s2 ^= t
    s3 = rotl(s3, 45)
    return result
  }

  @inline(__always) private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 &- k)) }

  /// A uniform double in [0, 1) with 53 random bits.
  public mutating func nextDouble() -> Double { Double(next() >> 11) * 0x1.0p-53 }

  /// A uniform integer in 0..<bound (bound > 0), unbiased (Lemire's multiply-and-reject method).
  public mutating func nextInt(below bound: Int) -> Int {
    guard bound > 1 else { return 0 }
    let b = UInt64(bound)
    var product = next().multipliedFullWidth(by: b)
    if product.low < b {
      let threshold = (0 &- b) % b
      while product.low < threshold { product = next().multipliedFullWidth(by: b) }
    }
    return Int(product.high)
  }

  /// Shuffles an array in place (Fisher–Yates with this generator).
  public mutating func shuffle<T>(_ array: inout [T]) {
    guard array.count > 1 else { return }
    for i in stride(from: array.count - 1, to: 0, by: -1) {
      let j = nextInt(below: i + 1)
      if i != j { array.swapAt(i, j) }
    }
  }
}
