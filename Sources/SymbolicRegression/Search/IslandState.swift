import Support

/// One member of an island population.
struct Member: Codable, Sendable, Equatable {
  var program: Program
  var loss: Double
  var birth: Int
}

/// The complete, serialisable state of one island.
struct IslandState: Codable, Sendable, Equatable {
  var members: [Member]
  var rng: SeededGenerator
  var evaluations: Int
  var budget: Int?
  var births: Int
  /// Running counts of member complexities (adaptive parsimony).
  var sizeCounts: [Double]
  var hallOfFame: HallOfFame
}
