import Foundation

/// Committed fixtures kept once for every suite, as resources of this target.
public enum Fixtures {
  /// The NIST StRD folder (`Fixtures/nist-strd`: the nonlinear `.dat` files and the linear CSVs; see its README).
  public static func nistFolder() throws -> URL {
    guard let folder = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
      throw TestSupportError("Fixtures folder missing from the TestSupport bundle")
    }
    return folder.appendingPathComponent("nist-strd", isDirectory: true)
  }

  /// One NIST StRD file by name (for example `Misra1a.dat` or `Longley.csv`).
  public static func nist(_ name: String) throws -> URL {
    let url = try nistFolder().appendingPathComponent(name)
    guard FileManager.default.fileExists(atPath: url.path) else { throw TestSupportError("no NIST fixture \(name)") }
    return url
  }
}

/// A missing fixture or shared file, with a one-line description.
public struct TestSupportError: Error, CustomStringConvertible {
  public let description: String
  public init(_ description: String) { self.description = description }
}
