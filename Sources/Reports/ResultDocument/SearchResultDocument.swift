import Expressions
import Statistics
import SymbolicRegression

extension ResultDocument {
  /// The result document of a search: every front member refitted with `FormulaFit` on the rows the search fitted
  /// its final constants on (training + validation by default), cross-validated on `folds` grouped folds of those
  /// rows (the folds the engine's selection used), scored on the test rows, with the selection summary as an extra
  /// `selection` section.
  public init(search result: SearchResult, problem: SearchProblem, configuration: SearchConfiguration, run: RunInfo) {
    func part(_ rows: [Int]) -> FittingData {
      var columns: [String: [Double]] = [:]
      for (f, name) in problem.featureNames.enumerated() { columns[name] = rows.map { problem.columns[f][$0] } }
      return FittingData(
        columns: columns, target: rows.map { problem.target[$0] },
        weights: problem.weights.map { w in rows.map { w[$0] } })
    }
    let split = result.split
    let fitRows = result.constantsFittedOn.rows(of: split)
    let fitting = part(fitRows)
    let test = split.test.isEmpty ? nil : part(split.test)
    let groups =
      configuration.groupedSplits
      ? RowGroups(rows: fitRows.map { r in problem.columns.map { $0[r] } })
      : RowGroups.singletons(rowCount: fitRows.count)
    var entries: [FormulaEntry] = []
    for e in result.front {
      let named = e.expression(featureNames: problem.featureNames)
      var entry: FormulaEntry
      if let named, !e.constants.isEmpty,
        let fit = try? FormulaFit(expression: named, data: fitting, starts: e.constantValues)
      {
        let k = min(configuration.folds, groups.groupCount)
        let cv =
          k >= 2
          ? try? FormulaCrossValidation(
            expression: named, data: fitting, groups: groups, k: k,
            seed: configuration.seed, starts: fit.values,
            grouped: configuration.groupedSplits) : nil
        entry = FormulaEntry(fit: fit, complexity: e.complexity, crossValidation: cv)
        if let test {
          let score = try? GoodnessOfFit(
            observed: test.target, predicted: fit.predict(columns: test.columns, rowCount: test.rowCount),
            weights: test.weights, parameterCount: fit.constants.count)
          entry.r2Test = score?.r2
          entry.rmseTest = score?.rmse
        }
      } else {
        let fitted = e.fittedExpression(featureNames: problem.featureNames)
        entry = FormulaEntry(
          complexity: e.complexity, expression: named?.description ?? e.template,
          sympy: fitted?.sympy() ?? e.formula, latex: fitted?.latex() ?? e.formula,
          constants: zip(e.constantNames, e.constants).map {
            ConstantEntry(name: $0, value: $1, standardError: nil, ci95: nil, t: nil, p: nil)
          },
          r2: e.r2Train, r2Test: e.r2Test, rmseTest: e.testLoss.map { $0.squareRoot() })
      }
      entry.r2Train = e.r2Train
      entry.r2Validation = e.r2Validation
      // The engine's finished form (constants rounded by the final pass, in sympy syntax) beside the refit's.
      entry.extra = [
        ("finished", .string(e.fittedExpression(featureNames: problem.featureNames)?.sympy() ?? e.formula)),
        ("cv_loss", .number(e.cvLoss)), ("r2_cv", .number(e.r2CV)),
      ]
      entries.append(entry)
    }
    self.init(
      run: run, target: problem.targetName, features: problem.featureNames, rows: problem.target.count,
      groups: split.groups,
      split: SplitInfo(
        testFraction: configuration.testFraction, validationFraction: configuration.validationFraction,
        grouped: configuration.groupedSplits, seed: configuration.seed,
        fitRows: result.constantsFittedOn.rawValue),
      selected: result.selected ?? 0, front: entries,
      extra: [("selection", result.selection?.json ?? .null)])
  }
}
