import Expressions
import Foundation
import Reports
import Support
import TestSupport
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Counts elements while checking that a document is well-formed XML.
private final class ElementCounter: NSObject, XMLParserDelegate {
  var counts: [String: Int] = [:]
  var pointClassCount = 0
  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    counts[name, default: 0] += 1
    if attributes["class"] == "point" { pointClassCount += 1 }
  }
}

private func parseXML(_ text: String) -> ElementCounter? {
  let parser = XMLParser(data: Data(text.utf8))
  let counter = ElementCounter()
  parser.delegate = counter
  return parser.parse() ? counter : nil
}

@Suite struct ReportWriterTests {
  private func makeReport(honest: Bool = false, search: FormulaSearch? = nil) throws -> Report {
    let data = try ReportsTestData.inverseSqrt()
    let candidates = [
      ReportCandidate(
        formula: try Expressions.Expression(parsing: "a + b*n"), complexity: 5, r2Validation: 0.5, r2Test: 0.45),
      ReportCandidate(
        formula: try Expressions.Expression(parsing: "a + b/sqrt(n)"), complexity: 6, r2Validation: 0.99, r2Test: 0.985),
      ReportCandidate(
        formula: try Expressions.Expression(parsing: "a + b/sqrt(n) + c/n"), complexity: 10, r2Validation: 0.99,
        r2Test: 0.98),
    ]
    var settings = ReportSettings()
    settings.hypotheses = [try Hypothesis(parsing: "inverse_root = a + b/sqrt(n)")]
    settings.extrapolation = try ExtrapolationRule(parsing: "n>3000")
    settings.honest = honest
    settings.bootstrapReplicates = 4
    settings.seed = 3
    settings.searchDescription = "a hand-made front (test)"
    let run = RunInfo(
      version: ToolInfo.version, commit: nil, command: "fit-formulas y.csv --report out", seed: 3,
      threads: 1, seconds: 0.5, evaluations: nil, inputSHA256: "ab12")
    return try Report(data: data, candidates: candidates, selected: 1, settings: settings, run: run, search: search)
  }

  @Test func writesEveryFileWithoutPlaceholders() throws {
    let search: FormulaSearch = { _, _ in SearchOutcome(selected: try Expressions.Expression(parsing: "a + b/sqrt(n)"))
    }
    let report = try makeReport(search: search)
    let folder = try TemporaryDirectory("reports")
    defer { folder.remove() }
    let directory = folder.path
    let written = try ReportWriter.write(report, to: directory)
    for name in [
      "report.md", "formulas.tex", "formulas.json", "front.csv", "plots/pareto.svg",
      "plots/predicted_vs_observed.svg", "plots/residuals_n.svg", "plots/curve_n.svg",
    ] {
      #expect(written.contains((directory as NSString).appendingPathComponent(name)), "\(name)")
    }
    let md = try String(contentsOfFile: directory + "/report.md", encoding: .utf8)
    for bad in ["nil", "nan", "NaN", "Optional(", "{{", "TODO", "\\(", "inf "] { #expect(!md.contains(bad), "\(bad)") }
    for heading in [
      "## Data", "## Pareto front", "## Selected formula", "## Theory comparison", "## Exponent analysis",
      "## Honest uncertainty", "## Extrapolation", "## Bootstrap structure stability", "## Reproduce",
    ] {
      #expect(md.contains(heading), "\(heading)")
    }
    #expect(md.contains("fit-formulas y.csv --report out"))
    #expect(md.contains("ab12"))
    #expect(md.contains("contains −0.5"))
    #expect(md.contains("`C + C/sqrt(n)`") || md.contains("(C + (C / sqrt(n)))") || md.contains("4/4"))
    // The JSON is a result document with the extra sections.
    let json = try String(contentsOfFile: directory + "/formulas.json", encoding: .utf8)
    let document = try ResultDocument(
      json: try JSONValue(parsing: json, source: "formulas.json"), source: "formulas.json")
    #expect(document.selected == 1 && document.front.count == 3)
    #expect(document.front[1].covariance != nil && document.front[1].degreesOfFreedom == 118)
    let parsed = try JSONValue(parsing: json, source: "formulas.json")
    for key in ["data_summary", "hypotheses", "exponents", "extrapolation", "bootstrap", "report_mode"] {
      #expect(parsed[key] != nil, "\(key)")
    }
    // The user's hypothesis equals the selected formula, so it is shown once, as the best row.
    #expect(parsed["hypotheses"]?["results"]?.arrayValue?.first?["name"]?.stringValue == "selected (= inverse_root)")
    let csv = try String(contentsOfFile: directory + "/front.csv", encoding: .utf8)
    #expect(csv.split(separator: "\n").count == 4)
    #expect(csv.hasPrefix("selected,complexity,expression"))
    // LaTeX: structure, and compile when pdflatex exists.
    let tex = try String(contentsOfFile: directory + "/formulas.tex", encoding: .utf8)
    #expect(tex.contains("\\begin{document}") && tex.hasSuffix("\\end{document}\n"))
    #expect(tex.components(separatedBy: "\\toprule").count == 4)
    #expect(
      tex.components(separatedBy: "\\begin{tabular}").count == tex.components(separatedBy: "\\end{tabular}").count)
    #expect(!tex.contains("_{val") || tex.contains("\\mathrm{val}"))
    try compileIfPossible(directory: directory)
  }

  private func compileIfPossible(directory: String) throws {
    let candidates = ["/usr/bin/pdflatex", "/usr/local/bin/pdflatex", "/usr/local/texlive/bin/x86_64-linux/pdflatex"]
    guard let pdflatex = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
      print("skipped: pdflatex not found; LaTeX structure checked only")
      return
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: pdflatex)
    process.arguments = ["-interaction=nonstopmode", "-halt-on-error", "formulas.tex"]
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    #expect(FileManager.default.fileExists(atPath: directory + "/formulas.pdf"))
  }

  @Test func plotsAreWellFormedAndContainThePoints() throws {
    let report = try makeReport()
    for plot in ReportPlots.all(report) {
      let counter = try #require(parseXML(plot.svg), "\(plot.name) is not well-formed XML")
      #expect(counter.counts["svg"] == 1)
      if plot.name.hasPrefix("residuals_") || plot.name.hasPrefix("curve_") || plot.name.hasPrefix("predicted") {
        #expect(counter.pointClassCount == report.data.rowCount, "\(plot.name)")
      }
      if plot.name.hasPrefix("curve_") { #expect(counter.counts["polygon"] == 1, "band of \(plot.name)") }
    }
    let pareto = ReportPlots.pareto(report)
    #expect(try #require(parseXML(pareto.render())).pointClassCount == pareto.markerCount)
    // Text with XML specials is escaped.
    let tricky = SVGPlot(
      title: "a < b & \"c\"", xLabel: "x'", yLabel: "y>",
      series: [
        SVGPlot.Series(
          name: "<s>", points: [.init(x: 1, y: 2), .init(x: .nan, y: 1), .init(x: 3, y: 4, colorValue: 1)])
      ], logX: true, colorLabel: "AMI & co")
    let counter = try #require(parseXML(tricky.render()))
    #expect(counter.pointClassCount == 2 && tricky.markerCount == 2)
  }

  @Test func honestModeReportsTheRefit() throws {
    let report = try makeReport(honest: true)
    let honest = try #require(report.honest)
    #expect(honest.selectionMethod.contains("selected structure"))
    let md = ReportWriter.markdown(report, plotNames: [])
    #expect(md.contains("Mode: **honest**"))
    #expect(md.contains("Not run (the front was given, not searched)"))
    #expect(report.document.jsonWithoutRun["report_mode"]?.stringValue == "honest")
  }

  @Test func badSelectionIsAnError() throws {
    let data = try ReportsTestData.inverseSqrt()
    let run = RunInfo(
      version: "0", commit: nil, command: "x", seed: nil, threads: nil, seconds: nil, evaluations: nil,
      inputSHA256: nil)
    #expect(throws: ReportError.self) {
      try Report(data: data, candidates: [], selected: 0, settings: ReportSettings(), run: run)
    }
    #expect(throws: ReportError.self) {
      try Report(
        data: data, candidates: [ReportCandidate(formula: try Expressions.Expression(parsing: "a + b*zz"))],
        selected: 0, settings: ReportSettings(), run: run)
    }
  }
}
