/// Parses a rename list `old:new,old2:new2` (spaces around names allowed) into `[old: new]`.
/// An empty string gives an empty mapping. Throws ``DataTableError`` with one line for an item
/// that is not `old:new`, an empty name, a column renamed twice, or two columns given one new name.
public func parseRenameList(_ s: String) throws -> [String: String] {
  var mapping: [String: String] = [:]
  var targets: [String: String] = [:]
  if s.trimmingSpaces().isEmpty { return [:] }
  for item in s.split(separator: ",", omittingEmptySubsequences: false) {
    let parts = item.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2 else {
      throw DataTableError(
        .invalidRenameList,
        "invalid rename list '\(s)': '\(item)' is not of the form old:new")
    }
    let old = String(parts[0]).trimmingSpaces()
    let new = String(parts[1]).trimmingSpaces()
    guard !old.isEmpty, !new.isEmpty else {
      throw DataTableError(
        .invalidRenameList,
        "invalid rename list '\(s)': '\(item)' has an empty name (expected old:new)")
    }
    if mapping[old] != nil {
      throw DataTableError(.invalidRenameList, "invalid rename list '\(s)': '\(old)' is renamed twice")
    }
    if let other = targets[new] {
      throw DataTableError(
        .invalidRenameList,
        "invalid rename list '\(s)': '\(other)' and '\(old)' are both renamed to '\(new)'")
    }
    mapping[old] = new
    targets[new] = old
  }
  return mapping
}
