import Foundation
import TestSupport
import Testing

/// `fit-formulas DATA.csv --report DIR`: the report mode end to end, through the built executable.
@Suite struct ReportCLITests {
  /// y = 1 + 2/sqrt(n) + small deterministic noise, an irrelevant feature z, and a per-point sd column.
  private func data(sd: Bool = false) throws -> URL {
    let dir = try TemporaryDirectory("report").url
    var lines = [sd ? "n,z,y,std_fscore" : "n,z,y"]
    for i in 0..<30 {
      let n = (100 * pow(100, Double(i) / 29)).rounded()
      for r in 0..<2 {
        let noise = 0.002 * sin(Double(7 * i + 3 * r))
        let z = Double((i * 7 + r) % 5)
        lines.append(
          "\(n),\(z),\(1 + 2 / n.squareRoot() + noise)" + (sd ? ",\(i % 4 == 0 ? 0 : 0.001 * Double(1 + i % 3))" : ""))
      }
    }
    let url = dir.appendingPathComponent("data.csv")
    try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
    return url
  }

  private func checkNoPlaceholders(_ md: String) {
    for bad in ["nil", "nan", "Optional(", "{{", "TODO"] { #expect(!md.contains(bad), "\(bad)") }
  }

  @Test func searchReportWritesEveryFile() throws {
    let input = try data()
    let dir = input.deletingLastPathComponent().appendingPathComponent("out")
    let result = try CommandRunner.run(
      "fit-formulas",
      [
        input.path, "--target", "y", "--features", "n,z", "--seed", "3", "--max-evals", "3000", "--islands", "2",
        "--population", "20", "--threads", "1", "--report", dir.path, "--bootstrap", "2", "--honest",
        "--extrapolate", "n>3000", "--hypothesis", "inverse_root=a + b/sqrt(n)",
      ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("wrote"))
    for name in [
      "report.md", "formulas.json", "formulas.tex", "front.csv", "plots/pareto.svg",
      "plots/predicted_vs_observed.svg", "plots/residuals_n.svg", "plots/residuals_z.svg",
    ] {
      #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(name).path), "\(name)")
    }
    let md = try String(contentsOf: dir.appendingPathComponent("report.md"), encoding: .utf8)
    checkNoPlaceholders(md)
    #expect(md.contains("Mode: **honest**"))
    #expect(md.contains("inverse_root"))
    #expect(md.contains("Rows with n>3000"))
    #expect(md.contains("grouped bootstrap resamples"))
    #expect(md.contains("--seed 3"))
    let json =
      try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("formulas.json")))
      as! [String: Any]
    #expect(json["schema"] as? String == "mtlformulas.result/1")
    #expect((json["bootstrap"] as? [String: Any])?["replicates"] as? Int == 2)
    #expect(json["report_mode"] as? String == "honest")
  }

  @Test func fixedFormReportWithWeightsFromSD() throws {
    let input = try data(sd: true)
    let dir = input.deletingLastPathComponent().appendingPathComponent("fixed")
    let result = try CommandRunner.run(
      "fit-formulas",
      [
        input.path, "--target", "y", "--features", "n", "--fit", "a + b/sqrt(n)", "--report", dir.path,
      ])
    #expect(result.status == 0, "\(result.stderr)")
    let md = try String(contentsOf: dir.appendingPathComponent("report.md"), encoding: .utf8)
    checkNoPlaceholders(md)
    #expect(md.contains("from column `std_fscore` with floor 0.001"))
    #expect(md.contains("contains −0.5"))
    #expect(md.contains("Not run (the front was given, not searched)"))
  }

  /// Constants of the result document's first front member, by name.
  private func constants(_ url: URL) throws -> [String: Double] {
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    let front = json["front"] as! [[String: Any]]
    let list = front[json["selected"] as! Int]["constants"] as! [[String: Any]]
    return Dictionary(uniqueKeysWithValues: list.map { ($0["name"] as! String, $0["value"] as! Double) })
  }

  @Test func fitGivesTheSameConstantsWithAndWithoutReport() throws {
    // std_fscore weights apply in both modes (and in plain search).
    let input = try data(sd: true)
    let dir = input.deletingLastPathComponent()
    let plain = dir.appendingPathComponent("plain.json")
    let fit = try CommandRunner.run(
      "fit-formulas", [input.path, "--target", "y", "--fit", "a + b/sqrt(n)", "--json", plain.path])
    #expect(fit.status == 0, "\(fit.stderr)")
    #expect(fit.stdout.contains("from column `std_fscore`"))
    let reported = dir.appendingPathComponent("reported.json")
    let report = try CommandRunner.run(
      "fit-formulas",
      [
        input.path, "--target", "y", "--fit", "a + b/sqrt(n)", "--json", reported.path,
        "--report", dir.appendingPathComponent("r").path,
      ])
    #expect(report.status == 0, "\(report.stderr)")
    let a = try constants(plain)
    let b = try constants(reported)
    #expect(a.keys.sorted() == ["a", "b"])
    for (name, value) in a { #expect(abs(value - b[name]!) <= 1e-9 * max(1, abs(value)), "\(name)") }
  }

  @Test func searchExplainsItsSelectionAndRecordsIt() throws {
    let input = try data()
    let out = input.deletingLastPathComponent().appendingPathComponent("search.json")
    let result = try CommandRunner.run(
      "fit-formulas",
      [
        input.path, "--target", "y", "--features", "n,z", "--seed", "2", "--max-evals", "20000", "--threads", "1",
        "--folds", "4", "--json", out.path,
      ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("CV R²"))
    #expect(result.stdout.contains("selected (*) by cv-1se:"))
    // Non-terminal stderr gets progress lines with an ETA.
    #expect(result.stderr.contains("ETA"))
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out)) as! [String: Any]
    let selection = try #require(json["selection"] as? [String: Any])
    #expect(selection["rule"] as? String == "cv-1se")
    #expect(selection["folds"] as? Int == 4)
    #expect((selection["members"] as? [Any])?.count == (json["front"] as? [Any])?.count)
    let front = json["front"] as! [[String: Any]]
    #expect((front[json["selected"] as! Int]["cv"] as? [String: Any])?["k"] as? Int == 4)
    let bic = try CommandRunner.run(
      "fit-formulas",
      [
        input.path, "--target", "y", "--features", "n,z", "--seed", "2", "--max-evals", "20000", "--select", "bic",
      ])
    #expect(bic.stdout.contains("selected (*) by bic: lowest BIC"))
    let bad = try CommandRunner.run("fit-formulas", [input.path, "--target", "y", "--select", "best"])
    #expect(bad.status == 2)
    #expect(bad.stderr.contains("--select: unknown rule 'best'"))
  }

  @Test func reportErrorsAreOneLine() throws {
    let input = try data()
    let out = input.deletingLastPathComponent().appendingPathComponent("never-written").path
    let cases: [([String], String)] = [
      (["--honest"], "--honest applies to --report only"),
      (["--fit", "a + b*n", "--report", out, "--extrapolate", "n=3"], "--extrapolate: 'n=3'"),
      (["--fit", "a + b*n", "--report", out, "--hypothesis", "oops"], "expected name=formula"),
      (["--fit", "a + b*n", "--report", out, "--extrapolate", "q>3"], "column 'q' not found"),
      (["--fit", "a + b*n", "--report", out, "--weights-from-sd", "nope"], "--weights-from-sd: column 'nope'"),
      (["--complexity-weights", "sin=2"], "--complexity-weights: unknown name 'sin'"),
      (["--complexity-weights", "log=0.5"], "--complexity-weights: 'log=0.5' is not name=weight"),
    ]
    for (arguments, message) in cases {
      let result = try CommandRunner.run("fit-formulas", [input.path, "--target", "y", "--features", "n"] + arguments)
      #expect(result.status == 2, "\(arguments)")
      #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
      #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    }
    #expect(!FileManager.default.fileExists(atPath: out))
  }
}
