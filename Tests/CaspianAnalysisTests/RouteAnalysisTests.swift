import CaspianAnalysis
import CaspianGeodata
import CaspianGeometry
import Foundation
import Testing

/// The along-route analysis on the routing tests' "strait" data set: a rectangular sea
/// (50–51°E, 42–42.6°N) with an island (50.35–50.55°E, 42.15–42.45°N), a no-go field
/// (50.4–50.5°E, 41.95–42.17°N), a diagonal pipeline and a platform.
@Suite struct RouteAnalysisTests {
  static let strait = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("CaspianRoutingTests/Fixtures/strait", isDirectory: true)
  static let west = Coordinate(longitude: 50.1, latitude: 42.3)
  static let east = Coordinate(longitude: 50.95, latitude: 42.3)

  static func analyzer(spacingM: Double = 500) throws -> RouteAnalyzer {
    let data = try GeodataSet.load(GeodataSources(directory: strait))
    var settings = AnalysisSettings()
    settings.profileSpacingM = spacingM
    return try RouteAnalyzer(data: data, depth: data, settings: settings)
  }

  @Test func straightAcrossTheIslandIsALandIntrusionWithItsShoreKPs() throws {
    let analysis = try Self.analyzer().analyse([Self.west, Self.east])
    #expect(analysis.intrusions.count == 1)
    let land = try #require(analysis.intrusions.first)
    #expect(land.kind == .land && land.name == "land")
    // The geodesic meets the island's west and east shores (meridians 50.35° and 50.55°).
    let entry = analysis.track.coordinate(atKpKm: land.fromKpKm)
    let exit = analysis.track.coordinate(atKpKm: land.toKpKm)
    #expect(abs(entry.longitude - 50.35) < 1e-5, "\(entry)")
    #expect(abs(exit.longitude - 50.55) < 1e-5, "\(exit)")
    #expect(analysis.shoreEndLandKm == [0, 0])
  }

  @Test func throughTheFieldIsANoGoIntrusionNamingIt() throws {
    let via = Coordinate(longitude: 50.45, latitude: 42.05)
    let analysis = try Self.analyzer().analyse([Self.west, via, Self.east])
    #expect(analysis.intrusions.map(\.name) == ["South Field"])
    let field = analysis.intrusions[0]
    #expect(field.kind == .noGo)
    #expect(abs(analysis.track.coordinate(atKpKm: field.fromKpKm).longitude - 50.4) < 1e-5)
    #expect(abs(analysis.track.coordinate(atKpKm: field.toKpKm).longitude - 50.5) < 1e-5)
    // The via point is inside the field: the stretch spans it.
    #expect(field.fromKpKm < analysis.track.vertexKpKm[1] && analysis.track.vertexKpKm[1] < field.toKpKm)
  }

  @Test func aRouteInOpenWaterHasNoIntrusion() throws {
    let north = Coordinate(longitude: 50.45, latitude: 42.52)
    let analysis = try Self.analyzer().analyse([Self.west, north, Self.east])
    #expect(analysis.intrusions.isEmpty, "\(analysis.intrusions)")
  }

  @Test func pipelineCrossingHasItsKPPositionAndAngle() throws {
    let analysis = try Self.analyzer().analyse([Self.west, Self.east])
    let crossing = try #require(analysis.crossings.first { $0.assetName == "Diagonal Pipeline" })
    #expect(analysis.crossings.count == 1)
    // On the drawn pipeline (straight in lon/lat) and on the route at its KP.
    let t = (crossing.coordinate.latitude - 41.95) / 0.7
    #expect(abs(crossing.coordinate.longitude - (50.6 + 0.45 * t)) < 1e-9)
    let onRoute = analysis.track.coordinate(atKpKm: crossing.kpKm)
    #expect(Geodesic.wgs84.distanceMetres(onRoute, crossing.coordinate) < 1.5)
    // The pipeline heads about 25.5° east of north, the route about east: some 64° between them.
    #expect(abs(crossing.angleDegrees - 64.3) < 1, "\(crossing.angleDegrees)")
    #expect(crossing.minimumAngleDegrees == 45 && !crossing.isBelowMinimumAngle)
  }

  @Test func densifyingTheLineChangesNoFigure() throws {
    let analyzer = try Self.analyzer(spacingM: 700)
    let north = Coordinate(longitude: 50.45, latitude: 42.52)
    let plain = try analyzer.analyse([Self.west, north, Self.east])
    let drawn = Geodesic.wgs84.densifiedForDrawing([Self.west, north, Self.east], toleranceMetres: 10).points
    #expect(drawn.count > 3)
    let dense = try analyzer.analyse(drawn)
    #expect(abs(dense.lengthKm - plain.lengthKm) < 1e-6)
    #expect(dense.profile.count == plain.profile.count)
    for (a, b) in zip(plain.profile, dense.profile) {
      #expect(abs(a.kpKm - b.kpKm) < 1e-6)
      #expect(Geodesic.wgs84.distanceMetres(a.coordinate, b.coordinate) < 0.01)
    }
    // Samples run from KP 0 every 700 m along the whole route, not restarting at the turn.
    #expect(plain.profile.dropLast().enumerated().allSatisfy { abs($1.kpKm - Double($0) * 0.7) < 1e-9 })
    #expect(zip(plain.crossings, dense.crossings).allSatisfy { abs($0.kpKm - $1.kpKm) < 0.001 })
    #expect(plain.crossings.count == dense.crossings.count)
  }

  @Test func clearancesNameTheNearestApproachOfEveryHazard() throws {
    let analysis = try Self.analyzer().analyse([Self.west, Self.east])
    let names = analysis.clearances.map(\.hazardName)
    #expect(names == ["South Field", "Diagonal Pipeline", "North Platform"])
    let platform = try #require(analysis.clearances.first { $0.hazardKind == "platform" })
    // The platform (50.2°E, 42.5°N) is about 22 km north of the route, abeam KP ~8.
    let abeam = analysis.track.coordinate(atKpKm: platform.kpKm)
    #expect(abs(abeam.longitude - 50.2) < 0.01, "\(abeam)")
    #expect(
      abs(
        platform.distanceKm - Geodesic.wgs84.distanceMetres(
          abeam, Coordinate(longitude: 50.2, latitude: 42.5)) / 1000) < 0.05)
    let pipeline = try #require(analysis.clearances.first { $0.hazardKind == "pipeline" })
    #expect(pipeline.distanceKm == 0)
  }

  @Test func unusableGeometriesAreRefused() throws {
    let analyzer = try Self.analyzer()
    #expect(throws: RouteProblem("needs at least 2 points, got 1")) { try analyzer.analyse([Self.west]) }
    #expect(throws: RouteProblem.self) { try analyzer.analyse([Self.west, Self.west]) }
    #expect(throws: RouteProblem("the leg from point 0 to 1 crosses the antimeridian (180°)")) {
      try analyzer.analyse([
        Coordinate(longitude: 179.9, latitude: 0), Coordinate(longitude: -179.9, latitude: 0),
      ])
    }
  }
}
