/// The batches of one epoch, in the schedule's order, gathered into the trainer's workspaces; a method's
/// ``MTLMethod/trainEpoch(_:batches:optimizer:)`` walks them (all, or one task's) and the trainer counts the tokens.
public struct EpochBatches {
  let train: [LabeledWindows]
  let order: [[Int]]
  let schedule: [(task: Int, start: Int)]
  let batchSize: Int
  let window: Int
  let ids: Int32Buffer
  let labels: Int32Buffer
  /// The main task's dev windows (early stopping scores the same set).
  public let dev: LabeledWindows
  /// Training examples handed out so far in this epoch.
  public private(set) var tokens = 0

  /// Number of tasks (task 0 is the main task).
  public var taskCount: Int { train.count }

  /// Every batch of the epoch in the schedule's order (valid during `body` only).
  public mutating func forEachBatch(_ body: (TaskBatch) -> Void) {
    for (task, start) in schedule { body(gather(task: task, start: start)) }
  }

  /// The first `fraction` of `task`'s batches in this epoch's order (at least one), e.g. αVIL's ρ-subsample.
  public mutating func forEachBatch(task: Int, fraction: Double = 1, _ body: (TaskBatch) -> Void) {
    let starts = Array(stride(from: 0, to: train[task].count, by: batchSize))
    let kept = max(1, Int((Double(starts.count) * fraction).rounded()))
    for start in starts.prefix(kept) { body(gather(task: task, start: start)) }
  }

  /// Copies the batch of `task` starting at `start` in its order into the workspaces.
  private mutating func gather(task: Int, start: Int) -> TaskBatch {
    let source = train[task]
    let n = min(batchSize, source.count - start)
    source.tokenIDs.withUnsafeBufferPointer { srcIDs in
      source.labels.withUnsafeBufferPointer { srcLabels in
        order[task].withUnsafeBufferPointer { ord in
          for r in 0..<n {
            let example = ord[start + r]
            (ids.pointer + r * window).update(from: srcIDs.baseAddress! + example * window, count: window)
            labels.pointer[r] = srcLabels[example]
          }
        }
      }
    }
    tokens += n
    return TaskBatch(task: task, ids: ids.pointer, labels: labels.pointer, count: n)
  }
}
