/// The checks that need the corpus, and the calibration of AMI targets.
extension GridConfig {
  /// Checks the corpus-dependent rules: α ≥ 1/K and the tokens every point needs ≤ the corpus's training tokens.
  public func validate(against corpus: Corpus) throws(TaskSimulatorError) {
    let k = corpus.ioLabels.count
    let lower = 1 / Double(k)
    let available = corpus.trainTokenCount
    for p in points {
      let where_ = "\(source): point \(p.index) (\(p.name))"
      for a in (p.alphas ?? []) + (p.alpha.map { [$0] } ?? []) where p.taskCount > 1 && a < lower - 1e-12 {
        throw TaskSimulatorError("\(where_): alpha \(a) outside [1/K, 1] = [\(GridPoint.short(lower)), 1] (K = \(k))")
      }
      let needed = TaskFamilySpec(
        taskCount: p.taskCount, mainTokens: p.mainTokens, auxTokens: p.auxTokens, alphas: [],
        inputs: p.inputs, seed: 0
      ).requiredTokens
      if needed > available {
        throw TaskSimulatorError(
          "\(where_): needs \(needed) training tokens (T·n) but corpus '\(corpus.name)' has \(available)")
      }
    }
  }

  /// The calibrated α of every distinct AMI target in the grid, computed once.
  public func calibratedAlphas(corpus: Corpus) throws(TaskSimulatorError) -> [Double: Double] {
    let distribution = corpus.ioLabelDistribution()
    var out: [Double: Double] = [:]
    for p in points where p.taskCount > 1 {
      if let ami = p.ami, out[ami] == nil {
        out[ami] = try Calibration.alpha(forAMI: ami, labelDistribution: distribution, tokens: corpus.trainTokenCount)
      }
    }
    return out
  }
}
