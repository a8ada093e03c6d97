import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file that could not be written: `cannot write 'out.csv': no such file`.
public struct FileWriteError: UserFacingError, Equatable, Sendable {
  public var origin: ErrorOrigin { .run }
  public let path: String
  /// Why, in a few words (`no such file`, `permission denied`, `is a directory`, …).
  public let reason: String

  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }

  public var description: String { "cannot write '\(path)': \(reason)" }
}

/// The project's one atomic writer: the bytes go to a temporary file in the destination's folder, which is flushed
/// to disk (fsync), renamed over the destination, and the folder itself is flushed, so that after a crash (even
/// kill -9 or a power cut) readers see the old file or the whole new one, never a partial file.
public enum AtomicFile {
  /// Writes `text` (UTF-8) to `path` atomically.
  public static func write(_ text: String, to path: String, createDirectories: Bool = false) throws(FileWriteError) {
    try write(bytes: Array(text.utf8), to: path, createDirectories: createDirectories)
  }

  /// Writes `data` to `url` atomically, creating missing parent folders.
  public static func write(_ data: Data, to url: URL) throws(FileWriteError) {
    try write(bytes: Array(data), to: url.path, createDirectories: true)
  }

  /// Writes UTF-8 text to `url` atomically, creating missing parent folders.
  public static func write(_ text: String, to url: URL) throws(FileWriteError) {
    try write(bytes: Array(text.utf8), to: url.path, createDirectories: true)
  }

  /// Writes raw bytes to `path` atomically.
  public static func write(bytes: [UInt8], to path: String, createDirectories: Bool = false) throws(FileWriteError) {
    guard !path.isEmpty else { throw FileWriteError(path: path, reason: "empty path") }
    let (directory, name) = split(path)
    guard !name.isEmpty else { throw FileWriteError(path: path, reason: "is a directory") }
    var info = stat()
    if stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
      throw FileWriteError(path: path, reason: "is a directory")
    }
    if createDirectories { try makeDirectories(directory, for: path) }

    var temporary = ""
    var fd: Int32 = -1
    var time = timespec()
    clock_gettime(CLOCK_REALTIME, &time)
    for attempt in 0..<100 {
      temporary = "\(directory)/.\(name).tmp-\(getpid())-\(time.tv_nsec)-\(attempt)"
      fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
      if fd >= 0 || errno != EEXIST { break }
    }
    if fd < 0 { throw FileWriteError(path: path, reason: SystemError.reason(errno)) }

    var failure = writeAll(fd, bytes)
    if failure == 0, fsync(fd) != 0 { failure = errno }
    if close(fd) != 0, failure == 0 { failure = errno }
    if failure == 0, rename(temporary, path) != 0 { failure = errno }
    if failure != 0 {
      unlink(temporary)
      throw FileWriteError(path: path, reason: SystemError.reason(failure))
    }
    syncDirectory(directory)
  }

  /// Folder and file name of `path` (`.` for a bare name).
  static func split(_ path: String) -> (directory: String, name: String) {
    guard let slash = path.lastIndex(of: "/") else { return (".", path) }
    let directory = slash == path.startIndex ? "/" : String(path[..<slash])
    return (directory, String(path[path.index(after: slash)...]))
  }

  /// `mkdir -p directory`.
  static func makeDirectories(_ directory: String, for path: String) throws(FileWriteError) {
    var info = stat()
    if stat(directory, &info) == 0 { return }
    let (parent, _) = split(directory)
    if parent != directory { try makeDirectories(parent, for: path) }
    if mkdir(directory, 0o755) != 0, errno != EEXIST {
      throw FileWriteError(path: path, reason: SystemError.reason(errno))
    }
  }

  /// Flushes a folder's entries (the rename) to disk; file systems that cannot do so are left as they are.
  static func syncDirectory(_ directory: String) {
    let fd = open(directory, O_RDONLY)
    guard fd >= 0 else { return }
    _ = fsync(fd)
    close(fd)
  }

  /// Writes every byte to `fd`; 0 or the errno of the failure.
  static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Int32 {
    bytes.withUnsafeBytes { buffer -> Int32 in
      var offset = 0
      while offset < buffer.count {
        let n = cWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
        if n < 0 {
          if errno == EINTR { continue }
          return errno
        }
        offset += n
      }
      return 0
    }
  }
}

/// Appends to row logs: one write per call, flushed to disk (fsync) before it returns, so a crash loses at most
/// the rows of the call in flight (a reader then sees a last line without its newline and can drop it).
public enum AppendingFile {
  /// Appends `text` (UTF-8) to the existing file at `path`.
  public static func append(_ text: String, to path: String) throws(FileWriteError) {
    let fd = open(path, O_WRONLY | O_APPEND)
    guard fd >= 0 else { throw FileWriteError(path: path, reason: SystemError.reason(errno)) }
    var failure = AtomicFile.writeAll(fd, Array(text.utf8))
    if failure == 0, fsync(fd) != 0 { failure = errno }
    if close(fd) != 0, failure == 0 { failure = errno }
    if failure != 0 { throw FileWriteError(path: path, reason: SystemError.reason(failure)) }
  }
}

/// The C `write` (the name is taken by ``AtomicFile/write(_:to:createDirectories:)`` inside the enums).
private func cWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
  write(fd, buffer, count)
}
