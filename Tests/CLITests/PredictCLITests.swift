import Foundation
import TestSupport
import Testing

/// `fit-formulas predict --model formulas.json DATA.csv`: saved formulas evaluated with a confidence band.
@Suite struct PredictCLITests {
  private func fittedModel() throws -> (dir: URL, model: URL) {
    let dir = try TemporaryDirectory("predict").url
    var lines = ["x,y"]
    for i in 0..<20 {
      let x = Double(i + 1)
      lines.append("\(x),\(2 + 3 / x.squareRoot() + 0.01 * sin(Double(i)))")
    }
    let data = dir.appendingPathComponent("train.csv")
    try (lines.joined(separator: "\n") + "\n").write(to: data, atomically: true, encoding: .utf8)
    let model = dir.appendingPathComponent("model.json")
    let fit = try CommandRunner.run(
      "fit-formulas",
      [
        data.path, "--target", "y", "--fit", "a + b/sqrt(x)", "--folds", "0",
        "--json", model.path,
      ])
    #expect(fit.status == 0, "\(fit.stderr)")
    return (dir, model)
  }

  @Test func predictsWithABand() throws {
    let (dir, model) = try fittedModel()
    let rows = dir.appendingPathComponent("new.csv")
    try "label,x\nfirst,4\nsecond,100\n".write(to: rows, atomically: true, encoding: .utf8)
    let out = dir.appendingPathComponent("pred.csv")
    let result = try CommandRunner.run(
      "fit-formulas", ["predict", "--model", model.path, rows.path, "--out", out.path])
    #expect(result.status == 0, "\(result.stderr)")
    let text = try String(contentsOf: out, encoding: .utf8)
    let lines = text.split(separator: "\n").map {
      $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
    #expect(lines[0] == ["label", "x", "prediction", "se", "lower95", "upper95"])
    #expect(lines.count == 3)
    let p = Double(lines[1][2])!
    let se = Double(lines[1][3])!
    let lo = Double(lines[1][4])!
    let hi = Double(lines[1][5])!
    #expect(abs(p - 3.5) < 0.02)
    #expect(se > 0 && lo < p && p < hi)
    #expect(abs((hi - lo) / 2 / se - 2.1) < 0.1)  // t(0.975, 18) = 2.10
    // Without --out the CSV goes to standard output.
    let stdout = try CommandRunner.run("fit-formulas", ["predict", "--model", model.path, rows.path])
    #expect(stdout.status == 0 && stdout.stdout == text)
  }

  @Test func errorsAreOneLine() throws {
    let (dir, model) = try fittedModel()
    let rows = dir.appendingPathComponent("bad.csv")
    try "z\n1\n".write(to: rows, atomically: true, encoding: .utf8)
    let cases: [([String], String)] = [
      (["--model", model.path, rows.path], "column 'x' (a variable of a + b/sqrt(x)) not found"),
      (["--model", dir.appendingPathComponent("none.json").path, rows.path], "--model: cannot read"),
      (["--model", rows.path, rows.path], "--model:"),
      (["--model", model.path, rows.path, "--index", "3"], "--index: 3 is not a formula"),
    ]
    for (arguments, message) in cases {
      let result = try CommandRunner.run("fit-formulas", ["predict"] + arguments)
      #expect(result.status == 2, "\(arguments)")
      #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
      #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    }
  }
}
