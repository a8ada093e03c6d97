import Foundation

/// Data that must not be copied into the repository, read in place from the shared folder: `$MTLF_SHARED` when
/// set, else `../shared` beside the package root.
///
/// Tests that need a file declare it with a trait, so a missing file shows as a skipped test:
/// `@Test(.enabled(if: SharedData.paperBalancedAvailable, "needs ../shared/data/paper-balanced.csv"))`.
public enum SharedData {
  /// The folders searched, in order: `$MTLF_SHARED` (when set), then `../shared` beside the package root.
  public static let folders: [URL] = {
    var folders: [URL] = []
    if let shared = ProcessInfo.processInfo.environment["MTLF_SHARED"], !shared.isEmpty {
      folders.append(URL(fileURLWithPath: shared))
    }
    folders.append(PackagePaths.root.deletingLastPathComponent().appendingPathComponent("shared"))
    return folders
  }()

  /// `relativePath` (for example `data/paper-balanced.csv`) in the first shared folder that has it, or nil.
  public static func file(_ relativePath: String) -> URL? {
    folders.map { $0.appendingPathComponent(relativePath) }.first {
      FileManager.default.fileExists(atPath: $0.path)
    }
  }

  /// The paper's balanced results table (`data/paper-balanced.csv`, 1002 rows), or nil when it is absent.
  public static let paperBalancedCSV: URL? = file("data/paper-balanced.csv")

  /// Whether `paperBalancedCSV` exists; the condition of the tests that need it.
  public static var paperBalancedAvailable: Bool { paperBalancedCSV != nil }

  /// `paperBalancedCSV`, or an error for a test that runs without it (its trait should have skipped it).
  public static func paperBalanced() throws -> URL {
    guard let url = paperBalancedCSV else {
      throw TestSupportError("missing ../shared/data/paper-balanced.csv (or $MTLF_SHARED/data/…)")
    }
    return url
  }
}
