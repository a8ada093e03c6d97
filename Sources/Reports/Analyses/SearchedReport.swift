import SymbolicRegression

/// A report of a formula search: the search's front members with constants become the candidates, the
/// bootstrap and honest reruns are warm-started searches within the time plan, and the report's analyses follow.
public enum SearchedReport {
  /// What the caller is told between the phases (for progress lines).
  public struct Events {
    /// The main search finished; its result and the number of candidates kept.
    public var searched: (SearchResult, Int) -> Void = { _, _ in }
    /// One rerun finished.
    public var rerunFinished: @Sendable () -> Void = {}
    public init() {}
  }

  /// Runs `search` on `problem`, then builds the report on `data` (the same rows and weights).
  public static func make(
    data: ReportData, problem: SearchProblem, configuration: SearchConfiguration, settings: ReportSettings,
    run: RunInfo, events: Events = Events(), search: (SearchProblem, SearchConfiguration) throws -> SearchResult
  ) throws -> (report: Report, result: SearchResult) {
    let features = problem.featureNames
    let plan = ReportTimePlan(total: configuration.timeLimit, reruns: settings.reruns)
    var configuration = configuration
    configuration.timeLimit = plan.mainSearch
    let result = try search(problem, configuration)
    let made = result.front.indices.compactMap { i in
      ReportCandidate(entry: result.front[i], featureNames: features).map { (i, $0) }
    }
    guard !made.isEmpty else {
      throw ReportError(origin: .run, "the search found no formula with constants to report on")
    }
    let kept = made.map(\.0)
    events.searched(result, made.count)
    var settings = settings
    settings.searchDescription = "symbolic regression (seed \(configuration.seed), \(result.evaluations) evaluations)"
    settings.selection = result.selection?.keeping(kept)
    let share = plan.rerunBudget.map { "about \(ReportTimePlan.seconds($0 / Double(max(1, plan.reruns))))" }
    settings.rerunDescription =
      "a warm-started search (initial populations hold the main search's front) of \(share ?? "the main search's budget")"
    var run = run
    run.evaluations = result.evaluations
    let report = try Report(
      data: data, candidates: made.map(\.1), selected: kept.firstIndex(of: result.selected ?? kept[0]) ?? 0,
      settings: settings, run: run,
      split: SplitInfo(
        testFraction: configuration.testFraction, validationFraction: configuration.validationFraction,
        grouped: configuration.groupedSplits, seed: configuration.seed, fitRows: "all"),
      search: WarmStartedReruns.search(
        after: result, configuration: configuration, features: features, plan: plan,
        finishedOne: events.rerunFinished))
    return (report, result)
  }
}

/// A report of a given formula (no search): the front is that one formula, fitted on every row.
public enum FixedFormReport {
  /// Fits `formula` (start values `starts`) on the input's features plus the columns the formula names.
  public static func make(
    input: ResultsInput, formula: String, starts: [String: Double], settings: ReportSettings, run: RunInfo
  ) throws -> Report {
    let expression = try input.parseFormula(formula)
    var features = try input.featureNames()
    for name in expression.orderedSymbols where input.table.hasColumn(name) && !features.contains(name) {
      features.append(name)
    }
    let (data, notes) = try input.reportRows(
      features: features, formulas: [expression], hypotheses: settings.hypotheses)
    var settings = settings
    settings.notes += notes
    settings.searchDescription = "fitting the given form (--fit)"
    return try Report(
      data: data, candidates: [ReportCandidate(formula: expression, starts: starts)], selected: 0,
      settings: settings, run: run)
  }
}

extension ReportSettings {
  /// Searches after the main one: the bootstrap resamples and the honest half.
  public var reruns: Int { bootstrapReplicates + (honest ? 1 : 0) }
}
