/// Hard parameter sharing (the paper's method): one encoder and shared dense layers for all tasks, one head per task
/// (a ``MultitaskTagger``). Each step takes one batch of one task, back-propagates that task's loss alone and updates
/// the shared parameters and that task's head only; each parameter counts its own Adam steps.
public struct HardParameterSharing: MTLMethod {
  public init() {}

  public var name: String { "hard-sharing" }

  public func makeModel(_ setup: ModelSetup) -> MultitaskTagger {
    MultitaskTagger(
      spec: setup.spec, vocabularySize: setup.vocabularySize, labelCounts: setup.labelCounts, maxBatch: setup.maxBatch,
      pretrained: setup.pretrained, seed: setup.seed)
  }

  public func step(_ model: MultitaskTagger, on batch: TaskBatch, optimizer: Adam) -> Double {
    let loss = model.accumulateGradient(ids: batch.ids, labels: batch.labels, batch: batch.count, task: batch.task)
    optimizer.step(model.parameters(task: batch.task))
    return loss
  }
}
