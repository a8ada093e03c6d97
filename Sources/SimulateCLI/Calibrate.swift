import ArgumentParser
import Foundation
import TaskSimulator

/// `simulate calibrate`: prints the channel α that gives a target AMI.
struct Calibrate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print the channel alpha whose expected AMI on the corpus equals a target.",
    discussion: "The expected AMI comes from the expected contingency table of the channel on the corpus's IO label "
      + "distribution (default: the embedded corpus, over its whole training stream).")

  @Option(name: .long, help: "Target AMI in (0, 1).")
  var ami: Double

  @Option(name: .long, help: "Number of tokens the AMI is measured on (default: the corpus's training tokens).")
  var tokens: Int?

  @Option(name: .long, help: "CoNLL training file to take the label distribution from (default: embedded corpus).")
  var corpus: String?

  @Flag(name: .long, help: "Print a JSON object instead of the bare alpha.")
  var json = false

  func validate() throws {
    guard ami.isFinite, ami > 0, ami < 1 else { throw ValidationError("--ami \(ami) outside (0, 1)") }
    if let tokens, tokens < 2 { throw ValidationError("--tokens must be at least 2") }
  }

  func run() throws {
    let data: Corpus
    if let corpus {
      data = try CoNLLReader.corpus(train: URL(fileURLWithPath: corpus), dev: nil, test: nil)
    } else {
      data = SyntheticCorpus.standard
    }
    let n = tokens ?? data.trainTokenCount
    let distribution = data.ioLabelDistribution()
    let alpha = try Calibration.alpha(forAMI: ami, labelDistribution: distribution, tokens: n)
    let expected = Calibration.expectedAMI(alpha: alpha, labelDistribution: distribution, tokens: n)
    if json {
      let object: [String: Any] = [
        "ami": ami, "alpha": alpha, "expected_ami": expected, "tokens": n,
        "labels": data.ioLabels.count, "corpus": data.name,
      ]
      let out = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
      print(String(decoding: out, as: UTF8.self))
    } else {
      print(String(format: "%.6f", alpha))
    }
  }
}
