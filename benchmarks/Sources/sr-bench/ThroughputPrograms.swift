import Support
import SymbolicRegression

/// Random programs for the throughput benchmark (Operon's protocol): up to 64 nodes over 10 features,
/// operators + − × ÷, leaves 3/4 features and 1/4 constants in [−2, 2].
enum ThroughputPrograms {
  static let features = 10
  static let maxRows = 10_000

  /// Uniform data in [1, 2), feature-major, `maxRows` rows.
  static func data(seed: UInt64) -> NumericCSV {
    var rng = SeededGenerator(seed: seed, stream: 0xDA7A)
    let cols = (0..<features).map { _ in (0..<maxRows).map { _ in 1 + rng.nextDouble() } }
    return NumericCSV(header: (0..<features).map { "x\($0)" }, columns: cols)
  }

  /// `count` programs whose length is a uniform odd number in 1…63; a program that is not finite on every
  /// row of `data` is redrawn, so no engine can skip work by stopping early on an invalid value.
  static func make(count: Int, seed: UInt64, data: NumericCSV) throws -> [Program] {
    var rng = SeededGenerator(seed: seed, stream: 0x9A0)
    let evaluator = Evaluator(
      data: try Dataset(columns: data.columns, target: Array(repeating: 0, count: data.rowCount)))
    var out: [Program] = []
    while out.count < count {
      let size = 2 * rng.nextInt(below: 32) + 1
      var nodes: [Node] = []
      grow(size: size, into: &nodes, &rng)
      let program = Program(nodes)
      if evaluator.loss(program).isFinite { out.append(program) }
    }
    return out
  }

  private static func grow(size: Int, into nodes: inout [Node], _ rng: inout SeededGenerator) {
    if size == 1 {
      if rng.nextInt(below: 4) < 3 {
        nodes.append(.variable(rng.nextInt(below: features)))
      } else {
        nodes.append(.constant(((rng.nextDouble() * 4 - 2) * 1000).rounded() / 1000))
      }
      return
    }
    let left = 2 * rng.nextInt(below: (size - 1) / 2) + 1
    grow(size: left, into: &nodes, &rng)
    grow(size: size - 1 - left, into: &nodes, &rng)
    let ops: [Opcode] = [.add, .subtract, .multiply, .divide]
    nodes.append(.op(ops[rng.nextInt(below: 4)]))
  }
}
