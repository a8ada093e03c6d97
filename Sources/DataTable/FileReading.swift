import Support

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Whole-file reading with one-line errors (`cannot read 'x.csv': no such file`).
enum FileReading {
  static func readBytes(_ path: String) throws(DataTableError) -> [UInt8] {
    let fd = open(path, O_RDONLY)
    if fd < 0 {
      throw DataTableError(.unreadableFile, "cannot read '\(path)': \(SystemError.reason(errno))")
    }
    defer { close(fd) }
    var info = stat()
    if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
      throw DataTableError(.unreadableFile, "cannot read '\(path)': is a directory")
    }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        throw DataTableError(.unreadableFile, "cannot read '\(path)': \(SystemError.reason(errno))")
      }
      if n == 0 { break }
      bytes.append(contentsOf: chunk[0..<n])
    }
    return bytes
  }
}
