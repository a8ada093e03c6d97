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
    var notes: [String] = []
    let fitting = data.fittingData
    let groups = data.groups
    let k = min(settings.folds, groups.groupCount)
    var fits: [FormulaFit] = []
    var entries: [FormulaEntry] = []
    var selectedIndex: Int?
    var fittedCandidates: [Int] = []
    for (i, candidate) in candidates.enumerated() {
      do {
        let fit = try RobustFit.fit(candidate.formula, data: fitting, starts: candidate.starts)
        let cv =
          k >= 2
          ? try? FormulaCrossValidation(
            expression: candidate.formula, data: fitting, groups: groups, k: k,
            seed: settings.seed, starts: fit.values) : nil
        var entry = FormulaEntry(fit: fit, complexity: candidate.complexity, crossValidation: cv)
        entry.r2Validation = candidate.r2Validation
        entry.r2Test = candidate.r2Test
        entry.rmseTest = candidate.rmseTest
        if i == selected { selectedIndex = fits.count }
        fits.append(fit)
        entries.append(entry)
        fittedCandidates.append(i)
      } catch {
        if i == selected { throw ReportError("the selected formula \(candidate.formula) cannot be fitted: \(error)") }
        if candidate.formula.symbols.isDisjoint(with: data.columns.keys) {
          notes.append("Front formula `\(candidate.formula)` (a constant, no feature) is not listed.")
        } else {
          notes.append("Front formula `\(candidate.formula)` was left out: \(error).")
        }
      }
    }
    guard let selectedIndex else { throw ReportError("no formula of the front could be fitted") }
    let selectedFormula = candidates[selected].formula

    var hypotheses =
      settings.includeBuiltIns ? HypothesisLibrary.builtIns(availableColumns: Set(data.columns.keys)) : []
    hypotheses += settings.hypotheses
    // A hypothesis with exactly the selected formula is shown once, under the selected formula's row.
    let same = hypotheses.filter { $0.formula == selectedFormula }.map(\.name)
    hypotheses.removeAll { $0.formula == selectedFormula }
    let selectedName = same.isEmpty ? "selected" : "selected (= \(same.joined(separator: ", ")))"
    hypotheses.insert(
      Hypothesis(
        name: selectedName, formula: selectedFormula, starts: candidates[selected].starts,
        source: "discovered"), at: 0)
    let comparison = HypothesisComparison(
      hypotheses: hypotheses, data: data, folds: settings.folds, seed: settings.seed)
    let exponents = ExponentAnalysis(data: data)

    var honest: HonestAnalysis?
    if settings.honest {
      let method =
        search == nil
        ? "the selected structure (no search engine was available to reselect it on the selection half, so this is only a refit check)"
        : "a new search on the selection half"
      honest = try HonestAnalysis(data: data, seed: settings.seed, selectionMethod: method) { half in
        if let search, let found = try search(half, settings.seed) { return found.selected }
        return selectedFormula
      }
    }

    var extrapolation: ExtrapolationAnalysis?
    if let rule = settings.extrapolation {
      let formulas = comparison.results.filter { $0.fit != nil }.map(\.hypothesis)
      extrapolation = try ExtrapolationAnalysis(rule: rule, formulas: formulas, data: data)
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

    var extra: [(String, JSONValue)] = [("data_summary", DataSummary(data: data).json)]
    let selection = settings.selection?.keeping(fittedCandidates)
    extra.append(("selection", selection?.json ?? .null))
    extra.append(("report_mode", .string(settings.honest ? "honest" : "all-rows")))
    extra.append(("hypotheses", Self.comparisonJSON(comparison)))
    extra.append(("exponents", exponents.json))
    extra.append(("honest", honest?.json ?? .null))
    extra.append(("extrapolation", extrapolation?.json ?? .null))
    extra.append(("bootstrap", bootstrap?.json ?? .null))
    self.document = ResultDocument(
      run: run, target: data.targetName, features: data.features, rows: data.rowCount,
      groups: groups.groupCount, split: split, selected: selectedIndex, front: entries,
      extra: extra)
    self.data = data
    self.settings = settings
    self.summary = DataSummary(data: data)
    self.front = fits
    self.entries = entries
    self.selected = selectedIndex
    self.comparison = comparison
    self.exponents = exponents
    self.honest = honest
    self.extrapolation = extrapolation
    self.bootstrap = bootstrap
    self.notes = notes
    self.selection = selection
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
