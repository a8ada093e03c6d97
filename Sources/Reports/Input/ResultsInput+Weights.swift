/// Row weights, the same in every mode.
extension ResultsInput {
  /// The weights column; else 1/max(sd, floor)² from the `weightsFromSD` column, or from `std_fscore` when the
  /// table has it and it is not 0 on every row; else none. Returns the weights and a sentence for the report.
  public func rowWeights() throws -> (weights: [Double]?, note: String?) {
    if request.weights != nil, let sd = request.weightsFromSD, sd != "none" {
      throw ReportError(setting: "weightsFromSD", "excludes a weights column (give one of the two)")
    }
    if let name = request.weights {
      let w = try table.numericColumn(name)
      if let bad = w.firstIndex(where: { !($0 > 0 && $0.isFinite) }) {
        throw ReportError("\(path) row \(bad + 1), column '\(name)': weight \(w[bad]) is not a positive number")
      }
      return (w, "Weights are taken from column `\(name)`.")
    }
    let automatic = table.hasColumn("std_fscore") ? "std_fscore" : nil
    guard let column = request.weightsFromSD ?? automatic, column != "none" else { return (nil, nil) }
    guard table.hasColumn(column) else {
      throw ReportError(
        setting: "weightsFromSD", "column '\(column)' not found in \(path) (columns: \(table.columnList))")
    }
    let sd = try table.numericColumn(column)
    if request.weightsFromSD == nil, request.sdFloor == nil, !sd.contains(where: { $0 > 0 }) {
      // Found automatically but uninformative (e.g. one row per repetition): fit unweighted.
      return (nil, "Column `\(column)` is 0 on every row (one row per repetition?), so fits are unweighted.")
    }
    let w: WeightsFromSD
    do {
      w = try WeightsFromSD(standardDeviations: sd, floor: request.sdFloor)
    } catch let error as ReportError where error.setting == nil {
      throw ReportError(setting: "weightsFromSD", "\(column): \(error.problem)")
    }
    let floorSource = request.sdFloor == nil ? ", the 10th percentile of the positive standard deviations" : ""
    return (
      w.weights,
      "Weights are 1/max(sd, floor)² from column `\(column)` with floor \(ReportFormat.number(w.floor)) "
        + "(\(w.flooredRows) rows raised to the floor)\(floorSource)."
    )
  }
}
