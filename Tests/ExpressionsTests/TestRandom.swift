import Support

extension SplitMix64 {
  /// A uniform draw from `range` (53 random bits), so every test draws the same numbers on every run.
  mutating func uniform(_ range: ClosedRange<Double>) -> Double {
    let unit = Double(next() >> 11) * 0x1.0p-53
    return range.lowerBound + unit * (range.upperBound - range.lowerBound)
  }
}
