import CaspianGeodata
import CaspianGeometry
import Testing

@testable import CaspianEngineering

/// The along-route engineering is one pass: the geometric tests grow with the route's vertices
/// and samples, not with their product (issue 9: 100,000 vertices took minutes). Work is
/// counted, never timed; the times are in `Tools/bench_rpl.sh`.
@Suite struct RPLWorkTests {
  /// The basin route (40° N → 41° N on 50° E) with `vertices` alter-course points.
  func route(vertices: Int) -> [Coordinate] {
    (0..<vertices).map { i in
      Coordinate(longitude: 50, latitude: 40 + Double(i) / Double(vertices - 1))
    }
  }

  /// A pipeline crossing near 40.3° N, a platform 600 m off the route, and assets far from it:
  /// forty pipelines and a field 50 km east.
  var hazards: [Hazard] {
    var hazards = [diagonalPipeline(angleDegrees: 30)]
    hazards.append(
      hazard(.platform, "Rig", .point(Coordinate(longitude: 50.007, latitude: 40.6)), safetyZoneM: 500))
    for k in 0..<40 {
      let lat = 40 + Double(k) / 40
      hazards.append(
        hazard(
          .pipeline, "Far \(k)",
          .lineString([
            Coordinate(longitude: 50.6, latitude: lat), Coordinate(longitude: 50.7, latitude: lat + 0.02),
          ])))
    }
    let field = [(50.6, 40.2), (50.8, 40.2), (50.8, 40.8), (50.6, 40.8), (50.6, 40.2)].map {
      Coordinate(longitude: $0, latitude: $1)
    }
    hazards.append(hazard(.field, "Far field", .polygon(Polygon(exterior: field, holes: []))))
    return hazards
  }

  func analyse(vertices: Int) throws -> (result: RouteEngineering, work: EngineeringWork) {
    let work = EngineeringWork()
    let result = try RouteEngineer().analyse(
      route: route(vertices: vertices), landingNames: ("West", "East"), depth: VBasin(), hazards: hazards,
      waterSurfaceM: -29.35, work: work)
    return (result, work)
  }

  @Test func geometricTestsStayNearTheRoute() throws {
    let (result, work) = try analyse(vertices: 4000)
    let samples = result.rows.count  // at least one sample per vertex
    #expect(samples >= 4000)
    // Exact distances only for the points near the platform and the crossed pipeline.
    #expect(work.distanceTests < samples / 4, "\(work.distanceTests) distances for \(samples) rows")
    // Each leg reads its own samples: about one pass, not one per row.
    #expect(work.samplesVisited < 3 * samples, "\(work.samplesVisited) samples read for \(samples) rows")
    #expect(result.crossings.filter(\.isAssetCrossing).count == 1)
    #expect(result.rows.contains { $0.remarks.contains { $0.hasPrefix("near platform Rig") } })
  }

  @Test func workGrowsLinearlyWithTheVertices() throws {
    let small = try analyse(vertices: 1000).work
    let large = try analyse(vertices: 4000).work
    let total = { (w: EngineeringWork) in w.distanceTests + w.samplesVisited }
    #expect(Double(total(large)) <= 4.5 * Double(total(small)), "\(total(small)) → \(total(large))")
  }

  /// The pruning before an exact distance never drops an asset that is within reach.
  @Test func certainlyFartherIsConservative() throws {
    let engine = try GeometryEngine()
    for asset in hazards.map(EngineeringAsset.init(hazard:)) {
      for i in 0..<200 {
        let c = Coordinate(longitude: 49.9 + Double(i % 20) * 0.05, latitude: 40 + Double(i / 20) * 0.1)
        for limit in [100.0, 1000, 5000] where asset.isCertainlyFartherThan(limit, from: c) {
          #expect(try engine.distanceMetres(.point(c), asset.geometry) > limit, "\(asset.name) \(c)")
        }
      }
    }
  }
}
