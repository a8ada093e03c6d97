import DataTable
import Foundation
import TestSupport
import Testing

/// Runs `body`, expects a DataTableError of `kind`, and returns its message.
func expectError(
  _ kind: DataTableError.Kind, sourceLocation: SourceLocation = #_sourceLocation,
  _ body: () throws -> Void
) -> String {
  do {
    try body()
    Issue.record("expected a \(kind) error", sourceLocation: sourceLocation)
  } catch let error as DataTableError {
    #expect(error.kind == kind, "\(error)", sourceLocation: sourceLocation)
    #expect(!error.description.contains("\n"), sourceLocation: sourceLocation)
    return error.description
  } catch {
    Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
  }
  return ""
}

@Suite("DataTable reading")
struct DataTableReadingTests {
  @Test func readsSimpleTable() throws {
    let table = try DataTable(csvText: "a,b,name\n1,2.5,x\n-3,1e-3,y\n", source: "t.csv")
    #expect(table.columnNames == ["a", "b", "name"])
    #expect(table.rowCount == 2)
    #expect(table.source == "t.csv")
    #expect(try table.numericColumn("a") == [1, -3])
    #expect(try table.numericColumn("b") == [2.5, 0.001])
    #expect(try table.textColumn("name") == ["x", "y"])
    #expect(table.hasColumn("b"))
    #expect(!table.hasColumn("c"))
  }

  @Test func onlyUsedColumnsMustBeNumeric() throws {
    let table = try DataTable(csvText: "model,y\nbert,0.5\nlstm,0.25", source: "t.csv")
    #expect(try table.numericColumn("y") == [0.5, 0.25])
    let message = expectError(.nonNumericCell) { _ = try table.numericColumn("model") }
    #expect(message == "t.csv row 1, column 'model': 'bert' is not a number")
  }

  @Test func quotingCRLFBOMAndTrailingNewline() throws {
    let text = "\u{FEFF}id,\"note, with comma\",v\r\n1,\"say \"\"hi\"\"\",3\r\n2,\"two\r\nlines\",4\r\n"
    let table = try DataTable(csvText: text, source: "q.csv")
    #expect(table.columnNames == ["id", "note, with comma", "v"])
    #expect(try table.textColumn("note, with comma") == ["say \"hi\"", "two\r\nlines"])
    #expect(try table.numericColumn("v") == [3, 4])
    #expect(table.rowCount == 2)
  }

  @Test func noTrailingNewlineEmptyLinesAndSpaces() throws {
    let table = try DataTable(csvText: " a , b\n\n 1 ,2\n\n3, 4 ", source: "s.csv")
    #expect(table.columnNames == ["a", "b"])
    #expect(try table.numericColumn("a") == [1, 3])
    #expect(try table.numericColumn("b") == [2, 4])
    #expect(try table.textColumn("b") == ["2", " 4 "])
  }

  @Test func emptyFieldsAndEmptyQuotedField() throws {
    let table = try DataTable(csvText: "a,b,c\n,\"\",x\n", source: "e.csv")
    #expect(try table.textColumn("a") == [""])
    #expect(try table.textColumn("b") == [""])
    let message = expectError(.nonNumericCell) { _ = try table.numericColumn("a") }
    #expect(message == "e.csv row 1, column 'a': '' is not a number")
  }

  @Test func missingFile() {
    let message = expectError(.unreadableFile) { _ = try DataTable(contentsOfFile: "/nonexistent-dir/x.csv") }
    #expect(message == "cannot read '/nonexistent-dir/x.csv': no such file")
  }

  @Test func directoryIsNotAFile() throws {
    let dir = try TemporaryDirectory("dir")
    defer { dir.remove() }
    let message = expectError(.unreadableFile) { _ = try DataTable(contentsOfFile: dir.path) }
    #expect(message.hasSuffix(": is a directory"))
  }

  @Test func readsFromFile() throws {
    let dir = try TemporaryDirectory("read")
    defer { dir.remove() }
    let path = try dir.write("x,y\n1,2\n3,4\n", to: "data.csv")
    let table = try DataTable(contentsOfFile: path)
    #expect(table.source == path)
    #expect(try table.numericColumn("y") == [2, 4])
  }

  @Test func emptyFileAndNoHeader() {
    let empty = expectError(.emptyFile) { _ = try DataTable(csvText: "", source: "x.csv") }
    #expect(empty == "x.csv is empty (no header line)")
    _ = expectError(.emptyFile) { _ = try DataTable(csvText: "\n\r\n\n", source: "x.csv") }
    _ = expectError(.emptyFile) { _ = try DataTable(csvText: "\u{FEFF}", source: "x.csv") }
  }

  @Test func headerOnlyIsAnEmptyTable() {
    let message = expectError(.emptyTable) { _ = try DataTable(csvText: "a,b\n", source: "x.csv") }
    #expect(message == "x.csv has a header but no data rows")
  }

  @Test func duplicateColumnName() {
    let message = expectError(.duplicateColumn) { _ = try DataTable(csvText: "a,b,a\n1,2,3\n", source: "x.csv") }
    #expect(message == "x.csv: duplicate column name 'a' (columns 1 and 3)")
  }

  @Test func raggedRow() {
    let message = expectError(.raggedRow) {
      _ = try DataTable(csvText: "a,b,c\n1,2,3\n4,5\n", source: "x.csv")
    }
    #expect(message == "x.csv row 2 has 2 fields, header has 3")
    let long = expectError(.raggedRow) { _ = try DataTable(csvText: "a\n1,2\n", source: "x.csv") }
    #expect(long == "x.csv row 1 has 2 fields, header has 1")
  }

  @Test func unclosedQuote() {
    let message = expectError(.unclosedQuote) { _ = try DataTable(csvText: "a,b\n1,\"open\n", source: "x.csv") }
    #expect(message == "x.csv row 1: a quoted field is not closed")
    let after = expectError(.unclosedQuote) { _ = try DataTable(csvText: "a,b\n\"x\"y,1\n", source: "x.csv") }
    #expect(after == "x.csv row 1: unexpected text after a closing quote")
  }

  @Test func invalidUTF8() throws {
    let dir = try TemporaryDirectory("utf8")
    defer { dir.remove() }
    let path = dir.file("bad.csv")
    try Data([0x61, 0x0A, 0xFF, 0xFE, 0x0A]).write(to: URL(fileURLWithPath: path))
    let message = expectError(.invalidText) { _ = try DataTable(contentsOfFile: path) }
    #expect(message == "cannot read '\(path)': not UTF-8 text")
  }

  @Test func missingColumn() throws {
    let table = try DataTable(csvText: "a,b,c\n1,2,3\n", source: "x.csv")
    let numeric = expectError(.missingColumn) { _ = try table.numericColumn("foo") }
    #expect(numeric == "column 'foo' not found in x.csv (columns: a, b, c)")
    _ = expectError(.missingColumn) { _ = try table.textColumn("foo") }
  }

  @Test func nonNumericCellNamesRowAndColumn() throws {
    var text = "id,fscore\n"
    for i in 1...11 { text += "\(i),0.\(i)\n" }
    text += "12,abc\n"
    let table = try DataTable(csvText: text, source: "x.csv")
    let message = expectError(.nonNumericCell) { _ = try table.numericColumn("fscore") }
    #expect(message == "x.csv row 12, column 'fscore': 'abc' is not a number")
    #expect(try table.numericColumn("id").count == 12)
  }

  @Test(arguments: ["nan", "NaN", "inf", "-inf", "Infinity", "1e999"])
  func nonFiniteCell(_ cell: String) throws {
    let table = try DataTable(csvText: "y\n1\n\(cell)\n", source: "x.csv")
    let message = expectError(.nonFiniteCell) { _ = try table.numericColumn("y") }
    #expect(message == "x.csv row 2, column 'y': '\(cell)' is not finite")
  }

  @Test(arguments: ["0x10", "1,5", "1 2", "--1", "e5", ".", "NA", "1_000"])
  func notANumber(_ cell: String) throws {
    let table = try DataTable(csvText: "y\n\"\(cell)\"\n", source: "x.csv")
    _ = expectError(.nonNumericCell) { _ = try table.numericColumn("y") }
  }

  @Test(arguments: [
    ("1", 1.0), ("-0.5", -0.5), ("+2", 2.0), (".5", 0.5), ("5.", 5.0), ("1E3", 1000.0),
    (" 7 ", 7.0), ("2.5e-3", 0.0025),
  ])
  func numberForms(_ cell: String, _ value: Double) throws {
    let table = try DataTable(csvText: "y\n\"\(cell)\"\n", source: "x.csv")
    #expect(try table.numericColumn("y") == [value])
  }
}

@Suite("DataTable transforms")
struct DataTableTransformTests {
  @Test func renamingColumns() throws {
    let table = try DataTable(csvText: "n_tasks,n_tokens_per_task,mutual_info,fscore\n2,100,0.5,0.7\n", source: "p.csv")
    let renamed = try table.renamingColumns(try parseRenameList("n_tasks:T,n_tokens_per_task:n,mutual_info:AMI"))
    #expect(renamed.columnNames == ["T", "n", "AMI", "fscore"])
    #expect(try renamed.numericColumn("AMI") == [0.5])
    let swapped = try table.renamingColumns(["n_tasks": "fscore", "fscore": "n_tasks"])
    #expect(swapped.columnNames == ["fscore", "n_tokens_per_task", "mutual_info", "n_tasks"])
  }

  @Test func renamingErrors() throws {
    let table = try DataTable(csvText: "a,b\n1,2\n", source: "x.csv")
    let missing = expectError(.missingColumn) { _ = try table.renamingColumns(["zz": "c"]) }
    #expect(missing == "cannot rename column 'zz': not found in x.csv (columns: a, b)")
    let clash = expectError(.duplicateColumn) { _ = try table.renamingColumns(["a": "b"]) }
    #expect(clash == "x.csv: duplicate column name 'b' (columns 1 and 2)")
  }

  @Test func selectingRows() throws {
    let table = try DataTable(csvText: "x,y\n0,a\n1,b\n2,c\n3,d\n", source: "x.csv")
    let picked = table.selectingRows([3, 1, 1, 99, -1])
    #expect(picked.rowCount == 3)
    #expect(try picked.numericColumn("x") == [3, 1, 1])
    #expect(try picked.textColumn("y") == ["d", "b", "b"])
    let none = table.selectingRows([])
    #expect(none.rowCount == 0)
    #expect(none.columnNames == ["x", "y"])
    #expect(try none.numericColumn("x") == [])
  }

  @Test func parseRenameListForms() throws {
    #expect(try parseRenameList("a:b") == ["a": "b"])
    #expect(try parseRenameList(" a : b , c:d ") == ["a": "b", "c": "d"])
    #expect(try parseRenameList("") == [:])
  }

  @Test(arguments: [
    ("a", "invalid rename list 'a': 'a' is not of the form old:new"),
    ("a:b:c", "invalid rename list 'a:b:c': 'a:b:c' is not of the form old:new"),
    ("a:b,", "invalid rename list 'a:b,': '' is not of the form old:new"),
    (":b", "invalid rename list ':b': ':b' has an empty name (expected old:new)"),
    ("a:", "invalid rename list 'a:': 'a:' has an empty name (expected old:new)"),
    ("a:b,a:c", "invalid rename list 'a:b,a:c': 'a' is renamed twice"),
    ("a:c,b:c", "invalid rename list 'a:c,b:c': 'a' and 'b' are both renamed to 'c'"),
  ])
  func parseRenameListErrors(_ text: String, _ expected: String) {
    let message = expectError(.invalidRenameList) { _ = try parseRenameList(text) }
    #expect(message == expected)
  }
}

@Suite("CSV writing")
struct CSVWritingTests {
  @Test func quotingRoundTrip() throws {
    let awkward = ["plain", "with,comma", "with \"quotes\"", "two\nlines", " padded ", "", "crlf\r\nend", "ünïcödé"]
    var writer = CSVWriter(header: ["id", "text"])
    for (i, field) in awkward.enumerated() { try writer.appendRow(["\(i)", field]) }
    let table = try DataTable(csvText: writer.text, source: "w.csv")
    #expect(try table.textColumn("text") == awkward)
    #expect(try table.numericColumn("id") == awkward.indices.map(Double.init))
    // Writing the table back gives the same text.
    #expect(table.csvText() == writer.text)
  }

  @Test func awkwardHeaderRoundTrip() throws {
    var writer = CSVWriter(header: ["a,b", "c\"d"])
    try writer.appendRow(numbers: [1, 2])
    #expect(writer.text == "\"a,b\",\"c\"\"d\"\n1,2\n")
    let table = try DataTable(csvText: writer.text, source: "h.csv")
    #expect(table.columnNames == ["a,b", "c\"d"])
  }

  @Test func numbersUseShortestForm() throws {
    var writer = CSVWriter(header: ["v"])
    let values: [Double] = [0.1, 2, -3.5, 1e-5, 1e20, 1.0 / 3.0, 123_456_789, -0.0]
    for v in values { try writer.appendRow(numbers: [v]) }
    #expect(writer.text == "v\n0.1\n2\n-3.5\n1e-05\n1e+20\n0.3333333333333333\n123456789\n-0\n")
    let back = try DataTable(csvText: writer.text, source: "n.csv").numericColumn("v")
    #expect(back == values)
    #expect(CSVWriter.format(.nan) == "nan")
    #expect(CSVWriter.format(-.infinity) == "-inf")
    #expect(writer.rowCount == values.count)
  }

  @Test func wrongFieldCount() {
    var writer = CSVWriter(header: ["a", "b"])
    let message = expectError(.wrongFieldCount) { try writer.appendRow(["1"]) }
    #expect(message == "CSV row 1 has 1 fields, header has 2")
  }
}
