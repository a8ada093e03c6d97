import Support

/// A problem with a CSV table, a rename list or an output file. ``description`` is one line that
/// names the file, row and column involved. Rows are 1-based data rows (the header is not counted).
public struct DataTableError: UserFacingError, Equatable, Sendable {
  /// What went wrong, for callers that branch on it.
  public enum Kind: String, Sendable, Equatable {
    case unreadableFile, invalidText, emptyFile, duplicateColumn, raggedRow, unclosedQuote
    case missingColumn, nonNumericCell, nonFiniteCell, emptyTable, invalidRenameList
    case unwritableFile, wrongFieldCount
  }

  public let kind: Kind
  /// The one-line message, e.g. `x.csv row 12, column 'fscore': 'abc' is not a number`.
  public let message: String

  public init(_ kind: Kind, _ message: String) {
    self.kind = kind
    self.message = message
  }

  public var description: String { message }

  public var origin: ErrorOrigin { kind == .unwritableFile ? .run : .input }
}
