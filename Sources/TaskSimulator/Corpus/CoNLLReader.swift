import Foundation

/// Reads CoNLL-style column files: CoNLL-2003's 4 columns (`token POS chunk NER`) or any "token … tag" layout.
///
/// Columns are separated by spaces or tabs; blank lines end sentences; `-DOCSTART-` lines end the current
/// sentence and are skipped. Every non-blank line must have the same number of columns (at least 2).
/// Tags are normalised to BIO (IOB2): CoNLL-2003's IOB1 `I-` tags that start an entity become `B-`,
/// and prefix-less IO tags become B-/I- runs.
public enum CoNLLReader {
  /// Reads a file. `tagColumn` is 0-based; nil means the last column.
  public static func read(contentsOf url: URL, tagColumn: Int? = nil) throws(TaskSimulatorError) -> [LabeledSentence] {
    let text: String
    do {
      text = try String(contentsOf: url, encoding: .utf8)
    } catch {
      throw TaskSimulatorError("\(url.path): cannot read file (\(error.localizedDescription))")
    }
    return try parse(text, source: url.path, tagColumn: tagColumn)
  }

  /// Parses file contents; `source` names the file in error messages.
  public static func parse(_ text: String, source: String = "<text>", tagColumn: Int? = nil) throws(TaskSimulatorError)
    -> [LabeledSentence]
  {
    var sentences: [LabeledSentence] = []
    var tokens: [String] = []
    var tags: [String] = []
    var columns: Int? = nil
    func flush() {
      if !tokens.isEmpty {
        sentences.append(LabeledSentence(tokens: tokens, tags: LabelScheme.normalizedBIO(tags)))
        tokens.removeAll(keepingCapacity: true)
        tags.removeAll(keepingCapacity: true)
      }
    }
    var lineNumber = 0
    for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
      lineNumber += 1
      let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
      let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
      if fields.isEmpty {
        flush()
        continue
      }
      if fields[0] == "-DOCSTART-" {
        flush()
        continue
      }
      guard fields.count >= 2 else {
        throw TaskSimulatorError("\(source):\(lineNumber): expected at least 2 columns (token … tag), found 1")
      }
      if let expected = columns, expected != fields.count {
        throw TaskSimulatorError("\(source):\(lineNumber): expected \(expected) columns, found \(fields.count)")
      }
      columns = fields.count
      let column = tagColumn ?? fields.count - 1
      guard column >= 0 && column < fields.count else {
        throw TaskSimulatorError(
          "\(source):\(lineNumber): tag column \(column + 1) does not exist (\(fields.count) columns)")
      }
      tokens.append(String(fields[0]))
      tags.append(String(fields[column]))
    }
    flush()
    return sentences
  }

  /// Loads a corpus from CoNLL files; dev and test may be omitted (then empty).
  public static func corpus(train: URL, dev: URL?, test: URL?, tagColumn: Int? = nil) throws(TaskSimulatorError)
    -> Corpus
  {
    let trainSentences = try read(contentsOf: train, tagColumn: tagColumn)
    let devSentences =
      try dev.map { (u: URL) throws(TaskSimulatorError) in try read(contentsOf: u, tagColumn: tagColumn) } ?? []
    let testSentences =
      try test.map { (u: URL) throws(TaskSimulatorError) in try read(contentsOf: u, tagColumn: tagColumn) } ?? []
    return Corpus(name: train.lastPathComponent, train: trainSentences, dev: devSentences, test: testSentences)
  }
}

extension LabelScheme {
  /// Normalises tags of any scheme (IOB1, IOB2/BIO, IOBES, IO) to BIO: an entity starts with `B-` and
  /// continues with `I-` of the same type.
  public static func normalizedBIO(_ tags: [String]) -> [String] {
    var out: [String] = []
    out.reserveCapacity(tags.count)
    var previousType: String? = nil
    var previousClosed = true
    for tag in tags {
      let (prefix, type) = split(tag)
      if prefix == "O" {
        out.append(outside)
        previousType = nil
        previousClosed = true
        continue
      }
      let continues = (prefix == "I" || prefix == "E" || prefix == "") && previousType == type && !previousClosed
      out.append((continues ? "I-" : "B-") + type)
      previousType = type
      previousClosed = prefix == "E" || prefix == "S"
    }
    return out
  }
}
