#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Short, lower-case reasons for the C library's error numbers.
public enum SystemError {
  public static func reason(_ code: Int32) -> String {
    switch code {
    case ENOENT: return "no such file"
    case EACCES, EPERM: return "permission denied"
    case EISDIR: return "is a directory"
    case ENOTDIR: return "a folder in the path is not a directory"
    case ENOSPC: return "no space left on device"
    case EROFS: return "read-only file system"
    default:
      if let text = strerror(code) { return String(cString: text).lowercased() }
      return "error \(code)"
    }
  }
}
