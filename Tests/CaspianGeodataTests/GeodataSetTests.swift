import CaspianGeodata
import CaspianGeometry
import Foundation
import Testing

@Suite struct GeodataSetTests {
  @Test func loadsTheSmallSet() throws {
    let set = try GeodataSet.load(GeodataSources(directory: Fixture.small))
    #expect(set.name == "Small test set")
    #expect(set.waterSurfaceM == -29.35)
    #expect(set.sea.polygons.count == 1 && set.sea.islandCount == 1)
    #expect(set.sea.name == "Test sea")
    #expect(set.landings.map(\.name) == ["Alpha", "Beta", "Gamma"])
    let alpha = set.landings[0]
    #expect(alpha.coordinate == Coordinate(longitude: 50.3, latitude: 41.7))
    #expect(alpha.country == "Country A" && alpha.confidence == .high)
    #expect(
      alpha.originalCoordinate == Coordinate(longitude: 50.29, latitude: 41.71) && alpha.snappedM == 1400)
    #expect(set.landings[2].country == nil && set.landings[2].confidence == nil)
    #expect(set.hazards.count == 8)
    #expect(Set(set.hazards.map(\.kind)) == Set(HazardKind.allCases))
    let platform = try #require(set.hazards.first { $0.kind == .platform })
    #expect(platform.safetyZoneM == Hazard.defaultPlatformSafetyZoneM && platform.constraint == .noGo)
    let pipeline = try #require(set.hazards.first { $0.kind == .pipeline })
    #expect(pipeline.bufferM == 500 && pipeline.properties["operator"] == .string("X"))
    #expect(set.hazards.first { $0.kind == .ferryLane }?.widthM == 2000)
    #expect(set.hazards.first { $0.kind == .field }?.schematic == true)
    #expect(set.repairs.isEmpty && set.warnings.isEmpty)
  }

  @Test func summarisesTheSmallSet() throws {
    let summary = GeodataSummary(try GeodataSet.load(GeodataSources(directory: Fixture.small)))
    // Reference: pyproj Geod(ellps="WGS84").geometry_area_perimeter of the square minus the island.
    #expect(abs(summary.sea.areaKm2 - 35876.1725) < 0.01)
    #expect(summary.sea.islandCount == 1)
    #expect(summary.grid.columns == 30 && summary.grid.rows == 30)
    #expect(summary.grid.seaCellCount == 384 && summary.grid.drySeaCellCount == 0)
    // Depth = −29.35 − elevation; shallowest centre (50.05, 41.95), deepest (51.95, 40.05).
    #expect(abs(summary.grid.minDepthM! - 8.15) < 1e-3)
    #expect(abs(summary.grid.maxDepthM! - 293.15) < 1e-3)
    #expect(abs(summary.landings[0].gridDepthM! - 45.65) < 1e-3)
    #expect(
      summary.hazards.byKind == Dictionary(uniqueKeysWithValues: HazardKind.allCases.map { ($0.rawValue, 1) })
    )
    #expect(summary.hazards.byConstraint == ["no-go": 2, "soft": 5, "info": 1])
    // The summary is Codable for `--format json`.
    let decoded = try JSONDecoder().decode(GeodataSummary.self, from: JSONEncoder().encode(summary))
    #expect(decoded == summary)
  }

  @Test func waterSurfaceOverrideShiftsDepths() throws {
    let set = try GeodataSet.load(GeodataSources(directory: Fixture.small, waterSurfaceM: -40))
    #expect(abs(set.depthMetres(at: Coordinate(longitude: 50.3, latitude: 41.7))! - 35) < 1e-3)
    let summary = GeodataSummary(set)
    // −40 − (−30 − 5 − 2.5) = −2.5: the shallowest sea cells are now dry.
    #expect(abs(summary.grid.minDepthM! + 2.5) < 1e-3)
    #expect(summary.grid.drySeaCellCount > 0)
  }

  @Test func repairsAnInvalidSeaPolygonSafely() throws {
    let set = try GeodataSet.load(
      GeodataSources(directory: Fixture.small, seaPolygon: Fixture.bad("sea-spike.geojson")))
    #expect(set.repairs.count == 1)
    let repair = try #require(set.repairs.first)
    #expect(
      repair.hasPrefix(
        Fixture.bad("sea-spike.geojson").relativePath + ": feature 0 \"Test sea\": invalid polygon ("))
    #expect(repair.contains("repaired with GEOS make-valid"))
    #expect(set.sea.islandCount == 1)
    let summary = GeodataSummary(set)
    #expect(abs(summary.sea.areaKm2 - 35876.1725) < 1)
  }

  @Test func worksWithoutAManifest() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "geodata-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    for (from, to) in [
      ("sea.geojson", "caspian-sea.geojson"), ("grid.asc", "caspian-etopo1-0.1deg.asc"),
      ("landings.geojson", "landings.geojson"),
    ] {
      try FileManager.default.copyItem(
        at: Fixture.small.appendingPathComponent(from), to: directory.appendingPathComponent(to))
    }
    let set = try GeodataSet.load(GeodataSources(directory: directory))
    #expect(set.waterSurfaceM == GeodataSet.defaultWaterSurfaceM)
    #expect(set.hazards.isEmpty && set.files.hazards == nil)
    #expect(set.warnings.count == 2)
    #expect(set.warnings.contains { $0.contains("no waterSurfaceM given") })
    #expect(set.warnings.contains { $0.contains("no hazards file") })
  }

  enum Role { case sea, grid, landings, hazards }

  static let badCases: [(Role, String, String)] = [
    (.sea, "sea-two-features.geojson", "expected exactly one feature (the sea), found 2"),
    (
      .sea, "sea-line.geojson",
      "feature 0 \"Test sea\": geometry is a LineString; the sea must be a Polygon or MultiPolygon"
    ),
    (
      .sea, "sea-swapped.geojson",
      "does not overlap the grid (longitude 49.5…52.5, latitude 39.5…42.5); longitude and latitude look swapped"
    ),
    (
      .sea, "sea-bowtie.geojson",
      "feature 0 \"Test sea\": invalid polygon: Self-intersection at [51, 41]; repairing it"
    ),
    (.grid, "grid-token.asc", "line 9: row 3, column 5: value \"abc\" is not a number"),
    (
      .landings, "landings-on-land.geojson",
      "feature 1 \"Inland\": point [49.8, 41] is on land, 16.8 km from the water"
    ),
    (
      .landings, "landings-island.geojson",
      "feature 1 \"Islet\": point [50.9, 41] is on land, 8.4 km from the water"
    ),
    (
      .landings, "landings-outside.geojson",
      "feature 1 \"Far\": point [55, 41] is outside the grid (longitude 49.5…52.5, latitude 39.5…42.5)"
    ),
    (
      .landings, "landings-swapped.geojson",
      "feature 1 \"Swapped\": point [41, 50.5] is outside the grid (longitude 49.5…52.5, latitude 39.5…42.5); longitude and latitude look swapped"
    ),
    (
      .landings, "landings-duplicate.geojson",
      "feature 1 \"alpha\": duplicate name: feature 0 is already \"Alpha\""
    ),
    (.landings, "landings-no-name.geojson", "feature 1: property \"name\" is missing"),
    (
      .landings, "landings-confidence.geojson",
      "feature 1 \"Beta\": confidence \"certain\" is not one of: high, medium, low"
    ),
    (
      .landings, "landings-polygon.geojson",
      "feature 1 \"Beta\": geometry is a Polygon; a landing must be a Point"
    ),
    (
      .hazards, "hazards-kind.geojson",
      "feature 0 \"R\": kind \"rig\" is not one of: field, platform, pipeline, cable, port, ferry-lane, protected-area, sector-boundary"
    ),
    (
      .hazards, "hazards-constraint.geojson",
      "feature 0 \"P\": constraint \"forbidden\" is not one of: no-go, soft, info"
    ),
    (
      .hazards, "hazards-platform-polygon.geojson",
      "feature 0 \"P\": geometry is a Polygon; a platform must be a Point"
    ),
    (
      .hazards, "hazards-ferry-width.geojson",
      "feature 0 \"Lane\": a ferry lane drawn as a line needs \"widthM\""
    ),
    (
      .hazards, "hazards-buffer.geojson",
      "feature 0 \"L\": property bufferM must be between 0 and 50000 m, got -5"
    ),
    (
      .hazards, "hazards-swapped.geojson",
      "feature 0 \"P\": the platform (longitude 40.35…40.35, latitude 51.45…51.45) lies outside the grid; longitude and latitude look swapped"
    ),
  ]

  @Test("Bad files give one line naming the file and the problem", arguments: badCases)
  func rejects(role: Role, file: String, message: String) {
    let url = Fixture.bad(file)
    var sources = GeodataSources(directory: Fixture.small)
    switch role {
    case .sea: sources.seaPolygon = url
    case .grid: sources.bathymetry = [GridSource(url: url)]
    case .landings: sources.landings = url
    case .hazards: sources.hazards = [url]
    }
    expectFailure(sources, prefix: url.relativePath + ": ", message: message)
  }

  @Test func rejectsBadManifests() {
    let malformed = Fixture.root.appendingPathComponent("manifest-malformed")
    expectFailure(
      GeodataSources(directory: malformed),
      prefix: malformed.appendingPathComponent("manifest.json").relativePath,
      message: ": malformed JSON at line 3, column 17: unexpected 's', expected a value")
    let missing = Fixture.root.appendingPathComponent("manifest-missing-file")
    expectFailure(
      GeodataSources(directory: missing), prefix: missing.appendingPathComponent("nowhere.asc").relativePath,
      message: ": cannot read: no such file")
    let nowhere = Fixture.root.appendingPathComponent("no-such-directory")
    expectFailure(
      GeodataSources(directory: nowhere), prefix: nowhere.relativePath, message: ": no such data directory")
    expectFailure(
      GeodataSources(directory: Fixture.small, waterSurfaceM: .infinity), prefix: "--water-surface",
      message: "waterSurfaceM must be between -1000 and 1000 m")
  }

  func expectFailure(_ sources: GeodataSources, prefix: String, message: String) {
    do {
      _ = try GeodataSet.load(sources)
      Issue.record("accepted \(sources)")
    } catch {
      let text = "\(error)"
      #expect(text.hasPrefix(prefix), "\(text)")
      #expect(text.contains(message), "\(text)")
      #expect(!text.contains("\n"))
    }
  }
}

/// The bundled data set (`Geodata/` at the package root), once it is in the tree.
@Suite struct BundledGeodataTests {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Geodata", isDirectory: true)

  @Test(
    .enabled(
      if: FileManager.default.fileExists(atPath: directory.appendingPathComponent("manifest.json").path)))
  func loadsAndLooksLikeTheCaspian() throws {
    let set = try GeodataSet.load(GeodataSources(directory: Self.directory))
    let summary = GeodataSummary(set)
    // The Caspian Sea covers about 371,000 km² (less as it shrinks; Natural Earth is coarse).
    #expect((300_000...400_000).contains(summary.sea.areaKm2))
    #expect((-32.0 ... -26.0).contains(set.waterSurfaceM))
    // The deepest water is in the South Caspian basin, about 1,000 m.
    #expect((900...1_100).contains(summary.grid.maxDepthM ?? 0))
    let names = Set(set.landings.map { $0.name.lowercased() })
    for required in ["aktau", "sumgait"] {
      #expect(names.contains { $0.contains(required) }, "no landing named like \(required)")
    }
    #expect(set.landings.count >= 6)
    #expect(!set.hazards.isEmpty)
  }
}

extension BundledGeodataTests {
  /// Reading and writing the bundled GeoJSON keeps every feature and property, and writing what
  /// was written changes nothing.
  @Test(
    .enabled(
      if: FileManager.default.fileExists(atPath: directory.appendingPathComponent("manifest.json").path)),
    arguments: ["caspian-sea.geojson", "landings.geojson", "hazards.geojson"])
  func geoJSONRoundTrip(file: String) throws {
    let original = try GeoJSON.readFeatureCollection(from: Self.directory.appendingPathComponent(file))
    let written = GeoJSON.encode(original)
    let reread = try GeoJSON.decodeFeatureCollection(written, source: file)
    #expect(reread.features.count == original.features.count)
    #expect(reread.features.map(\.properties) == original.features.map(\.properties))
    #expect(GeoJSON.encode(reread) == written)
  }
}
