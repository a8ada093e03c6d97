/// The training, validation (the training rows when empty) and test parts of a split.
struct EvaluationParts: Sendable {
  let train: Dataset
  let validation: Dataset
  let test: Dataset?

  init(full: Dataset, split: DataSplit) {
    train = full.subset(rows: split.train)
    validation = split.validation.isEmpty ? train : full.subset(rows: split.validation)
    test = split.test.isEmpty ? nil : full.subset(rows: split.test)
  }

  struct Evaluators {
    let train: Evaluator
    let validation: Evaluator
    let test: Evaluator?
  }

  /// Fresh evaluators (one set per thread).
  func evaluators() -> Evaluators {
    Evaluators(
      train: Evaluator(data: train), validation: Evaluator(data: validation), test: test.map { Evaluator(data: $0) })
  }
}
