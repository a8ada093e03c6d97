import Statistics

/// The loss a perfect formula would still have: the pooled variance of replicate rows around their point's mean.
public enum ReplicateNoise {
  /// Weighted within-group variance in loss units (weighted mean squared error), pooled over groups with two or
  /// more rows and corrected for the estimated group means (`n/(n−1)`); nil when the replicates give fewer than
  /// `minimumDegrees` degrees of freedom (too few to trust).
  public static func variance(
    target: [Double], weights: [Double], groups: RowGroups,
    minimumDegrees: Int = 10
  ) -> Double? {
    var sum = 0.0
    var weight = 0.0
    var degrees = 0
    for rows in groups.rowsOfGroup where rows.count >= 2 {
      let w = rows.reduce(0.0) { $0 + weights[$1] }
      guard w > 0 else { continue }
      let mean = rows.reduce(0.0) { $0 + weights[$1] * target[$1] } / w
      let ss = rows.reduce(0.0) { $0 + weights[$1] * (target[$1] - mean) * (target[$1] - mean) }
      sum += ss * Double(rows.count) / Double(rows.count - 1)
      weight += w
      degrees += rows.count - 1
    }
    return weight > 0 && degrees >= minimumDegrees ? sum / weight : nil
  }
}
