import Expressions
import Statistics
import Support

/// Reruns the search on grouped bootstrap resamples and counts how often each structure is selected, and how often
/// it is on the rerun's front at all (found by the search, but another member selected).
public struct BootstrapStability: Sendable {
  public struct Structure: Sendable {
    /// Constants-abstracted structure (see `StructureKey`).
    public let key: String
    /// Resamples that selected it.
    public let count: Int
    /// Resamples whose finished front holds it (selected or not).
    public let onFront: Int
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
  /// The structure of the report's own selected formula, and how often the resamples selected it and found it.
  public let reference: (key: String, selected: Int, onFront: Int)?

  /// - Parameters:
  ///   - reference: the report's selected formula, whose structure is followed through the resamples.
  ///   - search: runs the search on a resample (with its own seed) and returns its outcome, or nil.
  public init(
    data: ReportData, replicates: Int, seed: UInt64, reference: Expressions.Expression? = nil,
    search: (ReportData, UInt64) throws -> SearchOutcome?
  ) throws {
    let bootstrap: GroupedBootstrap
    do {
      bootstrap = try GroupedBootstrap(groups: data.groups, seed: seed)
    } catch {
      throw ReportError(setting: "bootstrapReplicates", "\(error)")
    }
    let variables = Set(data.columns.keys)
    var order: [String] = []
    var counts: [String: Int] = [:]
    var examples: [String: Expressions.Expression] = [:]
    var fronts: [Set<String>] = []
    var featureCounts = Dictionary(uniqueKeysWithValues: data.features.map { ($0, 0) })
    var failures = 0
    for index in 0..<max(0, replicates) {
      let resample = bootstrap.resample(index)
      let outcome: SearchOutcome?
      do {
        outcome = try search(data.selecting(resample.rows), seed &+ UInt64(index) &+ 1)
      } catch {
        outcome = nil
      }
      guard let outcome else {
        failures += 1
        continue
      }
      let formula = outcome.selected
      let key = StructureKey.key(formula, variables: variables)
      fronts.append(Set(outcome.front.map { StructureKey.key($0, variables: variables) } + [key]))
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
      return Structure(
        key: key, count: counts[key]!, onFront: fronts.filter { $0.contains(key) }.count,
        example: example.description, features: data.features.filter { example.contains(symbol: $0) })
    }
    self.reference = reference.map { formula in
      let key = StructureKey.key(formula, variables: variables)
      return (key, counts[key] ?? 0, fronts.filter { $0.contains(key) }.count)
    }
    self.featureCounts = data.features.map { ($0, featureCounts[$0] ?? 0) }
  }

  /// The analysis as a JSON section.
  public var json: JSONValue {
    .object([
      ("replicates", .integer(replicates)), ("seed", .integer(Int(truncatingIfNeeded: seed))),
      ("failures", .integer(failures)),
      (
        "structures",
        .array(
          structures.map {
            .object([
              ("key", .string($0.key)), ("count", .integer($0.count)), ("on_front", .integer($0.onFront)),
              ("example", .string($0.example)),
              ("features", .array($0.features.map { .string($0) })),
            ])
          })
      ),
      ("feature_counts", .object(featureCounts.map { ($0.feature, .integer($0.count)) })),
      (
        "selected_structure",
        reference.map {
          .object([("key", .string($0.key)), ("selected", .integer($0.selected)), ("on_front", .integer($0.onFront))])
        } ?? .null
      ),
    ])
  }
}
