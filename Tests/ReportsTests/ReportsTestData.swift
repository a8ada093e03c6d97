import DataTable
import Foundation
import Reports
import Statistics
import Support

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

  /// The paper's balanced data with T, n, AMI; nil (after printing a skip line) when the file is absent.
  static func paperBalanced() throws -> ReportData? {
    var candidates: [URL] = []
    if let shared = ProcessInfo.processInfo.environment["MTLF_SHARED"] {
      candidates.append(URL(fileURLWithPath: shared).appendingPathComponent("data/paper-balanced.csv"))
    }
    var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while folder.path != "/" {
      if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
        candidates.append(folder.deletingLastPathComponent().appendingPathComponent("shared/data/paper-balanced.csv"))
      }
      folder = folder.deletingLastPathComponent()
    }
    candidates.append(URL(fileURLWithPath: "/work/shared/data/paper-balanced.csv"))
    guard let url = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }) else {
      print("skipped: ../shared/data/paper-balanced.csv not found (set MTLF_SHARED to the shared folder)")
      return nil
    }
    let table = try DataTable(contentsOfFile: url.path)
    let columns = [
      "T": try table.numericColumn("n_tasks"), "n": try table.numericColumn("n_tokens_per_task"),
      "AMI": try table.numericColumn("mutual_info"),
    ]
    return try ReportData(
      targetName: "fscore", features: ["T", "n", "AMI"], columns: columns,
      target: try table.numericColumn("fscore"))
  }
}
