import Foundation

/// Loads committed fixtures from the test bundle.
enum FixtureLoader {
  static func url(_ name: String) throws -> URL {
    guard let dir = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
      throw FixtureError(message: "Fixtures folder missing from test bundle")
    }
    return dir.appendingPathComponent(name)
  }

  static func json(_ name: String) throws -> [String: Any] {
    let data = try Data(contentsOf: url(name))
    guard let doc = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
      throw FixtureError(message: "\(name) is not a JSON object")
    }
    return doc
  }
}

struct FixtureError: Error { let message: String }
