/// The relatedness readout every method shares: the cosine between the main task's and each auxiliary task's
/// loss gradient on the model's shared parameters. Each gradient is summed over a fixed sample of its task's
/// training windows (the first `examples`, in data order, in batches of the model's largest batch), with the
/// weights the trainer kept; the gradients are zeroed afterwards, so the model is left as it was.
public enum GradientCosine {
  /// Cosines for tasks 1…T−1 (empty for one task).
  public static func measure(_ model: some MultitaskModel, train: [LabeledWindows], examples: Int = 1024)
    -> [Double]
  {
    guard train.count > 1 else { return [] }
    let main = gradient(model, train[0], task: 0, examples: examples)
    return (1..<train.count).map { t in
      cosine(main, gradient(model, train[t], task: t, examples: examples))
    }
  }

  /// The shared parameters' gradient of `task`'s loss over its first `examples` windows, flattened.
  static func gradient(_ model: some MultitaskModel, _ windows: LabeledWindows, task: Int, examples: Int)
    -> [Double]
  {
    let all = model.allParameters
    for p in all { p.zeroGradient() }
    windows.forEachBatch(of: model.maxBatch, limit: examples) { ids, labels, b in
      model.accumulateGradient(ids: ids, labels: labels, batch: b, task: task)
    }
    var flat: [Double] = []
    for p in model.sharedParameters where p.trainable {
      for i in 0..<p.count { flat.append(Double(p.gradient[i])) }
    }
    for p in all { p.zeroGradient() }
    return flat
  }

  /// Cosine of two equally long vectors (0 when either is zero).
  static func cosine(_ a: [Double], _ b: [Double]) -> Double {
    var dot = 0.0
    var na = 0.0
    var nb = 0.0
    for i in a.indices {
      dot += a[i] * b[i]
      na += a[i] * a[i]
      nb += b[i] * b[i]
    }
    return na > 0 && nb > 0 ? dot / (na * nb).squareRoot() : 0
  }
}
