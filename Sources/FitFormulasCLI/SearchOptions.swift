import ArgumentParser
import SymbolicRegression

/// Options of the formula search (`fit-formulas DATA.csv [options]` without `--fit`).
struct SearchOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Evaluation budget (training-set passes, constant fitting included). Results are identical for any --threads. Default 400000 when --time-limit is not given.",
      valueName: "n"))
  var maxEvals: Int?

  @Option(
    help: ArgumentHelp("Stop after this many seconds (results then depend on machine speed).", valueName: "seconds"))
  var timeLimit: Double?

  @Option(help: "Largest formula size (node count, constants included).")
  var maxComplexity: Int = 25

  @Option(help: "Members per island.")
  var population: Int = 60

  @Option(help: "Number of islands (sub-populations, evolved in parallel).")
  var islands: Int = 8

  @Option(help: ArgumentHelp("Operators the search may use.", valueName: "list"))
  var operators: String = "+,-,*,/,sqrt,log,exp,square"

  @Option(help: ArgumentHelp("Stop early once 1 - R² on validation data is at or below this.", valueName: "x"))
  var tolerance: Double?

  @Option(
    help: ArgumentHelp(
      "Stop early after this many epochs (migration intervals) without validation improvement.", valueName: "epochs"))
  var patience: Int?

  @Option(help: "Fraction of rows held out for testing (reporting only).")
  var testFraction: Double = 0.25

  @Option(help: "Fraction of the remaining rows used for validation (selection of the formula).")
  var validationFraction: Double = 0.2

  @Flag(help: "Split rows individually instead of keeping rows with identical features together.")
  var ungroupedSplit = false

  @Flag(help: "Do not wrap candidates f as c0 + c1*f (linear scaling).")
  var noLinearScaling = false

  @Flag(
    inversion: .prefixedNo,
    help: "After selection, refit the front's constants on training + validation rows (--no-refit: training rows only)."
  )
  var refit = true

  @Option(
    help: ArgumentHelp(
      "Complexity weights, e.g. exp=3,log=2,constant=2 (names: constant, variable, number, + - * / ^ sqrt log exp abs neg; default every node 1).",
      valueName: "name=w,..."))
  var complexityWeights: String?

  @Option(
    help: ArgumentHelp(
      "How the formula is chosen from the front: cv-1se (grouped cross-validation, one-standard-error rule), score (PySR's), aicc or bic.",
      valueName: "rule"))
  var select: String = "cv-1se"

  @Option(
    help: ArgumentHelp(
      "Relative loss increase allowed when rounding constants to short values (0 = off).", valueName: "x"))
  var niceTolerance: Double = 1e-4

  @Option(
    help: ArgumentHelp(
      "Units of columns, e.g. n:tokens,T:1,AMI:1,fscore:1; formulas mixing units are rejected.",
      valueName: "col:unit,..."))
  var units: String?

  @Option(help: ArgumentHelp("Checkpoint file, written atomically after every epoch.", valueName: "file"))
  var checkpoint: String?

  @Flag(help: "Continue from --checkpoint when it exists.")
  var resume = false

  /// The engine configuration for these options; the engine checks the ranges (`SearchConfiguration.validate`).
  func configuration(seed: UInt64, threads: Int?, folds: Int) throws -> SearchConfiguration {
    var c = SearchConfiguration()
    c.folds = folds
    c.selection = try SelectionRule(parsing: select)
    c.seed = seed
    c.threads = threads ?? 0
    c.maxEvaluations = maxEvals
    c.timeLimit = timeLimit
    c.maxComplexity = maxComplexity
    c.populationSize = population
    c.islands = islands
    c.operators = try OperatorSet(parsing: operators)
    c.tolerance = tolerance
    c.patience = patience
    c.testFraction = testFraction
    c.validationFraction = validationFraction
    c.groupedSplits = !ungroupedSplit
    c.niceTolerance = niceTolerance
    c.linearScaling = !noLinearScaling
    c.refitOnValidation = refit
    if let w = complexityWeights { c.complexityWeights = try ComplexityWeights(parsing: w) }
    c.units = units
    c.checkpointPath = checkpoint
    c.resume = resume
    try c.validate()
    return c
  }
}
