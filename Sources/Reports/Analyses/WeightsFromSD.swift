/// Weights 1/max(sd, floor)² from a per-point standard deviation column (e.g. the paper's `std_fscore`).
///
/// Rows with sd = 0 (a single run, or identical runs) would otherwise get infinite weight. The default floor is
/// the 10th percentile of the positive standard deviations (so at most about a tenth of the informative rows are
/// raised to it), and never below 1e-6.
public struct WeightsFromSD: Sendable {
  public let weights: [Double]
  public let floor: Double
  /// Rows whose sd was raised to the floor.
  public let flooredRows: Int

  public init(standardDeviations sd: [Double], floor explicitFloor: Double? = nil) throws {
    if let bad = sd.firstIndex(where: { !$0.isFinite || $0 < 0 }) {
      throw ReportError("standard deviation of row \(bad + 1) is \(sd[bad]); it must be finite and ≥ 0")
    }
    let positive = sd.filter { $0 > 0 }.sorted()
    let floor: Double
    if let explicitFloor {
      guard explicitFloor > 0, explicitFloor.isFinite else { throw ReportError(setting: "sdFloor", "must be positive") }
      floor = explicitFloor
    } else if positive.isEmpty {
      throw ReportError(
        "every standard deviation is 0; weights from sd need some positive values (or an explicit floor)")
    } else {
      floor = Swift.max(1e-6, positive[(positive.count - 1) / 10])
    }
    self.floor = floor
    flooredRows = sd.filter { $0 < floor }.count
    weights = sd.map { 1 / (Swift.max($0, floor) * Swift.max($0, floor)) }
  }
}
