/// Physical units of the features and the target (`--units n:tokens,T:1,AMI:1,y:1`), used as a hard constraint:
/// formulas that add, subtract or compare quantities of different units, or take `log`/`exp` of a quantity with a
/// unit, are rejected. Fitted constants carry whatever unit makes the formula consistent (as in PySR's default).
public struct UnitSystem: Codable, Sendable, Equatable {
  /// Base unit names, in order of first appearance.
  public private(set) var baseUnits: [String]
  /// Exponents over `baseUnits` for each feature (features not listed are dimensionless).
  public private(set) var features: [[Double]]
  /// Exponents of the target (nil: any unit is accepted for the result).
  public private(set) var target: [Double]?

  /// Parses `name:unit,...`, where a unit is `1` or a product like `tokens`, `m*s^-2`, `m/s`.
  public init(parsing text: String, featureNames: [String], targetName: String) throws {
    var base: [String] = []
    var parsed: [String: [String: Double]] = [:]
    for item in text.split(separator: ",") {
      let parts = item.split(separator: ":", maxSplits: 1).map { $0.trimmingSpaces() }
      guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
        throw SearchConfigurationError(setting: "units", "'\(item)' is not of the form column:unit")
      }
      let name = parts[0]
      guard featureNames.contains(name) || name == targetName else {
        throw SearchConfigurationError(
          setting: "units",
          "'\(name)' is neither a feature (\(featureNames.joined(separator: ", "))) nor the target '\(targetName)'"
        )
      }
      var exponents: [String: Double] = [:]
      if parts[1] != "1" {
        var sign = 1.0
        var token = ""
        func flush() throws {
          let t = token.trimmingSpacesString()
          token = ""
          guard !t.isEmpty else {
            throw SearchConfigurationError(setting: "units", "unit of '\(name)' has an empty factor")
          }
          let pieces = t.split(separator: "^", maxSplits: 1)
          let unit = String(pieces[0])
          guard unit.first.map({ $0.isLetter }) == true else {
            throw SearchConfigurationError(setting: "units", "'\(unit)' in the unit of '\(name)' is not a unit name")
          }
          var power = 1.0
          if pieces.count == 2 {
            guard let p = Double(pieces[1]), p.isFinite else {
              throw SearchConfigurationError(setting: "units", "exponent '\(pieces[1])' of '\(unit)' is not a number")
            }
            power = p
          }
          exponents[unit, default: 0] += sign * power
          if !base.contains(unit) { base.append(unit) }
        }
        for ch in parts[1] {
          if ch == "*" || ch == "/" {
            try flush()
            sign = ch == "/" ? -1 : 1
          } else {
            token.append(ch)
          }
        }
        try flush()
      }
      parsed[name] = exponents
    }
    func vector(_ e: [String: Double]?) -> [Double] { base.map { e?[$0] ?? 0 } }
    baseUnits = base
    features = featureNames.map { vector(parsed[$0]) }
    target = parsed[targetName].map { vector($0) }
  }

  /// True when the program's units are consistent (and match the target's unit when given).
  public func isConsistent(_ program: Program) -> Bool {
    struct Quantity {
      var dims: [Double]
      var free: Bool
    }
    let zero = [Double](repeating: 0, count: baseUnits.count)
    func same(_ a: [Double], _ b: [Double]) -> Bool { zip(a, b).allSatisfy { Swift.abs($0 - $1) < 1e-9 } }
    var stack: [Quantity] = []
    for node in program.nodes {
      switch node.opcode {
      case .constant: stack.append(Quantity(dims: zero, free: true))
      case .literal: stack.append(Quantity(dims: zero, free: false))
      case .variable:
        let f = Int(node.feature)
        stack.append(Quantity(dims: f < features.count ? features[f] : zero, free: false))
      case .add, .subtract:
        guard stack.count >= 2 else { return false }
        let b = stack.removeLast()
        let a = stack.removeLast()
        if a.free && b.free {
          stack.append(Quantity(dims: zero, free: true))
        } else if a.free {
          stack.append(b)
        } else if b.free {
          stack.append(a)
        } else {
          guard same(a.dims, b.dims) else { return false }
          stack.append(a)
        }
      case .multiply, .divide:
        guard stack.count >= 2 else { return false }
        let b = stack.removeLast()
        let a = stack.removeLast()
        let s = node.opcode == .multiply ? 1.0 : -1.0
        stack.append(Quantity(dims: zip(a.dims, b.dims).map { $0 + s * $1 }, free: a.free || b.free))
      case .sqrt, .square, .power:
        guard var a = stack.popLast() else { return false }
        let e = node.opcode == .sqrt ? 0.5 : node.opcode == .square ? 2 : node.value
        a.dims = a.dims.map { $0 * e }
        stack.append(a)
      case .log, .exp:
        guard let a = stack.popLast() else { return false }
        guard a.free || same(a.dims, zero) else { return false }
        stack.append(Quantity(dims: zero, free: false))
      case .abs, .negate:
        break
      }
    }
    guard stack.count == 1 else { return false }
    if let t = target, !stack[0].free { return same(stack[0].dims, t) }
    return true
  }
}

extension String {
  func trimmingSpacesString() -> String { Substring(self).trimmingSpaces() }
}
