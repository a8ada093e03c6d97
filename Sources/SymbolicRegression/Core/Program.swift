/// One node of a postfix program.
public struct Node: Hashable, Codable, Sendable {
  public var opcode: Opcode
  /// Feature column index for `.variable`, otherwise 0.
  public var feature: Int32
  /// Value for `.constant` / `.literal`, exponent for `.power`, otherwise 0.
  public var value: Double

  public init(_ opcode: Opcode, feature: Int = 0, value: Double = 0) {
    self.opcode = opcode
    self.feature = Int32(truncatingIfNeeded: feature)
    self.value = value
  }

  public static func constant(_ v: Double) -> Node { Node(.constant, value: v) }
  public static func literal(_ v: Double) -> Node { Node(.literal, value: v) }
  public static func variable(_ i: Int) -> Node { Node(.variable, feature: i) }
  public static func op(_ o: Opcode) -> Node { Node(o) }
  public static func power(_ e: Double) -> Node { Node(.power, value: e) }
}

/// A formula as a postfix (reverse Polish) array of nodes: operands precede their operator.
///
/// `a + b/sqrt(n)` is `[a, b, n, sqrt, /, +]`. Programs are small value types; every operator of the search
/// keeps them valid (exactly one value left on the stack).
public struct Program: Hashable, Codable, Sendable {
  public var nodes: [Node]

  public init(_ nodes: [Node]) { self.nodes = nodes }

  /// Number of nodes.
  public var count: Int { nodes.count }

  /// True when the postfix array leaves exactly one value and never underflows.
  public var isValid: Bool {
    var depth = 0
    for n in nodes {
      depth -= n.opcode.arity
      if depth < 0 { return false }
      depth += 1
    }
    return depth == 1
  }

  /// Complexity: node count of the formula's `Expression` form (see ``Opcode/complexityWeight``).
  public var complexity: Int { nodes.reduce(0) { $0 + $1.opcode.complexityWeight } }

  /// Largest stack depth needed to evaluate the program.
  public var stackDepth: Int {
    var depth = 0
    var best = 0
    for n in nodes {
      depth += 1 - n.opcode.arity
      best = max(best, depth)
    }
    return best
  }

  /// Height of the expression tree (a single leaf has depth 1).
  public var depth: Int {
    var stack: [Int] = []
    stack.reserveCapacity(nodes.count)
    for n in nodes {
      switch n.opcode.arity {
      case 0: stack.append(1)
      case 1: stack[stack.count - 1] += 1
      default:
        let b = stack.removeLast()
        stack[stack.count - 1] = max(stack[stack.count - 1], b) + 1
      }
    }
    return stack.last ?? 0
  }

  /// Index of the first node of the subtree that ends at `end`.
  public func subtreeStart(_ end: Int) -> Int {
    var need = 1
    var j = end
    while true {
      need += nodes[j].opcode.arity - 1
      if need == 0 { return j }
      j -= 1
    }
  }

  /// The subtree ending at `end` as its own program.
  public func subtree(endingAt end: Int) -> Program {
    Program(Array(nodes[subtreeStart(end)...end]))
  }

  /// Replaces the subtree ending at `end` with `replacement`.
  public func replacingSubtree(endingAt end: Int, with replacement: [Node]) -> Program {
    let start = subtreeStart(end)
    var out: [Node] = []
    out.reserveCapacity(nodes.count - (end - start + 1) + replacement.count)
    out.append(contentsOf: nodes[0..<start])
    out.append(contentsOf: replacement)
    out.append(contentsOf: nodes[(end + 1)...])
    return Program(out)
  }

  /// Indices of the `.constant` nodes, in order.
  public var constantIndices: [Int] { nodes.indices.filter { nodes[$0].opcode == .constant } }

  /// Values of the free constants, in node order.
  public var constants: [Double] {
    get { nodes.compactMap { $0.opcode == .constant ? $0.value : nil } }
    set {
      var k = 0
      for i in nodes.indices where nodes[i].opcode == .constant {
        guard k < newValue.count else { return }
        nodes[i].value = newValue[k]
        k += 1
      }
    }
  }

  /// The features the program reads.
  public var features: Set<Int> { Set(nodes.compactMap { $0.opcode == .variable ? Int($0.feature) : nil }) }
}
