import Expressions
import Statistics
import Support
import SymbolicRegression

/// What the report computes besides the front.
public struct ReportSettings: Sendable {
  /// User hypotheses (`--hypothesis`, `--hypotheses FILE`), compared with the built-ins.
  public var hypotheses: [Hypothesis] = []
  public var includeBuiltIns = true
  /// Grouped cross-validation folds (0 to skip).
  public var folds = 5
  public var seed: UInt64 = 1
  /// `--honest`: select on one grouped half, estimate on the other.
  public var honest = false
  /// `--extrapolate`.
  public var extrapolation: ExtrapolationRule?
  /// `--bootstrap B` (0 to skip).
  public var bootstrapReplicates = 20
  /// How the front was found, one phrase (e.g. "symbolic regression, 60 s, seed 1").
  public var searchDescription = "fixed form"
  /// Extra sentences for the data section (renames, weights).
  public var notes: [String] = []
  /// How the search's selection rule chose the formula (members in the order of the candidates given to the report).
  public var selection: SelectionSummary?
  /// What a bootstrap or `--honest` rerun is, one phrase.
  public var rerunDescription: String?

  public init() {}
}

/// What a rerun of the search returns: the formula its selection rule chose and the whole finished front.
public struct SearchOutcome: Sendable {
  public var selected: Expressions.Expression
  /// Every member of the rerun's front (the selected one included; empty when unknown).
  public var front: [Expressions.Expression]

  public init(selected: Expressions.Expression, front: [Expressions.Expression] = []) {
    self.selected = selected
    self.front = front
  }
}

/// Runs a search on the given rows with the given seed (nil: nothing found).
public typealias FormulaSearch = (ReportData, UInt64) throws -> SearchOutcome?

/// Every analysis of a report, computed from the data and the front; `ReportWriter` turns it into files.
public struct Report: Sendable {
  public let data: ReportData
  public let settings: ReportSettings
  public let summary: DataSummary
  /// Fitted front (candidates that could not be fitted are left out, see `notes`).
  public let front: [FormulaFit]
  public let entries: [FormulaEntry]
  public let selected: Int
  public let comparison: HypothesisComparison
  public let exponents: ExponentAnalysis
  public let honest: HonestAnalysis?
  public let extrapolation: ExtrapolationAnalysis?
  public let bootstrap: BootstrapStability?
  /// The result document with every analysis as an extra section.
  public var document: ResultDocument
  /// Sentences on what was skipped and why.
  public let notes: [String]
  /// The search's selection summary, members aligned with `entries`.
  public let selection: SelectionSummary?

  /// Fits the candidates and runs the analyses.
  /// - Parameters:
  ///   - selected: index into `candidates` of the selected formula.
  ///   - search: reruns the search (bootstrap and `--honest`); nil when no engine is available (those parts are skipped
  ///     or, for `--honest`, use the selected structure).
  public init(
    data: ReportData, candidates: [ReportCandidate], selected: Int, settings: ReportSettings,
    run: RunInfo, split: SplitInfo? = nil, search: FormulaSearch? = nil
  ) throws {
    guard candidates.indices.contains(selected) else {
      throw ReportError("selected formula \(selected) is not an index of the \(candidates.count) candidates")
    }
    let fitted = try FittedFront(candidates: candidates, selected: selected, data: data, settings: settings)
    let selectedFormula = candidates[selected].formula
    var notes = fitted.notes
    let comparison = HypothesisComparison(
      hypotheses: Self.hypotheses(settings: settings, data: data, selected: candidates[selected]), data: data,
      folds: settings.folds, seed: settings.seed)
    let exponents = ExponentAnalysis(data: data)
    let honest = try Self.honestAnalysis(data: data, settings: settings, selected: selectedFormula, search: search)
    let extrapolation = try settings.extrapolation.map { rule in
      try ExtrapolationAnalysis(
        rule: rule, formulas: comparison.results.filter { $0.fit != nil }.map(\.hypothesis), data: data)
    }
    var bootstrap: BootstrapStability?
    if settings.bootstrapReplicates > 0 {
      if let search {
        bootstrap = try BootstrapStability(
          data: data, replicates: settings.bootstrapReplicates, seed: settings.seed,
          reference: selectedFormula, search: search)
      } else {
        notes.append("Bootstrap structure stability was not run: it needs the search engine (the front was given).")
      }
    }
    let selection = settings.selection?.keeping(fitted.candidateIndices)
    let extra: [(String, JSONValue)] = [
      ("data_summary", DataSummary(data: data).json), ("selection", selection?.json ?? .null),
      ("report_mode", .string(settings.honest ? "honest" : "all-rows")),
      ("hypotheses", Self.comparisonJSON(comparison)), ("exponents", exponents.json),
      ("honest", honest?.json ?? .null), ("extrapolation", extrapolation?.json ?? .null),
      ("bootstrap", bootstrap?.json ?? .null),
    ]
    self.document = ResultDocument(
      run: run, target: data.targetName, features: data.features, rows: data.rowCount,
      groups: data.groups.groupCount, split: split, selected: fitted.selected, front: fitted.entries, extra: extra)
    self.data = data
    self.settings = settings
    self.summary = DataSummary(data: data)
    self.front = fitted.fits
    self.entries = fitted.entries
    self.selected = fitted.selected
    self.comparison = comparison
    self.exponents = exponents
    self.honest = honest
    self.extrapolation = extrapolation
    self.bootstrap = bootstrap
    self.notes = notes
    self.selection = selection
  }

  /// The theory forms compared: the selected formula first (named after any hypothesis with exactly its formula),
  /// then the built-ins whose columns exist and the user's.
  static func hypotheses(settings: ReportSettings, data: ReportData, selected: ReportCandidate) -> [Hypothesis] {
    var hypotheses =
      settings.includeBuiltIns ? HypothesisLibrary.builtIns(availableColumns: Set(data.columns.keys)) : []
    hypotheses += settings.hypotheses
    let same = hypotheses.filter { $0.formula == selected.formula }.map(\.name)
    hypotheses.removeAll { $0.formula == selected.formula }
    let name = same.isEmpty ? "selected" : "selected (= \(same.joined(separator: ", ")))"
    hypotheses.insert(
      Hypothesis(name: name, formula: selected.formula, starts: selected.starts, source: "discovered"), at: 0)
    return hypotheses
  }

  /// Structure chosen on one grouped half, constants from the other (when asked for).
  static func honestAnalysis(
    data: ReportData, settings: ReportSettings, selected: Expressions.Expression, search: FormulaSearch?
  ) throws -> HonestAnalysis? {
    guard settings.honest else { return nil }
    let method =
      search == nil
      ? "the selected structure (no search engine was available to reselect it on the selection half, so this is only a refit check)"
      : "a new search on the selection half"
    return try HonestAnalysis(data: data, seed: settings.seed, selectionMethod: method) { half in
      if let search, let found = try search(half, settings.seed) { return found.selected }
      return selected
    }
  }

  /// The selected formula's fit on all rows.
  public var selectedFit: FormulaFit { front[selected] }

  static func comparisonJSON(_ c: HypothesisComparison) -> JSONValue {
    .object([
      ("folds", .integer(c.folds)),
      (
        "results",
        .array(
          c.results.map { r in
            var pairs: [(String, JSONValue)] = [
              ("name", .string(r.name)), ("source", .string(r.hypothesis.source)),
              ("formula", .string(r.hypothesis.formula.description)),
            ]
            if let fit = r.fit {
              let cv = r.crossValidation
              var entry = FormulaEntry(fit: fit, crossValidation: cv)
              entry.extra = [("delta_aicc", .number(r.deltaAICc)), ("aicc_weight", .number(r.aiccWeight))]
              pairs.append(("fit", entry.json))
            } else {
              pairs.append(("failure", .string(r.failure ?? "not fitted")))
            }
            return .object(pairs)
          })
      ),
      (
        "nested_tests",
        .array(
          c.nestedTests.map { t in
            .object([
              ("smaller", .string(t.smaller)), ("larger", .string(t.larger)), ("f", .number(t.f)),
              ("df1", .integer(t.numeratorDegrees)), ("df2", .integer(t.denominatorDegrees)), ("p", .number(t.p)),
            ])
          })
      ),
    ])
  }
}
