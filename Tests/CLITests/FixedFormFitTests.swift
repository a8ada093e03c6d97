import Foundation
import TestSupport
import Testing

/// `fit-formulas --fit`: the fixed-form mode end to end, through the built executable.
@Suite struct FixedFormFitTests {
  /// Writes `text` as data.csv in a new temporary folder.
  private func csv(_ text: String) throws -> URL {
    let dir = try TemporaryDirectory("fixedform").url
    let url = dir.appendingPathComponent("data.csv")
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url
  }

  /// y = 2 + 3/sqrt(x) exactly, plus a text column the run never uses.
  private func exactData() throws -> URL {
    var lines = ["x,y,label"]
    for x in [1.0, 2, 4, 8, 16, 32, 64, 128] {
      lines.append("\(x),\(2 + 3 / x.squareRoot()),row\(Int(x))")
    }
    return try csv(lines.joined(separator: "\n") + "\n")
  }

  @Test func fitsKnownConstantsAndWritesTheResultDocument() throws {
    let data = try exactData()
    let out = data.deletingLastPathComponent().appendingPathComponent("fit.json")
    let result = try CommandRunner.run(
      "fit-formulas",
      [
        data.path, "--target", "y", "--fit", "a + b/sqrt(x)",
        "--folds", "0", "--json", out.path,
      ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("variables (columns): x"))
    #expect(result.stdout.contains("constants (fitted):  a, b"))
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out)) as! [String: Any]
    #expect(json["schema"] as? String == "mtlformulas.result/1")
    #expect(json["selected"] as? Int == 0)
    let front = json["front"] as! [[String: Any]]
    #expect(front.count == 1)
    let constants = front[0]["constants"] as! [[String: Any]]
    #expect(abs((constants[0]["value"] as! Double) - 2) < 1e-9)
    #expect(abs((constants[1]["value"] as! Double) - 3) < 1e-9)
    #expect(abs((front[0]["r2"] as! Double) - 1) < 1e-12)
    #expect(front[0]["expression"] as? String == "a + b/sqrt(x)")
  }

  @Test func nonlinearFitUsesStartValues() throws {
    var lines = ["x,y"]
    for i in 0..<30 {
      let x = Double(i) / 3
      lines.append("\(x),\(1.5 * exp(-0.7 * x) + 0.01 * sin(Double(i)))")
    }
    let data = try csv(lines.joined(separator: "\n"))
    let result = try CommandRunner.run(
      "fit-formulas",
      [
        data.path, "--target", "y", "--fit", "a*exp(-k*x)",
        "--start", "k=0.5", "--folds", "3",
      ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("nonlinear least squares"))
    #expect(result.stdout.contains("3-fold grouped CV R²"))
  }

  @Test(.enabled(if: SharedData.paperBalancedAvailable, "needs ../shared/data/paper-balanced.csv"))
  func paperBalancedReproducesPublishedOLS() throws {
    let paper = try SharedData.paperBalanced()
    let folder = try TemporaryDirectory("paper")
    defer { folder.remove() }
    let dir = folder.url
    let out = dir.appendingPathComponent("paper.json")
    let result = try CommandRunner.run(
      "fit-formulas",
      [
        paper.path, "--rename", "n_tasks:T,n_tokens_per_task:n,mutual_info:AMI", "--target", "fscore",
        "--fit", "a + b*sqrt(n) + c*sqrt(T) + d*sqrt(AMI)", "--json", out.path,
      ])
    #expect(result.status == 0, "\(result.stderr)")
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out)) as! [String: Any]
    #expect(json["rows"] as? Int == 1002)
    #expect(json["groups"] as? Int == 444)
    let entry = (json["front"] as! [[String: Any]])[0]
    #expect(abs((entry["r2"] as! Double) - 0.8562) < 5e-5)
    let values = (entry["constants"] as! [[String: Any]]).map { $0["value"] as! Double }
    let published = [-0.405706, 0.00585015, 0.119303, 0.365449]
    for (value, expected) in zip(values, published) {
      #expect(abs(value - expected) / abs(expected) < 5e-5, "\(value) vs \(expected)")
    }
    let cv = entry["cv"] as! [String: Any]
    #expect(cv["grouped"] as? Bool == true)
    #expect(cv["k"] as? Int == 5)

    let log = try CommandRunner.run("fit-formulas", [paper.path, "--fit", "a + b*log(n) + c*log(T) + d*sqrt(AMI)"])
    #expect(log.status == 0, "\(log.stderr)")
    #expect(log.stdout.contains("R² 0.9143"), "\(log.stdout)")
  }

  /// Runs with bad input and returns stderr, checking the exit code 2 and the one-line message.
  private func failure(_ arguments: [String]) throws -> String {
    let result = try CommandRunner.run("fit-formulas", arguments)
    #expect(result.status == 2, "exit \(result.status): \(result.stderr)")
    let lines = result.stderr.split(separator: "\n")
    #expect(lines.count == 1, "expected one error line, got: \(result.stderr)")
    #expect(result.stderr.hasPrefix("fit-formulas: error: "))
    return result.stderr
  }

  @Test func missingFile() throws {
    let message = try failure(["/nonexistent/results.csv", "--target", "y", "--fit", "a*x"])
    #expect(message.contains("/nonexistent/results.csv"))
  }

  @Test func missingColumns() throws {
    let data = try exactData()
    #expect(try failure([data.path, "--target", "z", "--fit", "a + b*x"]).contains("'z'"))
    #expect(try failure([data.path, "--target", "y", "--weights", "w", "--fit", "a + b*x"]).contains("'w'"))
    #expect(try failure([data.path, "--target", "y", "--rename", "q:x", "--fit", "a + b*x"]).contains("'q'"))
  }

  @Test func misspelledColumnIsRejectedWhenNoColumnIsUsed() throws {
    let data = try exactData()
    let message = try failure([data.path, "--target", "y", "--fit", "a + b*xx"])
    #expect(message.contains("uses no column"))
    // With one real column, the misspelling becomes a visible constant.
    let result = try CommandRunner.run(
      "fit-formulas", [data.path, "--target", "y", "--fit", "a + b*x + c*xx", "--folds", "0"])
    #expect(result.stdout.contains("constants (fitted):  a, b, c, xx"))
  }

  @Test func nonNumericAndNonFiniteCells() throws {
    let text = try csv("x,y\n1,2\n2,abc\n3,4\n4,5\n")
    let message = try failure([text.path, "--target", "y", "--fit", "a + b*x"])
    #expect(message.contains("row 2") && message.contains("'y'") && message.contains("abc"))
    let nan = try csv("x,y\n1,2\n2,3\nnan,4\n4,5\n")
    let nanMessage = try failure([nan.path, "--target", "y", "--fit", "a + b*x"])
    #expect(nanMessage.contains("row 3") && nanMessage.contains("'x'"))
  }

  @Test func tooFewRowsAndSingularFits() throws {
    let few = try csv("x,y\n1,2\n2,3\n")
    #expect(try failure([few.path, "--target", "y", "--fit", "a + b*x"]).contains("too few rows"))
    let constant = try csv("x,y\n1,2\n1,3\n1,4\n1,5\n")
    #expect(try failure([constant.path, "--target", "y", "--fit", "a + b*x"]).contains("singular"))
  }

  @Test func parseErrorsAndBadStarts() throws {
    let data = try exactData()
    #expect(try failure([data.path, "--target", "y", "--fit", "a + "]).contains("--fit"))
    #expect(try failure([data.path, "--target", "y", "--fit", "a + b*x", "--start", "q=1"]).contains("'q'"))
    #expect(try failure([data.path, "--target", "y", "--fit", "a + b*x", "--start", "b=oops"]).contains("--start"))
  }

  @Test func emptyTable() throws {
    let empty = try csv("x,y\n")
    _ = try failure([empty.path, "--target", "y", "--fit", "a + b*x"])
  }

  @Test func groupByFitsEachGroupAndTestsSharedConstants() throws {
    var lines = ["x,method,y"]
    for x in [1.0, 2, 4, 8, 16, 32, 64, 128] {
      lines.append("\(x),hs,\(2 + 3 / x.squareRoot())")
      lines.append("\(x),gs,\(1 + 5 / x.squareRoot())")
    }
    let data = try csv(lines.joined(separator: "\n") + "\n")
    let result = try CommandRunner.run(
      "fit-formulas", [data.path, "--target", "y", "--fit", "a + b/sqrt(x)", "--group-by", "method", "--folds", "0"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("fitted per method (2 groups, 16 rows)"))
    #expect(result.stdout.contains("shared constants: F ="))
    #expect(result.stdout.contains("the groups' constants differ"))
    let misuse = try CommandRunner.run("fit-formulas", [data.path, "--target", "y", "--group-by", "method"])
    #expect(misuse.status == 2)
    #expect(misuse.stderr.hasPrefix("fit-formulas: error: --group-by applies to --fit only"))
  }
}
