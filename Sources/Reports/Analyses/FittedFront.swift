import Statistics
import SymbolicRegression

/// The report's front: every candidate refitted on all rows with a grouped cross-validation; candidates that
/// cannot be fitted are left out with a note (the selected one must fit).
struct FittedFront {
  var fits: [FormulaFit] = []
  var entries: [FormulaEntry] = []
  /// Index of the selected formula in `fits`.
  var selected = 0
  /// For each fit, its index among the candidates.
  var candidateIndices: [Int] = []
  var notes: [String] = []

  init(candidates: [ReportCandidate], selected: Int, data: ReportData, settings: ReportSettings) throws {
    let fitting = data.fittingData
    let groups = data.groups
    let k = min(settings.folds, groups.groupCount)
    var selectedIndex: Int?
    for (i, candidate) in candidates.enumerated() {
      do {
        let fit = try RobustFit.fit(candidate.formula, data: fitting, starts: candidate.starts)
        let cv =
          k >= 2
          ? try? FormulaCrossValidation(
            expression: candidate.formula, data: fitting, groups: groups, k: k, seed: settings.seed,
            starts: fit.values) : nil
        var entry = FormulaEntry(fit: fit, complexity: candidate.complexity, crossValidation: cv)
        entry.r2Validation = candidate.r2Validation
        entry.r2Test = candidate.r2Test
        entry.rmseTest = candidate.rmseTest
        if i == selected { selectedIndex = fits.count }
        fits.append(fit)
        entries.append(entry)
        candidateIndices.append(i)
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
    self.selected = selectedIndex
  }
}
