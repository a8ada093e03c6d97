import Support
import SymbolicRegression

/// The recovery problem of issue 4: 200 rows, T uniform in 2…9, n uniform in {100, 300, 1000, 3000, 10000},
/// AMI uniform in (0, 1), y = 0.7 + 2/√n + 0.15·√AMI + N(0, 0.002²).
enum RecoveryProblem {
  static let rows = 200
  static let sizes: [Double] = [100, 300, 1000, 3000, 10000]
  static let featureNames = ["T", "n", "AMI"]

  /// The data set of one seed, as CSV columns T, n, AMI, y.
  static func make(seed: UInt64) -> NumericCSV {
    var rng = SeededGenerator(seed: seed, stream: 0x5EC0)
    var t: [Double] = []
    var n: [Double] = []
    var ami: [Double] = []
    var y: [Double] = []
    for _ in 0..<rows {
      let ti = Double(2 + rng.nextInt(below: 8))
      let ni = sizes[rng.nextInt(below: sizes.count)]
      let ai = (Double(rng.next() >> 11) + 0.5) * 0x1.0p-53  // open interval (0, 1)
      let yi = 0.7 + 2 / ni.squareRoot() + 0.15 * ai.squareRoot() + 0.002 * rng.nextNormal()
      t.append(ti)
      n.append(ni)
      ami.append(ai)
      y.append(yi)
    }
    return NumericCSV(header: featureNames + ["y"], columns: [t, n, ami, y])
  }
}
