import SymbolicRegression

/// The shared text form of the throughput programs, read by the Swift side and by the Python peers.
///
/// One program per line in postfix order, tokens separated by single spaces: `x0`…`x9` are feature columns,
/// `add sub mul div` binary operators, anything else a decimal number (a constant). Lines starting with `#` are comments.
enum ProgramText {
  static func line(_ program: Program) -> String {
    program.nodes.map { node -> String in
      switch node.opcode {
      case .variable: return "x\(node.feature)"
      case .add: return "add"
      case .subtract: return "sub"
      case .multiply: return "mul"
      case .divide: return "div"
      default: return "\(node.value)"
      }
    }.joined(separator: " ")
  }

  /// Parses the file content; errors name the line and token.
  static func parse(_ text: String, path: String) throws -> [Program] {
    var programs: [Program] = []
    for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = raw.trimmingCharacters(in: " \t\r")
      if line.isEmpty || line.hasPrefix("#") { continue }
      var nodes: [Node] = []
      for token in line.split(separator: " ") {
        switch token {
        case "add": nodes.append(.op(.add))
        case "sub": nodes.append(.op(.subtract))
        case "mul": nodes.append(.op(.multiply))
        case "div": nodes.append(.op(.divide))
        default:
          if token.hasPrefix("x"), let f = Int(token.dropFirst()), f >= 0 {
            nodes.append(.variable(f))
          } else if let v = Double(token), v.isFinite {
            nodes.append(.constant(v))
          } else {
            throw BenchError("\(path), line \(index + 1): unknown token '\(token)'")
          }
        }
      }
      let program = Program(nodes)
      guard program.isValid else { throw BenchError("\(path), line \(index + 1): not a valid postfix program") }
      programs.append(program)
    }
    return programs
  }
}

extension StringProtocol {
  func trimmingCharacters(in set: String) -> String {
    var s = Substring(self)
    while let f = s.first, set.contains(f) { s.removeFirst() }
    while let l = s.last, set.contains(l) { s.removeLast() }
    return String(s)
  }
}
