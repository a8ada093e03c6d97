import Foundation

/// Softmax followed by the mean negative log-likelihood of the gold labels (torch's `CrossEntropyLoss`).
public final class SoftmaxCrossEntropy {
  public let classes: Int
  /// dL/d(logits) of the last `loss` call, maxBatch×classes.
  public let logitGradient: FloatBuffer

  public init(classes: Int, maxBatch: Int) {
    self.classes = classes
    logitGradient = FloatBuffer(count: maxBatch * classes)
  }

  /// Mean loss over the batch (accumulated in Double); also writes `logitGradient` = (softmax − onehot)/batch.
  public func loss(logits: UnsafePointer<Float>, labels: UnsafePointer<Int32>, batch: Int) -> Double {
    let k = classes
    let g = logitGradient.pointer
    var total = 0.0
    let scale = 1 / Float(batch)
    for r in 0..<batch {
      let row = logits + r * k
      let gr = g + r * k
      var maxValue = row[0]
      for j in 1..<k where row[j] > maxValue { maxValue = row[j] }
      var sum: Float = 0
      for j in 0..<k {
        let e = Foundation.exp(row[j] - maxValue)
        gr[j] = e
        sum += e
      }
      let y = Int(labels[r])
      total -= Double(row[y] - maxValue) - Foundation.log(Double(sum))
      for j in 0..<k { gr[j] = gr[j] / sum * scale }
      gr[y] -= scale
    }
    return total / Double(batch)
  }

  /// Index of the largest logit of each row (first one on ties).
  public static func argmax(
    logits: UnsafePointer<Float>, classes: Int, batch: Int, into out: UnsafeMutablePointer<Int32>
  ) {
    for r in 0..<batch {
      let row = logits + r * classes
      var best = 0
      for j in 1..<classes where row[j] > row[best] { best = j }
      out[r] = Int32(best)
    }
  }
}
