import Expressions
import Statistics

/// Reruns the search on grouped bootstrap resamples and counts how often each structure is selected.
public struct BootstrapStability: Sendable {
  public struct Structure: Sendable {
    /// Constants-abstracted structure (see `StructureKey`).
    public let key: String
    public let count: Int
    /// The first selected formula with this structure.
    public let example: String
    public let features: [String]
  }

  public let replicates: Int
  public let seed: UInt64
  /// Structures by descending count (ties: first seen first).
  public let structures: [Structure]
  /// How many selected formulas use each feature.
  public let featureCounts: [(feature: String, count: Int)]
  /// Resamples whose search returned nothing or failed.
  public let failures: Int

  /// - Parameter search: runs the search on a resample (with its own seed) and returns the selected formula, or nil.
  public init(data: ReportData, replicates: Int, seed: UInt64,
              search: (ReportData, UInt64) throws -> Expressions.Expression?) throws {
    let bootstrap: GroupedBootstrap
    do {
      bootstrap = try GroupedBootstrap(groups: data.groups, seed: seed)
    } catch {
      throw ReportError("--bootstrap: \(error)")
    }
    let variables = Set(data.columns.keys)
    var order: [String] = []
    var counts: [String: Int] = [:]
    var examples: [String: Expressions.Expression] = [:]
    var featureCounts = Dictionary(uniqueKeysWithValues: data.features.map { ($0, 0) })
    var failures = 0
    for index in 0..<max(0, replicates) {
      let resample = bootstrap.resample(index)
      let selected: Expressions.Expression?
      do {
        selected = try search(data.selecting(resample.rows), seed &+ UInt64(index) &+ 1)
      } catch {
        selected = nil
      }
      guard let formula = selected else {
        failures += 1
        continue
      }
      let key = StructureKey.key(formula, variables: variables)
      if counts[key] == nil {
        order.append(key)
        examples[key] = formula
      }
      counts[key, default: 0] += 1
      for feature in data.features where formula.contains(symbol: feature) { featureCounts[feature, default: 0] += 1 }
    }
    self.replicates = max(0, replicates)
    self.seed = seed
    self.failures = failures
    self.structures = order.enumerated().sorted { a, b in
      counts[a.element]! != counts[b.element]! ? counts[a.element]! > counts[b.element]! : a.offset < b.offset
    }.map { _, key in
      let example = examples[key]!
      return Structure(key: key, count: counts[key]!, example: example.description,
                       features: data.features.filter { example.contains(symbol: $0) })
    }
    self.featureCounts = data.features.map { ($0, featureCounts[$0] ?? 0) }
  }

  /// The analysis as a JSON section.
  public var json: JSONValue {
    .object([
      ("replicates", .integer(replicates)), ("seed", .integer(Int(truncatingIfNeeded: seed))), ("failures", .integer(failures)),
      ("structures", .array(structures.map {
        .object([("key", .string($0.key)), ("count", .integer($0.count)), ("example", .string($0.example)),
                 ("features", .array($0.features.map { .string($0) }))])
      })),
      ("feature_counts", .object(featureCounts.map { ($0.feature, .integer($0.count)) })),
    ])
  }
}
