import Expressions
import Foundation

/// A named formula to compare against the data (a theory's form, a user's guess or a discovered formula).
public struct Hypothesis: Sendable, Equatable {
  /// Short name used in tables.
  public var name: String
  /// The formula; identifiers that are columns are variables, the others fitted constants.
  public var formula: Expressions.Expression
  /// Start values of the nonlinear solver (ignored for formulas linear in their constants).
  public var starts: [String: Double]
  /// Where it came from: "built-in", "user" or "discovered".
  public var source: String
  /// Columns the formula needs; the hypothesis is skipped when one is missing (empty: no check).
  public var requiredColumns: [String]

  public init(
    name: String, formula: Expressions.Expression, starts: [String: Double] = [:], source: String = "user",
    requiredColumns: [String] = []
  ) {
    self.name = name
    self.formula = formula
    self.starts = starts
    self.source = source
    self.requiredColumns = requiredColumns
  }

  /// Parses `name=formula` (as given to `--hypothesis`).
  public init(parsing text: String, source: String = "user") throws {
    guard let equals = text.firstIndex(of: "=") else {
      throw ReportError("hypothesis '\(text)': expected name=formula")
    }
    let name = text[..<equals].trimmingCharacters(in: .whitespaces)
    let body = text[text.index(after: equals)...].trimmingCharacters(in: .whitespaces)
    guard !name.isEmpty, !body.isEmpty else { throw ReportError("hypothesis '\(text)': expected name=formula") }
    do {
      self.init(name: name, formula: try Expression(parsing: body), source: source)
    } catch let error as ExpressionParseError {
      throw ReportError("hypothesis '\(name)': \(error.description)")
    }
  }
}

/// The built-in theory forms and the readers of user hypotheses.
public enum HypothesisLibrary {
  /// Built-in forms over the core paper's features T (tasks), n (tokens per task) and AMI (relatedness).
  public static let builtIns: [Hypothesis] = [
    make("paper_sqrt", "a + b*sqrt(n) + c*sqrt(T) + d*sqrt(AMI)", ["n", "T", "AMI"]),
    make("sqrt_n_T", "a + b*sqrt(n) + c*sqrt(T)", ["n", "T"]),
    make("maurer", "a + b/sqrt(n) + c/sqrt(n*T)", ["n", "T"]),
    make("maurer_ami", "a + b/sqrt(n) + c/sqrt(n*T) + d*sqrt(AMI)", ["n", "T", "AMI"]),
    make("log_forms", "a + b*log(n) + c*log(T) + d*sqrt(AMI)", ["n", "T", "AMI"]),
    make("log_n", "a + b*log(n)", ["n"]),
    make("sqrt_n", "a + b*sqrt(n)", ["n"]),
    make("aux_relatedness", "a + b*sqrt(n) + c*sqrt((T - 1)*AMI)", ["n", "T", "AMI"]),
    make("aux_log", "a + b*log(n) + c*(T - 1)*AMI", ["n", "T", "AMI"]),
    make("log_pooled", "a + b*log(n*(T*AMI + c))", ["n", "T", "AMI"], starts: ["a": -1, "b": 0.2, "c": 1]),
  ]

  /// Built-ins whose columns are all present.
  public static func builtIns(availableColumns: Set<String>) -> [Hypothesis] {
    builtIns.filter { $0.requiredColumns.allSatisfy(availableColumns.contains) }
  }

  /// The user's hypotheses: `name=formula` texts, then the lines of a file (setting `hypotheses`).
  public static func user(texts: [String], file: String?) throws -> [Hypothesis] {
    do {
      var list = try texts.map { try Hypothesis(parsing: $0) }
      if let file {
        guard let data = FileManager.default.contents(atPath: file) else {
          throw ReportError("cannot read '\(file)'")
        }
        list += try parseFile(text: String(decoding: data, as: UTF8.self), source: file)
      }
      return list
    } catch let error as ReportError {
      throw ReportError(setting: "hypotheses", error.description)
    }
  }

  /// Reads a hypotheses file: one `name=formula` per line; blank lines and lines starting with `#` are skipped.
  public static func parseFile(text: String, source: String) throws -> [Hypothesis] {
    var result: [Hypothesis] = []
    for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = raw.trimmingCharacters(in: .whitespaces)
      if line.isEmpty || line.hasPrefix("#") { continue }
      do {
        result.append(try Hypothesis(parsing: line))
      } catch let error as ReportError {
        throw ReportError("\(source) line \(index + 1): \(error.description)")
      }
    }
    return result
  }

  private static func make(
    _ name: String, _ formula: String, _ columns: [String],
    starts: [String: Double] = [:]
  ) -> Hypothesis {
    // The built-in texts are fixed and parse; a failure would be a programming error caught by the tests.
    let expression = (try? Expression(parsing: formula)) ?? .number(0)
    return Hypothesis(name: name, formula: expression, starts: starts, source: "built-in", requiredColumns: columns)
  }
}
