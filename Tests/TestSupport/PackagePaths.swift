import Foundation

/// Paths inside the package, found from this source file (`#filePath`), so they do not depend on the working
/// directory the tests run in.
public enum PackagePaths {
  /// The package root: the nearest folder above this file that holds `Package.swift`.
  public static let root: URL = {
    var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while folder.path != "/" {
      if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) { return folder }
      folder.deleteLastPathComponent()
    }
    return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
  }()

  /// `relativePath` (for example `simulator/quick.json`) under the package root.
  public static func file(_ relativePath: String) -> URL {
    root.appendingPathComponent(relativePath)
  }
}
