import CGSL

/// Turns GSL's abort-on-error handler off once per process; GSL errors then come back as status codes.
private let gslErrorHandlerDisabled: Bool = {
  _ = gsl_set_error_handler_off()
  return true
}()

/// Call before any GSL routine that may report an error.
func prepareGSL() {
  _ = gslErrorHandlerDisabled
}

/// The text GSL gives for an error code.
func gslMessage(_ code: Int32) -> String {
  guard let text = gsl_strerror(code) else { return "unknown error" }
  return String(cString: text)
}

/// A GSL vector owned by Swift (freed on deinit).
final class GSLVector {
  let pointer: UnsafeMutablePointer<gsl_vector>
  let count: Int

  init(count: Int) {
    self.count = count
    pointer = gsl_vector_calloc(count)
  }

  convenience init(_ values: [Double]) {
    self.init(count: values.count)
    for (index, value) in values.enumerated() { gsl_vector_set(pointer, index, value) }
  }

  deinit { gsl_vector_free(pointer) }

  var array: [Double] { (0..<count).map { gsl_vector_get(pointer, $0) } }
}

/// A GSL matrix owned by Swift (freed on deinit).
final class GSLMatrix {
  let pointer: UnsafeMutablePointer<gsl_matrix>
  let rows: Int
  let columns: Int

  init(rows: Int, columns: Int) {
    self.rows = rows
    self.columns = columns
    pointer = gsl_matrix_calloc(rows, columns)
  }

  subscript(row: Int, column: Int) -> Double {
    get { gsl_matrix_get(pointer, row, column) }
    set { gsl_matrix_set(pointer, row, column, newValue) }
  }

  /// The matrix as an array of rows.
  var rowArrays: [[Double]] {
    (0..<rows).map { r in (0..<columns).map { c in gsl_matrix_get(pointer, r, c) } }
  }

  deinit { gsl_matrix_free(pointer) }
}

/// Checks that every value is finite, naming the input in the error.
func requireFinite(_ values: [Double], _ what: String) throws {
  if let index = values.firstIndex(where: { !$0.isFinite }) {
    throw StatisticsError.nonFiniteInput(what: what, index: index)
  }
}

/// Checks weights: same length as the targets, finite and positive.
func checkWeights(_ weights: [Double]?, rowCount: Int) throws {
  guard let weights else { return }
  guard weights.count == rowCount else {
    throw StatisticsError.lengthMismatch(what: "weights", expected: rowCount, actual: weights.count)
  }
  try requireFinite(weights, "weights")
  if let index = weights.firstIndex(where: { $0 <= 0 }) {
    throw StatisticsError.invalidArgument("weight at index \(index) is \(weights[index]); weights must be positive")
  }
}
