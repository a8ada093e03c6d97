import DataTable
import Foundation
import Reports
import Statistics
import Support
import TestSupport

/// Synthetic data and the paper's data for the report tests.
enum ReportsTestData {
  /// y = 1 + 2/sqrt(n) + small Gaussian noise; n over 40 values in [100, 10000], 3 replicates each.
  static func inverseSqrt(noise: Double = 0.003, seed: UInt64 = 7) throws -> ReportData {
    var generator = SeededGenerator(seed: seed)
    var n: [Double] = []
    var y: [Double] = []
    for i in 0..<40 {
      let value = (100 * pow(100, Double(i) / 39)).rounded()
      for _ in 0..<3 {
        let u1 = max(generator.nextDouble(), 1e-12)
        let u2 = generator.nextDouble()
        let z = (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
        n.append(value)
        y.append(1 + 2 / value.squareRoot() + noise * z)
      }
    }
    return try ReportData(targetName: "y", features: ["n"], columns: ["n": n], target: y)
  }

  /// The paper's balanced data with T, n, AMI (tests that use it are enabled only when
  /// `SharedData.paperBalancedAvailable`).
  static func paperBalanced() throws -> ReportData {
    let table = try DataTable(contentsOfFile: SharedData.paperBalanced().path)
    let columns = [
      "T": try table.numericColumn("n_tasks"), "n": try table.numericColumn("n_tokens_per_task"),
      "AMI": try table.numericColumn("mutual_info"),
    ]
    return try ReportData(
      targetName: "fscore", features: ["T", "n", "AMI"], columns: columns,
      target: try table.numericColumn("fscore"))
  }
}
