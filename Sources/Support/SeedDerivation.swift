/// The named recipes that turn a user's seed and a few indices into the seed of an independent stream.
///
/// Each subsystem keeps the recipe it has always used, so that every result recorded with a seed (reports, grids,
/// benchmark figures) is reproduced exactly; new code should use ``keyed(_:_:)``.
public enum SeedDerivation {
  /// `seed ^ (stream + 1)·0xD1B54A32D192ED03`: the search engine's islands, data splits and test data.
  public static func xorStream(_ seed: UInt64, _ stream: UInt64) -> UInt64 {
    seed ^ (stream &+ 1) &* 0xD1B5_4A32_D192_ED03
  }

  /// SplitMix64(seed) XOR SplitMix64(stream ^ 0xD1B54A32D192ED03)·golden ratio: the statistics' resamples (one
  /// stream per bootstrap replicate or fold assignment), independent of the order streams are used in.
  public static func mixedStream(_ seed: UInt64, _ stream: UInt64) -> UInt64 {
    var a = SplitMix64(seed: seed)
    var b = SplitMix64(seed: stream ^ 0xD1B5_4A32_D192_ED03)
    return a.next() ^ (b.next() &* 0x9E37_79B9_7F4A_7C15)
  }

  /// A chain of SplitMix64 finalisers keyed by each stream identifier: the task simulator, the grid runner and
  /// new code (`keyed(seed, point, repetition)`).
  public static func keyed(_ seed: UInt64, _ streams: UInt64...) -> UInt64 {
    var value = SplitMix64.mix(seed ^ 0x6A09_E667_F3BC_C908)
    for stream in streams { value = SplitMix64.mix(value ^ SplitMix64.mix(stream &+ 0x3C6E_F372_FE94_F82B)) }
    return value
  }

  /// SplitMix64 steps, each keyed by the next index: the MTL trainer's parameters, batches and dropout.
  public static func chained(_ seed: UInt64, _ indices: UInt64...) -> UInt64 {
    var state = seed &+ 0x9E37_79B9_7F4A_7C15
    var value = SplitMix64.mix(state)
    for index in indices {
      state = (value ^ (index &* 0xD1B5_4A32_D192_ED03)) &+ 0x9E37_79B9_7F4A_7C15
      value = SplitMix64.mix(state)
    }
    return value
  }
}

/// SplitMix64: the tiny generator that expands one seed into well-mixed words.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  private var state: UInt64

  /// A generator whose sequence depends only on `seed`.
  public init(seed: UInt64) { state = seed }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    return Self.mix(state)
  }

  /// The SplitMix64 finaliser: a bijective scrambling of one 64-bit word.
  public static func mix(_ value: UInt64) -> UInt64 {
    var z = value
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
