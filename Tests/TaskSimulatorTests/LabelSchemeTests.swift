import TaskSimulator
import Testing

@Suite struct LabelSchemeTests {
  @Test func ioToBioFollowsRuns() {
    let io = ["O", "PER", "PER", "LOC", "O", "ORG"]
    #expect(LabelScheme.convert(io, from: .io, to: .bio) == ["O", "B-PER", "I-PER", "B-LOC", "O", "B-ORG"])
    #expect(LabelScheme.convert(io, from: .io, to: .binary) == ["O", "ENT", "ENT", "ENT", "O", "ENT"])
  }

  @Test func roundTrips() {
    let io = ["O", "PER", "PER", "LOC", "O", "ORG", "MISC", "MISC"]
    #expect(LabelScheme.convert(LabelScheme.convert(io, from: .io, to: .bio), from: .bio, to: .io) == io)
    // BIO whose adjacent same-type entities are split only by B- loses that split in IO; others round-trip.
    let bio = ["B-PER", "I-PER", "O", "B-LOC", "B-ORG", "I-ORG", "O"]
    #expect(LabelScheme.convert(LabelScheme.convert(bio, from: .bio, to: .io), from: .io, to: .bio) == bio)
    let binary = LabelScheme.convert(bio, from: .bio, to: .binary)
    #expect(
      LabelScheme.convert(binary, from: .binary, to: .bio) == ["B-ENT", "I-ENT", "O", "B-ENT", "I-ENT", "I-ENT", "O"])
    #expect(LabelScheme.convert(binary, from: .binary, to: .binary) == binary)
  }

  @Test func split() {
    #expect(LabelScheme.split("B-PER") == ("B", "PER"))
    #expect(LabelScheme.split("LOC") == ("", "LOC"))
    #expect(LabelScheme.split("O") == ("O", ""))
    #expect(LabelScheme.entityType("I-MISC") == "MISC")
  }
}
