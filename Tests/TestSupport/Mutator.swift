import Support

/// Inputs for a seeded mutation fuzzer: each ``next()`` takes one of the valid seed inputs and applies 1–4 random
/// edits (a byte replaced, a range deleted, duplicated or cut off, a domain token spliced in), so most inputs are
/// near-valid and reach deep into a parser. The same seed gives the same inputs.
public struct Mutator {
  private var rng: SeededGenerator
  private let inputs: [[UInt8]]
  private let tokens: [[UInt8]]

  /// `tokens` are fragments worth splicing in (delimiters, numbers such as `nan` and `1e999`, keywords).
  public init(seed: UInt64, inputs: [String], tokens: [String]) {
    rng = SeededGenerator(seed: seed)
    self.inputs = inputs.map { Array($0.utf8) }
    self.tokens = tokens.map { Array($0.utf8) }
  }

  public mutating func next() -> String {
    var bytes = inputs[rng.nextInt(below: inputs.count)]
    for _ in 0...rng.nextInt(below: 4) { edit(&bytes) }
    return String(decoding: bytes, as: UTF8.self)
  }

  private mutating func edit(_ bytes: inout [UInt8]) {
    let position = bytes.isEmpty ? 0 : rng.nextInt(below: bytes.count + 1)
    switch rng.nextInt(below: 6) {
    case 0 where !bytes.isEmpty:
      bytes[min(position, bytes.count - 1)] = UInt8(rng.nextInt(below: 256))
    case 1 where !bytes.isEmpty:
      let end = min(bytes.count, position + 1 + rng.nextInt(below: 16))
      bytes.removeSubrange(min(position, end)..<end)
    case 2 where !bytes.isEmpty:
      let end = min(bytes.count, position + 1 + rng.nextInt(below: 32))
      let chunk = Array(bytes[min(position, end)..<end])
      bytes.insert(contentsOf: chunk, at: min(position, bytes.count))
    case 3:
      bytes = Array(bytes.prefix(position))
    default:
      bytes.insert(contentsOf: tokens[rng.nextInt(below: tokens.count)], at: min(position, bytes.count))
    }
  }
}
