import CaspianGeometry
import Foundation
import Testing

/// Issue 14: a landing with an approach bearing is left, and reached, straight on it for the
/// cost model's `minimumStraightApproachM` before the search takes over.
@Suite struct StraightApproachTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// A copy of the bundled data set with these approach bearings on its landings.
  static func dataSet(bearings: [String: Double]) throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "approach-\(UUID().uuidString)")
    try FileManager.default.copyItem(at: root.appendingPathComponent("Geodata"), to: directory)
    let landings = directory.appendingPathComponent("landings.geojson")
    var document = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: landings)) as? [String: Any])
    var features = try #require(document["features"] as? [[String: Any]])
    for index in features.indices {
      var properties = try #require(features[index]["properties"] as? [String: Any])
      if let name = properties["name"] as? String, let bearing = bearings[name] {
        properties["approachBearingDeg"] = bearing
      }
      features[index]["properties"] = properties
    }
    document["features"] = features
    try JSONSerialization.data(withJSONObject: document).write(to: landings)
    return directory
  }

  @Test func theRouteLeavesAndReachesTheLandingsOnTheirBearings() throws {
    let data = try Self.dataSet(bearings: ["Aktau": 250, "Sumgait": 20])
    defer { try? FileManager.default.removeItem(at: data) }
    let result = try CLI.run([
      "route", "plan", "--from", "Aktau", "--to", "Sumgait", "--geodata", data.path, "--format", "json",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let options = try #require(document["options"] as? [[String: Any]])
    #expect(options.count == 3)
    for option in options {
      let line = try #require((option["geometry"] as? [String: Any])?["coordinates"] as? [[Double]]).map {
        Coordinate(longitude: $0[0], latitude: $0[1])
      }
      let first = Geodesic.wgs84.inverse(line[0], line[1])
      #expect(abs(first.distanceMetres - 1000) < 0.05)
      // Positions are written to 7 decimals (about a centimetre): the bearing holds to 0.01°.
      #expect(abs((first.azimuth1Degrees + 360).truncatingRemainder(dividingBy: 360) - 250) < 0.01)
      // The last leg reaches Sumgait from 20° (its bearing seaward), i.e. heading 200°.
      let last = Geodesic.wgs84.inverse(line[line.count - 1], line[line.count - 2])
      #expect(abs(last.distanceMetres - 1000) < 0.05)
      #expect(abs((last.azimuth1Degrees + 360).truncatingRemainder(dividingBy: 360) - 20) < 0.01)
      let stretches = try #require(option["plannedStretches"] as? [[String: Any]])
      #expect(stretches.first?["approachBearingDeg"] as? Double == 250)
      #expect(stretches.last?["approachBearingDeg"] as? Double == 20)
      #expect(stretches.first?["endKpKm"] as? Double == 1)
      // Then the shore-approach pass from the approach's seaward end.
      #expect(stretches[1]["shoreApproach"] as? Bool == true && stretches[1]["startKpKm"] as? Double == 1)
      #expect(stretches[stretches.count - 2]["shoreApproach"] as? Bool == true)
    }
    let table = try CLI.run(["route", "plan", "--from", "Aktau", "--to", "Sumgait", "--geodata", data.path])
    #expect(table.stdout.contains("KP 0.000–1.000: straight approach on 250° (the landing's bearing)"))
  }

  @Test func aBearingOntoLandIsRefusedNamingTheLandingsFile() throws {
    let data = try Self.dataSet(bearings: ["Aktau": 70])
    defer { try? FileManager.default.removeItem(at: data) }
    let result = try CLI.run(["route", "plan", "--from", "Aktau", "--to", "Sumgait", "--geodata", data.path])
    #expect(result.status == 1)
    #expect(
      result.stderr.hasSuffix(
        "landings.geojson: landing \"Aktau\": its straight approach on 70° for 1000 m leaves the sea\n"),
      "\(result.stderr)")
    #expect(result.stdout.isEmpty)
  }
}
