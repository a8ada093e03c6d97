#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A function of one argument. `negate` is unary minus.
public enum UnaryFunction: String, Sendable, CaseIterable {
  case negate, sqrt, log, exp, abs

  /// The functions written `name(argument)` in formulas (all but `negate`).
  public static let named: [UnaryFunction] = [.sqrt, .log, .exp, .abs]

  /// Looks up a function by the name used in formulas (`sqrt`, `log`, `exp`, `abs`).
  public init?(functionName: String) {
    switch functionName {
    case "sqrt": self = .sqrt
    case "log": self = .log
    case "exp": self = .exp
    case "abs": self = .abs
    default: return nil
    }
  }

  /// Applies the function to one number (IEEE semantics: NaN outside the domain).
  @inlinable
  public func apply(_ x: Double) -> Double {
    switch self {
    case .negate: return -x
    case .sqrt: return x.squareRoot()
    case .log: return mathLog(x)
    case .exp: return mathExp(x)
    case .abs: return Swift.abs(x)
    }
  }
}

/// A binary operator.
public enum BinaryOperator: String, Sendable, CaseIterable {
  case add, subtract, multiply, divide, power

  /// The operator as written in our syntax (`^` for power).
  public var symbol: String {
    switch self {
    case .add: return "+"
    case .subtract: return "-"
    case .multiply: return "*"
    case .divide: return "/"
    case .power: return "^"
    }
  }

  /// Applies the operator to two numbers (IEEE semantics; `pow` for power).
  @inlinable
  public func apply(_ a: Double, _ b: Double) -> Double {
    switch self {
    case .add: return a + b
    case .subtract: return a - b
    case .multiply: return a * b
    case .divide: return a / b
    case .power: return mathPow(a, b)
    }
  }
}

@usableFromInline
func mathLog(_ x: Double) -> Double { log(x) }

@usableFromInline
func mathExp(_ x: Double) -> Double { exp(x) }

@usableFromInline
func mathPow(_ x: Double, _ y: Double) -> Double { pow(x, y) }
