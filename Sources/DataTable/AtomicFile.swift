#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files atomically: the text goes to a temporary file in the same directory, which is
/// flushed to disk and then renamed over the destination, so readers see the old file or the
/// whole new one, never a partial file.
public enum AtomicFile {
    /// Writes `text` (UTF-8) to `path` atomically. Throws ``DataTableError`` with one line
    /// (`cannot write 'out.csv': no such file`) when the directory is missing or not writable.
    public static func write(_ text: String, to path: String) throws {
        try write(bytes: Array(text.utf8), to: path)
    }

    /// Writes raw bytes to `path` atomically.
    public static func write(bytes: [UInt8], to path: String) throws {
        guard !path.isEmpty else {
            throw DataTableError(.unwritableFile, "cannot write '': empty path")
        }
        let directory: String
        let name: String
        if let slash = path.lastIndex(of: "/") {
            directory = slash == path.startIndex ? "/" : String(path[..<slash])
            name = String(path[path.index(after: slash)...])
        } else {
            directory = "."
            name = path
        }
        guard !name.isEmpty else {
            throw DataTableError(.unwritableFile, "cannot write '\(path)': is a directory")
        }
        var info = stat()
        if stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            throw DataTableError(.unwritableFile, "cannot write '\(path)': is a directory")
        }

        var temporary = ""
        var fd: Int32 = -1
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        for attempt in 0..<100 {
            temporary = "\(directory)/.\(name).tmp-\(getpid())-\(time.tv_nsec)-\(attempt)"
            fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
            if fd >= 0 || errno != EEXIST { break }
        }
        if fd < 0 {
            throw DataTableError(.unwritableFile, "cannot write '\(path)': \(FileReading.reason(errno))")
        }

        var failure: Int32 = 0
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc_write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += n
            }
        }
        if failure == 0, fsync(fd) != 0 { failure = errno }
        if close(fd) != 0, failure == 0 { failure = errno }
        if failure == 0, rename(temporary, path) != 0 { failure = errno }
        if failure != 0 {
            unlink(temporary)
            throw DataTableError(.unwritableFile, "cannot write '\(path)': \(FileReading.reason(failure))")
        }
    }
}

/// The C `write` function (the name `write` is taken by ``AtomicFile/write(_:to:)`` inside the enum).
private func Glibc_write(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}
