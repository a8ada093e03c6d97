extension String {
  /// The string with each character in `table` replaced by its text (escaping for LaTeX, XML, …).
  func replacingCharacters(_ table: [Character: String]) -> String {
    var out = ""
    for c in self {
      if let replacement = table[c] { out += replacement } else { out.append(c) }
    }
    return out
  }
}
