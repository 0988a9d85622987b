import Foundation

/// The test fixtures: `small/` is a complete data set (a 2° × 2° sea with one island, a 0.1°
/// grid whose elevation is the plane −30 − 100·(lon − 50) − 50·(42 − lat) metres, three
/// landings, one hazard of each kind); `bad/` holds one broken file per case.
enum Fixture {
  static let root = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
  static let small = root.appendingPathComponent("small", isDirectory: true)

  static func bad(_ name: String) -> URL { root.appendingPathComponent("bad").appendingPathComponent(name) }

  /// The fixture grid's elevation in metres at a point, by its formula.
  static func planeElevation(longitude: Double, latitude: Double) -> Double {
    -30 - 100 * (longitude - 50) - 50 * (42 - latitude)
  }
}
