import Support

/// Serialisable state of a search between epochs (the checkpoint content).
struct SearchState: Codable, Sendable, Equatable {
  var format = "mtlformulas.sr-checkpoint/1"
  var fingerprint: String
  var dataFingerprint: UInt64
  var islands: [IslandState]
  var hallOfFame: HallOfFame
  var rng: SeededGenerator
  var epoch: Int
  var bestValidation: Double
  var epochsWithoutImprovement: Int

  /// FNV-1a hash of a dataset's values: a checkpoint only resumes on the data it was written for.
  static func fingerprint(_ d: Dataset) -> UInt64 {
    var h: UInt64 = 0xCBF2_9CE4_8422_2325
    func mix(_ v: UInt64) { h = (h ^ v) &* 0x100_0000_01B3 }
    for v in d.columns { mix(v.bitPattern) }
    for v in d.target { mix(v.bitPattern) }
    for v in d.weights { mix(v.bitPattern) }
    return h
  }
}
