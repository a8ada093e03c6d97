import DataTable
import Expressions
import Foundation
import Reports
import Statistics
import Support
import SymbolicRegression

/// `fit-formulas DATA.csv --fit FORMULA`: least-squares fit of a given formula with full statistics.
struct FixedFormRun {
  let input: LoadedInput
  let formula: String
  let starts: [String: Double]
  let folds: Int
  let common: CommonOptions

  func run() throws {
    let clock = ContinuousClock.now
    let expression: Expressions.Expression
    do {
      expression = try Expressions.Expression(parsing: formula)
    } catch let error as ExpressionParseError {
      throw InputError(description: "--fit: \(error.description)")
    }
    let table = input.table
    let variables = expression.orderedSymbols.filter(table.hasColumn)
    let constants = expression.constants(variables: Set(variables))
    guard !variables.isEmpty else {
      throw InputError(
        description: "--fit: formula uses no column of \(input.path); every identifier would be a constant "
          + "(\(constants.joined(separator: ", "))); columns are: \(table.columnNames.joined(separator: ", "))")
    }
    if variables.contains(input.target) {
      throw InputError(description: "--fit: the formula uses the target column '\(input.target)' as a variable")
    }
    if let summary = input.renameSummary { print(summary) }
    print("variables (columns): \(variables.joined(separator: ", "))")
    print("constants (fitted):  \(constants.isEmpty ? "none" : constants.joined(separator: ", "))")

    var columns: [String: [Double]] = [:]
    for name in variables { columns[name] = try table.numericColumn(name) }
    let target = try table.numericColumn(input.target)
    let (weights, note) = try input.rowWeights(common)
    if let note { print(note) }
    let data = FittingData(columns: columns, target: target, weights: weights)
    let fit: FormulaFit
    do {
      fit = try FormulaFit(expression: expression, data: data, starts: starts)
    } catch let error as FormulaFitError {
      throw InputError(description: "--fit: \(error.description)")
    }
    let groups = try RowGroups(columns: variables.map { columns[$0]! })
    var crossValidation: FormulaCrossValidation?
    if folds >= 2 {
      if groups.groupCount >= folds {
        crossValidation = try FormulaCrossValidation(
          expression: expression, data: data, groups: groups, k: folds,
          seed: common.seed, starts: fit.values)
      } else {
        FileHandle.standardError.write(
          Data(
            "fit-formulas: note: \(groups.groupCount) distinct rows < \(folds) folds; cross-validation skipped\n".utf8))
      }
    }
    printSummary(fit: fit, rows: target.count, groups: groups.groupCount, cv: crossValidation)

    if let path = common.json {
      let elapsed = (ContinuousClock.now - clock).components
      let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
      let document = ResultDocument(
        run: RunInfo(
          version: ToolInfo.version, commit: ToolInfo.commit(), command: ToolInfo.commandLine(name: "fit-formulas"),
          seed: common.seed, threads: 1, seconds: seconds, evaluations: nil, inputSHA256: input.sha256),
        target: input.target, features: variables, rows: target.count, groups: groups.groupCount, split: nil,
        selected: 0, front: [FormulaEntry(fit: fit, crossValidation: crossValidation)])
      do {
        try AtomicFile.write(document.text(), to: path)
      } catch {
        throw RunFailure(description: "cannot write --json '\(path)': \(error)")
      }
      print("wrote \(path)")
    }
  }

  private func printSummary(fit: FormulaFit, rows: Int, groups: Int, cv: FormulaCrossValidation?) {
    print("")
    print("\(input.target) ~ \(fit.expression)    (\(rows) rows, \(groups) distinct feature rows; \(fit.method))")
    print("")
    let header = ["constant", "value", "std. error", "95% CI", "t", "p"]
    var lines: [[String]] = [header]
    for c in fit.constants {
      let ci = if let l = c.lower, let u = c.upper { "[\(Format.number(l)), \(Format.number(u))]" } else { "-" }
      lines.append([
        c.name, ConstantPrecision.text(c.value, halfWidth: c.halfWidth), Format.optional(c.standardError), ci,
        Format.optional(c.t, digits: 4), Format.p(c.p),
      ])
    }
    print(Format.table(lines))
    let g = fit.goodness
    print("")
    print(
      "R² \(Format.optional(g.r2, digits: 4))   adjusted R² \(Format.optional(g.adjustedR2, digits: 4))   "
        + "RMSE \(Format.optional(g.rmse, digits: 4))   MAE \(Format.optional(g.mae, digits: 4))")
    print(
      "AIC \(Format.optional(g.aic, digits: 6))   AICc \(Format.optional(g.aicc, digits: 6))   BIC \(Format.optional(g.bic, digits: 6))   "
        + "log-likelihood \(Format.optional(g.logLikelihood, digits: 6))")
    if let cv {
      print(
        "\(cv.k)-fold grouped CV R²: \(Format.optional(cv.r2Mean, digits: 4)) ± \(Format.optional(cv.r2SD, digits: 2))")
    }
    print("fitted: \(input.target) = \(fit.displayed.readable)")
  }
}
