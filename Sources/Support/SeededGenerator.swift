/// The project's one seeded random number generator: xoshiro256** whose state is filled by SplitMix64.
///
/// The same seed always gives the same sequence, on every platform and Swift version, because every sampler
/// (`nextDouble`, `nextFloat`, `nextInt(below:)`, `nextNormal`, `shuffle`) is implemented here rather than taken from
/// the standard library. Independent streams come from ``SeedDerivation``; `init(seed:stream:)` is its
/// ``SeedDerivation/xorStream(_:_:)`` recipe.
public struct SeededGenerator: RandomNumberGenerator, Codable, Sendable, Hashable {
  // The names s0…s3 are part of the Codable form (search checkpoints store generators).
  private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

  /// A generator whose whole state is derived from `seed` (four SplitMix64 outputs).
  public init(seed: UInt64) {
    var mixer = SplitMix64(seed: seed)
    s0 = mixer.next()
    s1 = mixer.next()
    s2 = mixer.next()
    s3 = mixer.next()
    if s0 | s1 | s2 | s3 == 0 { s0 = 1 }  // the all-zero state is xoshiro's only fixed point
  }

  /// The generator of sub-stream `stream` of `seed` by ``SeedDerivation/xorStream(_:_:)`` (the search engine's
  /// islands, splits and test data).
  public init(seed: UInt64, stream: UInt64) {
    self.init(seed: SeedDerivation.xorStream(seed, stream))
  }

  @inline(__always) private static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 &- k)) }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    let result = Self.rotl(s1 &* 5, 7) &* 9
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = Self.rotl(s3, 45)
    return result
  }

  /// A uniform Double in [0, 1) with 53 random bits.
  public mutating func nextDouble() -> Double { Double(next() >> 11) * 0x1.0p-53 }

  /// A uniform Float in [0, 1) with 24 random bits.
  public mutating func nextFloat() -> Float { Float(next() >> 40) * (1.0 / 16_777_216.0) }

  /// A uniform integer in 0..<bound, unbiased (Lemire's multiply-and-reject); 0 without a draw when bound ≤ 1.
  public mutating func nextInt(below bound: Int) -> Int {
    guard bound > 1 else { return 0 }
    let range = UInt64(bound)
    var product = next().multipliedFullWidth(by: range)
    if product.low < range {
      let threshold = (0 &- range) % range
      while product.low < threshold { product = next().multipliedFullWidth(by: range) }
    }
    return Int(product.high)
  }

  /// True with probability `p` (one draw).
  public mutating func nextBool(probability p: Double) -> Bool { nextDouble() < p }

  /// A standard normal deviate (Box–Muller, two draws; a draw of exactly 0 is replaced by 1e-300).
  public mutating func nextNormal() -> Double {
    let u1 = Swift.max(nextDouble(), 1e-300)
    let u2 = nextDouble()
    return (-2 * Elementary.log(u1)).squareRoot() * Elementary.cos(2 * Double.pi * u2)
  }

  /// Shuffles `array` in place (Fisher–Yates with `nextInt(below:)`).
  public mutating func shuffle<Element>(_ array: inout [Element]) {
    guard array.count > 1 else { return }
    for i in stride(from: array.count - 1, to: 0, by: -1) {
      let j = nextInt(below: i + 1)
      if i != j { array.swapAt(i, j) }
    }
  }
}
