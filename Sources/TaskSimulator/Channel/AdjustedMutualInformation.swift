import Foundation

#if canImport(Glibc)
  import Glibc
  @inline(__always) func logGamma(_ x: Double) -> Double { Glibc.lgamma(x) }
#elseif canImport(Darwin)
  import Darwin
  @inline(__always) func logGamma(_ x: Double) -> Double { Darwin.lgamma(x) }
#endif

/// Adjusted mutual information, numerically identical to scikit-learn's `adjusted_mutual_info_score`
/// with `average_method="arithmetic"` (natural logarithms, expected MI under the hypergeometric model).
///
/// Special cases follow scikit-learn: both labelings with a single cluster (or both empty) → 1;
/// exactly one with a single cluster → 0; the numerator and denominator are kept at least machine epsilon
/// away from zero, preserving their sign.
public enum AdjustedMutualInformation {
  /// AMI between two labelings of the same items (any integer label values).
  public static func score(_ labelsTrue: [Int], _ labelsPredicted: [Int]) throws(TaskSimulatorError) -> Double {
    guard labelsTrue.count == labelsPredicted.count else {
      throw TaskSimulatorError("AMI: labelings differ in length (\(labelsTrue.count) vs \(labelsPredicted.count))")
    }
    let (rowIds, rows) = denseIds(labelsTrue)
    let (colIds, cols) = denseIds(labelsPredicted)
    var table = [Int](repeating: 0, count: rows * cols)
    for k in 0..<rowIds.count { table[rowIds[k] * cols + colIds[k]] += 1 }
    return score(contingency: table, rows: rows, columns: cols)
  }

  /// AMI of a row-major integer contingency table (empty rows and columns are ignored, as absent labels).
  public static func score(contingency table: [Int], rows: Int, columns: Int) -> Double {
    guard rows >= 0, columns >= 0, table.count == rows * columns else { return .nan }
    let (a, b) = marginals(table, rows: rows, columns: columns)
    let keptRows = (0..<rows).filter { a[$0] > 0 }
    let keptColumns = (0..<columns).filter { b[$0] > 0 }
    let r = keptRows.count
    let c = keptColumns.count
    if (r == 1 && c == 1) || (r == 0 && c == 0) { return 1 }
    if r <= 1 || c <= 1 { return 0 }
    var dense = [Double](repeating: 0, count: r * c)
    for (i, row) in keptRows.enumerated() {
      for (j, column) in keptColumns.enumerated() { dense[i * c + j] = Double(table[row * columns + column]) }
    }
    let rowSums = keptRows.map { a[$0] }
    let columnSums = keptColumns.map { b[$0] }
    let n = rowSums.reduce(0, +)
    let mi = mutualInformation(dense, rows: r, columns: c)
    let emi = expectedMutualInformation(rowSums: rowSums, columnSums: columnSums)
    return adjust(
      mi: mi, emi: emi, hTrue: entropy(rowSums.map(Double.init)), hPredicted: entropy(columnSums.map(Double.init)),
      n: n)
  }

  /// Row and column sums of a row-major table (each summed in index order).
  static func marginals<Count: AdditiveArithmetic>(_ table: [Count], rows: Int, columns: Int) -> (
    rows: [Count], columns: [Count]
  ) {
    var rowSums = [Count](repeating: .zero, count: rows)
    var columnSums = [Count](repeating: .zero, count: columns)
    for i in 0..<rows {
      for j in 0..<columns {
        rowSums[i] += table[i * columns + j]
        columnSums[j] += table[i * columns + j]
      }
    }
    return (rowSums, columnSums)
  }

  /// The AMI formula with scikit-learn's epsilon guards.
  static func adjust(mi: Double, emi: Double, hTrue: Double, hPredicted: Double, n: Int) -> Double {
    let normalizer = (hTrue + hPredicted) / 2
    var denominator = normalizer - emi
    denominator = denominator < 0 ? min(denominator, -Double.ulpOfOne) : max(denominator, Double.ulpOfOne)
    var numerator = mi - emi
    numerator = numerator < 0 ? min(numerator, -Double.ulpOfOne) : max(numerator, Double.ulpOfOne)
    return numerator / denominator
  }

  /// Mutual information (nats) of a row-major contingency table of (possibly fractional) counts.
  public static func mutualInformation(_ table: [Double], rows: Int, columns: Int) -> Double {
    guard rows > 1, columns > 1 else { return 0 }
    let (pi, pj) = marginals(table, rows: rows, columns: columns)
    let total = pi.reduce(0, +)
    guard total > 0 else { return 0 }
    let logTotal = log(total)
    let logSumI = log(pi.reduce(0, +))
    let logSumJ = log(pj.reduce(0, +))
    var sum = 0.0
    for i in 0..<rows {
      for j in 0..<columns {
        let v = table[i * columns + j]
        guard v > 0 else { continue }
        let nm = v / total
        let logOuter = -log(pi[i] * pj[j]) + logSumI + logSumJ
        var term = nm * (log(v) - logTotal) + nm * logOuter
        if abs(term) < Double.ulpOfOne { term = 0 }
        sum += term
      }
    }
    return max(sum, 0)
  }

  /// Entropy (nats) of a labeling given its cluster sizes (empty clusters ignored).
  public static func entropy(_ counts: [Double]) -> Double {
    let pi = counts.filter { $0 > 0 }
    if pi.isEmpty { return 1 }
    if pi.count == 1 { return 0 }
    let total = pi.reduce(0, +)
    let logTotal = log(total)
    var sum = 0.0
    for p in pi { sum += (p / total) * (log(p) - logTotal) }
    return -sum
  }

  /// Expected mutual information of two random labelings with the given cluster sizes
  /// (hypergeometric model; scikit-learn's terms, summed outwards from the mode until they vanish below 1e-22).
  /// Returns 0 unless both lists have at least two positive sizes with equal totals.
  public static func expectedMutualInformation(rowSums a: [Int], columnSums b: [Int]) -> Double {
    guard a.count > 1, b.count > 1, a.allSatisfy({ $0 > 0 }), b.allSatisfy({ $0 > 0 }),
      a.reduce(0, +) == b.reduce(0, +)
    else { return 0 }
    let n = a.reduce(0, +)
    guard n > 0 else { return 0 }
    let nD = Double(n)
    let maxN = max(a.max() ?? 0, b.max() ?? 0)
    // Precomputed tables over nij = 0...maxN (nij = 0 never used).
    var term1 = [Double](repeating: 0, count: maxN + 1)
    var logNnij = [Double](repeating: 0, count: maxN + 1)
    var glnNnij = [Double](repeating: 0, count: maxN + 1)
    let lgN1 = logGamma(nD + 1)
    let logN = log(nD)
    for k in 0...maxN {
      let nij = Double(k == 0 ? 1 : k)
      term1[k] = nij / nD
      logNnij[k] = logN + log(nij)
      glnNnij[k] = logGamma(nij + 1) + lgN1
    }
    // log s, lnΓ(s + 1) and lnΓ(n − s + 1) of every cluster size s.
    func sizeTerms(_ s: Int) -> (log: Double, gln: Double, glnRest: Double) {
      let d = Double(s)
      return (log(d), logGamma(d + 1), logGamma(nD - d + 1))
    }
    let rowTerms = a.map(sizeTerms)
    let columnTerms = b.map(sizeTerms)
    var emi = 0.0
    for (ai, (logA, glnA, glnNA)) in zip(a, rowTerms) {
      for (bj, (logB, glnB, glnNB)) in zip(b, columnTerms) {
        let start = max(1, ai - n + bj)
        let end = min(ai, bj) + 1
        guard start < end else { continue }
        let base = glnA + glnB + glnNA + glnNB
        // The hypergeometric probabilities exp(gln) are unimodal in nij: walk out from the mode and stop
        // once they fall below 1e-22 (the dropped tail is far below double rounding of the sum).
        let mode = min(max((ai + 1) * (bj + 1) / (n + 2), start), end - 1)
        func term(_ nij: Int) -> (value: Double, probability: Double) {
          let term2 = logNnij[nij] - logA - logB
          let gln =
            base - glnNnij[nij] - logGamma(Double(ai - nij + 1)) - logGamma(Double(bj - nij + 1))
            - logGamma(Double(n - ai - bj + nij + 1))
          let probability = exp(gln)
          return (term1[nij] * term2 * probability, probability)
        }
        var cell = 0.0
        var nij = mode
        while nij < end {
          let t = term(nij)
          cell += t.value
          if t.probability < 1e-22 && nij > mode { break }
          nij += 1
        }
        nij = mode - 1
        while nij >= start {
          let t = term(nij)
          cell += t.value
          if t.probability < 1e-22 { break }
          nij -= 1
        }
        emi += cell
      }
    }
    return emi
  }

  /// Maps arbitrary labels to dense ids 0..<k in order of sorted label value; returns ids and k.
  static func denseIds(_ labels: [Int]) -> ([Int], Int) {
    guard let lo = labels.min(), let hi = labels.max() else { return ([], 0) }
    if hi - lo < 1 << 20 {
      var map = [Int](repeating: -1, count: hi - lo + 1)
      for l in labels { map[l - lo] = 0 }
      var next = 0
      for k in 0..<map.count where map[k] == 0 {
        map[k] = next
        next += 1
      }
      return (labels.map { map[$0 - lo] }, next)
    }
    let sorted = Array(Set(labels)).sorted()
    var index: [Int: Int] = [:]
    for (k, v) in sorted.enumerated() { index[v] = k }
    return (labels.map { index[$0] ?? 0 }, sorted.count)
  }
}
