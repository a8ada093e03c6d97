import Statistics
import Support

/// What the report says about the data: size, grid, ranges and the replicate-noise ceiling on R².
public struct DataSummary: Sendable {
  /// Range of one column.
  public struct ColumnRange: Sendable {
    public let name: String
    public let minimum: Double
    public let maximum: Double
    public let median: Double
    public let distinctValues: Int
  }

  public let rows: Int
  /// Distinct combinations of feature values (grid points).
  public let distinctPoints: Int
  /// Grid points observed more than once.
  public let replicatedPoints: Int
  public let features: [ColumnRange]
  public let target: ColumnRange
  /// Within-point sum of squares over the total sum of squares (nil without replicates).
  public let withinPointFraction: Double?
  /// Best R² any function of the features can reach: 1 − within-point SS / total SS (nil without replicates).
  public let noiseCeilingR2: Double?
  /// Rows with T = 1 (single-task rows), when a column `T` is present.
  public let singleTaskRows: Int
  /// Single-task rows coded with AMI = 1 (the core paper's convention), when columns `T` and `AMI` are present.
  public let singleTaskRowsWithAMIOne: Int

  public init(data: ReportData) {
    rows = data.rowCount
    let groups = data.groups
    distinctPoints = groups.groupCount
    replicatedPoints = groups.rowsOfGroup.filter { $0.count > 1 }.count
    features = data.features.map { Self.range(name: $0, values: data.columns[$0] ?? []) }
    target = Self.range(name: data.targetName, values: data.target)
    let mean = data.target.reduce(0, +) / Double(max(1, data.rowCount))
    let total = data.target.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    var within = 0.0
    for rows in groups.rowsOfGroup where rows.count > 1 {
      let m = rows.reduce(0) { $0 + data.target[$1] } / Double(rows.count)
      within += rows.reduce(0) { $0 + (data.target[$1] - m) * (data.target[$1] - m) }
    }
    if replicatedPoints > 0, total > 0 {
      withinPointFraction = within / total
      noiseCeilingR2 = 1 - within / total
    } else {
      withinPointFraction = nil
      noiseCeilingR2 = nil
    }
    if let t = data.columns["T"] {
      singleTaskRows = t.filter { $0 == 1 }.count
      if let ami = data.columns["AMI"] {
        singleTaskRowsWithAMIOne = zip(t, ami).filter { $0 == 1 && $1 == 1 }.count
      } else {
        singleTaskRowsWithAMIOne = 0
      }
    } else {
      singleTaskRows = 0
      singleTaskRowsWithAMIOne = 0
    }
  }

  static func range(name: String, values: [Double]) -> ColumnRange {
    let sorted = values.sorted()
    let median: Double
    if sorted.isEmpty {
      median = .nan
    } else if sorted.count % 2 == 1 {
      median = sorted[sorted.count / 2]
    } else {
      median = (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
    return ColumnRange(
      name: name, minimum: sorted.first ?? .nan, maximum: sorted.last ?? .nan, median: median,
      distinctValues: Set(values).count)
  }

  /// The summary as a JSON section.
  public var json: JSONValue {
    func rangeJSON(_ r: ColumnRange) -> JSONValue {
      .object([
        ("name", .string(r.name)), ("min", .number(r.minimum)), ("max", .number(r.maximum)),
        ("median", .number(r.median)), ("distinct", .integer(r.distinctValues)),
      ])
    }
    return .object([
      ("rows", .integer(rows)), ("distinct_points", .integer(distinctPoints)),
      ("replicated_points", .integer(replicatedPoints)),
      ("features", .array(features.map(rangeJSON))), ("target", rangeJSON(target)),
      ("within_point_ss_fraction", .number(withinPointFraction)), ("noise_ceiling_r2", .number(noiseCeilingR2)),
      ("single_task_rows", .integer(singleTaskRows)), ("single_task_rows_ami_one", .integer(singleTaskRowsWithAMIOne)),
    ])
  }
}
