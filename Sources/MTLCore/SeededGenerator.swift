import Foundation
import TaskSimulator

/// The training code's seeded generator: TaskSimulator's xoshiro256** (seeded through SplitMix64) plus the samplers
/// training needs (uniform Float, normal, index). The stream depends only on the seed, on every platform.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var base: Xoshiro256StarStar

    /// Creates a generator whose whole stream is determined by `seed`.
    public init(seed: UInt64) {
        base = Xoshiro256StarStar(seed: seed)
    }

    /// A seed derived from `seed` and a list of indices (repetition, grid point, purpose…), stable across runs:
    /// a chain of SplitMix64 steps, each keyed by the next index.
    public static func derive(_ seed: UInt64, _ indices: UInt64...) -> UInt64 {
        var state = seed &+ 0x9E37_79B9_7F4A_7C15
        var value = SplitMix64.mix(state)
        for index in indices {
            state = (value ^ (index &* 0xD1B5_4A32_D192_ED03)) &+ 0x9E37_79B9_7F4A_7C15
            value = SplitMix64.mix(state)
        }
        return value
    }

    public mutating func next() -> UInt64 { base.next() }

    /// Uniform Float in [0, 1) with 24 random bits.
    public mutating func nextUnitFloat() -> Float {
        Float(next() >> 40) * (1.0 / 16_777_216.0)
    }

    /// Uniform Double in [0, 1) with 53 random bits.
    public mutating func nextUnitDouble() -> Double { base.nextDouble() }

    /// Uniform integer in 0..<bound (bound > 0), unbiased (Lemire's method); always consumes at least one value.
    public mutating func nextIndex(below bound: Int) -> Int {
        if bound <= 1 {
            _ = next()
            return 0
        }
        return base.nextInt(below: bound)
    }

    /// Standard normal sample (Box–Muller).
    public mutating func nextNormal() -> Double {
        var u = nextUnitDouble()
        while u <= 0 { u = nextUnitDouble() }
        let v = nextUnitDouble()
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }

    /// Fisher–Yates shuffle of `values` in place, defined here so the order never depends on the standard library.
    public mutating func shuffle<T>(_ values: inout [T]) { base.shuffle(&values) }
}
