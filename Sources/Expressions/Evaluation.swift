extension Expression {
  /// Evaluates at one point. Symbols are looked up in `values`; an unknown symbol gives NaN.
  /// Arithmetic follows IEEE 754: `sqrt(-1)` and `log(-1)` are NaN, `1/0` is infinite.
  public func evaluate(_ values: [String: Double]) -> Double {
    switch self {
    case .number(let value):
      return value
    case .symbol(let name):
      return values[name] ?? .nan
    case .unary(let function, let operand):
      return function.apply(operand.evaluate(values))
    case .binary(let op, let left, let right):
      return op.apply(left.evaluate(values), right.evaluate(values))
    }
  }

  /// Evaluates for `rowCount` rows at once and returns one value per row.
  ///
  /// A symbol is taken from `columns` when it is a column, else from `constants`; a symbol found
  /// in neither gives NaN in every row, as do rows beyond the end of a column shorter than
  /// `rowCount`. Each node computes a whole column with plain loops over contiguous arrays;
  /// sub-expressions without columns are computed once as scalars.
  public func evaluate(columns: [String: [Double]], constants: [String: Double], rowCount: Int) -> [Double] {
    let count = Swift.max(rowCount, 0)
    switch evaluateColumn(columns: columns, constants: constants, rowCount: count) {
    case .scalar(let value):
      return [Double](repeating: value, count: count)
    case .column(let values):
      return values
    }
  }

  func evaluateColumn(columns: [String: [Double]], constants: [String: Double], rowCount: Int) -> ColumnValue {
    switch self {
    case .number(let value):
      return .scalar(value)
    case .symbol(let name):
      if let column = columns[name] {
        if column.count == rowCount { return .column(column) }
        var fitted = [Double](repeating: .nan, count: rowCount)
        let shared = Swift.min(rowCount, column.count)
        for i in 0..<shared { fitted[i] = column[i] }
        return .column(fitted)
      }
      return .scalar(constants[name] ?? .nan)
    case .unary(let function, let operand):
      let value = operand.evaluateColumn(columns: columns, constants: constants, rowCount: rowCount)
      return value.applying(function)
    case .binary(let op, let left, let right):
      let a = left.evaluateColumn(columns: columns, constants: constants, rowCount: rowCount)
      let b = right.evaluateColumn(columns: columns, constants: constants, rowCount: rowCount)
      return ColumnValue.combining(op, a, b)
    }
  }
}

/// The value of a sub-expression over all rows: one number when it uses no column.
enum ColumnValue {
  case scalar(Double)
  case column([Double])

  func applying(_ function: UnaryFunction) -> ColumnValue {
    switch self {
    case .scalar(let x):
      return .scalar(function.apply(x))
    case .column(var values):
      let n = values.count
      values.withUnsafeMutableBufferPointer { v in
        switch function {
        case .negate: for i in 0..<n { v[i] = -v[i] }
        case .sqrt: for i in 0..<n { v[i] = v[i].squareRoot() }
        case .log: for i in 0..<n { v[i] = mathLog(v[i]) }
        case .exp: for i in 0..<n { v[i] = mathExp(v[i]) }
        case .abs: for i in 0..<n { v[i] = Swift.abs(v[i]) }
        }
      }
      return .column(values)
    }
  }

  static func combining(_ op: BinaryOperator, _ a: ColumnValue, _ b: ColumnValue) -> ColumnValue {
    switch (a, b) {
    case (.scalar(let x), .scalar(let y)):
      return .scalar(op.apply(x, y))
    case (.column(var u), .scalar(let y)):
      let n = u.count
      u.withUnsafeMutableBufferPointer { v in
        switch op {
        case .add: for i in 0..<n { v[i] += y }
        case .subtract: for i in 0..<n { v[i] -= y }
        case .multiply: for i in 0..<n { v[i] *= y }
        case .divide: for i in 0..<n { v[i] /= y }
        case .power:
          if y == 2 {
            for i in 0..<n { v[i] *= v[i] }
          } else {
            for i in 0..<n { v[i] = mathPow(v[i], y) }
          }
        }
      }
      return .column(u)
    case (.scalar(let x), .column(var u)):
      let n = u.count
      u.withUnsafeMutableBufferPointer { v in
        switch op {
        case .add: for i in 0..<n { v[i] = x + v[i] }
        case .subtract: for i in 0..<n { v[i] = x - v[i] }
        case .multiply: for i in 0..<n { v[i] = x * v[i] }
        case .divide: for i in 0..<n { v[i] = x / v[i] }
        case .power: for i in 0..<n { v[i] = mathPow(x, v[i]) }
        }
      }
      return .column(u)
    case (.column(var u), .column(let w)):
      let n = Swift.min(u.count, w.count)
      u.withUnsafeMutableBufferPointer { v in
        w.withUnsafeBufferPointer { r in
          switch op {
          case .add: for i in 0..<n { v[i] += r[i] }
          case .subtract: for i in 0..<n { v[i] -= r[i] }
          case .multiply: for i in 0..<n { v[i] *= r[i] }
          case .divide: for i in 0..<n { v[i] /= r[i] }
          case .power: for i in 0..<n { v[i] = mathPow(v[i], r[i]) }
          }
        }
      }
      return .column(u)
    }
  }
}
