/// Tagging schemes for sequence labelling.
///
/// - `io`: a type without prefix per entity token (`PER`), `O` elsewhere (the paper's training scheme).
/// - `bio`: `B-TYPE` on the first token of an entity, `I-TYPE` on the rest, `O` elsewhere (what conlleval scores).
/// - `binary`: `ENT` for any entity token, `O` elsewhere.
public enum LabelScheme: String, Sendable, CaseIterable, Codable {
  case io, bio, binary

  /// The outside tag shared by all schemes.
  public static let outside = "O"
  /// The single entity tag of the binary scheme.
  public static let binaryEntity = "ENT"

  /// Splits a tag into (prefix, type): `B-PER` → ("B", "PER"), `PER` → ("", "PER"), `O` → ("O", "").
  public static func split(_ tag: String) -> (prefix: String, type: String) {
    if tag == outside { return ("O", "") }
    if let dash = tag.firstIndex(of: "-") {
      let prefix = String(tag[..<dash])
      if prefix == "B" || prefix == "I" || prefix == "E" || prefix == "S" {
        return (prefix, String(tag[tag.index(after: dash)...]))
      }
    }
    return ("", tag)
  }

  /// The entity type of a tag in any scheme (`nil` for `O`).
  public static func entityType(_ tag: String) -> String? {
    let parts = split(tag)
    return parts.prefix == "O" ? nil : parts.type
  }

  /// Converts one sentence's tags from `source` to `target` scheme.
  ///
  /// IO → BIO follows the paper and conlleval: a maximal run of the same type gets `B-` on its first token
  /// and `I-` on the rest. BIO → IO drops prefixes; anything → binary maps entities to `ENT`.
  /// Binary → IO/BIO uses the type `ENT`.
  public static func convert(_ tags: [String], from source: LabelScheme, to target: LabelScheme) -> [String] {
    if source == target { return tags }
    let types = tags.map { entityType($0) }
    switch target {
    case .io:
      return types.map { $0 ?? outside }
    case .binary:
      return types.map { $0 == nil ? outside : binaryEntity }
    case .bio:
      if source == .bio { return tags }
      var result: [String] = []
      result.reserveCapacity(tags.count)
      var previous: String? = nil
      for type in types {
        if let type {
          result.append(previous == type ? "I-" + type : "B-" + type)
        } else {
          result.append(outside)
        }
        previous = type
      }
      return result
    }
  }
}
