/// RFC 4180 CSV splitting over UTF-8 bytes: quoted fields may hold commas, line breaks and doubled
/// quotes; records end with LF, CRLF or CR; a UTF-8 byte order mark and a final line break are
/// ignored, and so are empty lines.
struct CSVParser {
  let source: String

  /// Splits `bytes` into records of fields. Rows in errors are 1-based data rows.
  func parse(_ input: [UInt8]) throws(DataTableError) -> (header: [String], rows: [[String]]) {
    var bytes = input[...]
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    let records = try records(bytes)
    guard let header = records.first else {
      throw DataTableError(.emptyFile, "\(source) is empty (no header line)")
    }
    let width = header.count
    var rows: [[String]] = []
    rows.reserveCapacity(records.count - 1)
    for (index, row) in records.dropFirst().enumerated() where row.count != width {
      throw DataTableError(
        .raggedRow,
        "\(source) row \(index + 1) has \(row.count) field\(row.count == 1 ? "" : "s"), header has \(width)")
    }
    rows.append(contentsOf: records.dropFirst())
    return (header, rows)
  }

  /// Every non-empty record, header included, as fields.
  private func records(_ bytes: ArraySlice<UInt8>) throws(DataTableError) -> [[String]] {
    var records: [[String]] = []
    var record: [String] = []
    var field: [UInt8] = []
    var i = bytes.startIndex
    let end = bytes.endIndex
    var recordHasContent = false

    func finishRecord() {
      if recordHasContent || !record.isEmpty {
        record.append(String(decoding: field, as: UTF8.self))
        records.append(record)
      }
      record = []
      field = []
      recordHasContent = false
    }

    while i < end {
      let byte = bytes[i]
      switch byte {
      case UInt8(ascii: "\"") where field.isEmpty:
        recordHasContent = true
        i = try readQuoted(bytes, after: i, into: &field, record: records.count)
      case UInt8(ascii: ","):
        recordHasContent = true
        record.append(String(decoding: field, as: UTF8.self))
        field = []
        i += 1
      case UInt8(ascii: "\n"):
        finishRecord()
        i += 1
      case UInt8(ascii: "\r"):
        finishRecord()
        i += 1
        if i < end, bytes[i] == UInt8(ascii: "\n") { i += 1 }
      default:
        // Includes a quote inside an unquoted field, which is kept literally.
        recordHasContent = true
        field.append(byte)
        i += 1
      }
    }
    finishRecord()
    return records
  }

  /// Reads the quoted field whose opening quote is at `quote` into `field` (doubled quotes become one) and
  /// returns the index after the closing quote, which must end the field.
  private func readQuoted(
    _ bytes: ArraySlice<UInt8>, after quote: Int, into field: inout [UInt8], record: Int
  ) throws(DataTableError) -> Int {
    let end = bytes.endIndex
    var i = quote + 1
    var closed = false
    while i < end {
      let b = bytes[i]
      if b == UInt8(ascii: "\"") {
        if i + 1 < end, bytes[i + 1] == UInt8(ascii: "\"") {
          field.append(b)
          i += 2
        } else {
          i += 1
          closed = true
          break
        }
      } else {
        field.append(b)
        i += 1
      }
    }
    if !closed {
      throw DataTableError(.unclosedQuote, "\(source) \(rowName(record)): a quoted field is not closed")
    }
    if i < end {
      let next = bytes[i]
      if next != UInt8(ascii: ","), next != UInt8(ascii: "\n"), next != UInt8(ascii: "\r") {
        throw DataTableError(.unclosedQuote, "\(source) \(rowName(record)): unexpected text after a closing quote")
      }
    }
    return i
  }

  /// `header` for record 0, else `row N` (1-based data row).
  private func rowName(_ recordIndex: Int) -> String {
    recordIndex == 0 ? "header" : "row \(recordIndex)"
  }
}
