/// The flag of each library setting that error messages name (`threads` → `--threads`).
enum SettingFlags {
  static let fitFormulas: [String: String] = [
    // SearchConfiguration
    "threads": "--threads", "islands": "--islands", "populationSize": "--population",
    "maxComplexity": "--max-complexity",
    "maxEvaluations": "--max-evals", "timeLimit": "--time-limit", "tolerance": "--tolerance", "patience": "--patience",
    "niceTolerance": "--nice-tolerance", "folds": "--folds", "selection": "--select", "resume": "--resume",
    "checkpointPath": "--checkpoint", "operators": "--operators", "complexityWeights": "--complexity-weights",
    "units": "--units", "testFraction": "--test-fraction", "validationFraction": "--validation-fraction",
    // InputRequest, the fitted formula, ReportSettings, predict
    "target": "--target", "features": "--features", "rename": "--rename", "weights": "--weights",
    "weightsFromSD": "--weights-from-sd", "sdFloor": "--sd-floor", "formula": "--fit", "starts": "--start",
    "groupBy": "--group-by", "bootstrapReplicates": "--bootstrap", "honest": "--honest",
    "extrapolation": "--extrapolate", "hypotheses": "--hypothesis", "model": "--model", "index": "--index",
  ]
}
