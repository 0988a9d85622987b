import CaspianGeodata
import CaspianGeometry
import Foundation
import Testing

@testable import CaspianRouting

/// The data set shipped in Geodata/ at the package root.
private let bundled = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent().appendingPathComponent("Geodata", isDirectory: true)

@Suite("Route planning on the bundled data set")
struct BundledDataTests {
  @Test(
    "Aktau → Sumgait: 3 distinct options, plausible lengths, in the sea, out of no-go zones, lengths as exported"
  )
  func aktauSumgait() throws {
    let data = try GeodataSet.load(GeodataSources(directory: bundled))
    let planner = try RoutePlanner(data: data)
    let plan = try planner.plan(
      from: try planner.landing(named: "Aktau"), to: try planner.landing(named: "Sumgait"))
    #expect(plan.options.count == 3)
    #expect(plan.options.map(\.id) == [1, 2, 3])
    #expect(plan.options[0].kind == .leastCost)
    for option in plan.options {
      let m = option.measures
      // The published route is 380 km; the straight geodesic between these landings ~357 km.
      #expect(m.baselineKm > 340 && m.baselineKm < 370)
      #expect(m.routeLengthKm >= m.baselineKm - 1e-9 && m.routeLengthKm < 420, "\(m.routeLengthKm)")
      #expect(abs(m.detourRatio - m.routeLengthKm / m.baselineKm) < 1e-12)
      // A straight Aktau–Sumgait line crosses the Derbent depression (~790 m at its deepest).
      #expect((m.maxDepthM ?? 0) > 500 && (m.maxDepthM ?? 0) < 800)
      #expect(m.boundaryCrossings.count == 1)
      try expectRespectsConstraints(option.vertices, data: data)
      if let comparison = option.comparison {
        #expect(comparison.sharedPercent < RoutePlanner.sameRouteSharedPercent)
      }
    }

    // Reported lengths equal an independent geodesic (Vincenty) recomputation of the export.
    let exported = try GeoJSON.decodeFeatureCollection(
      GeoJSON.encode(plan.featureCollection()), source: "export")
    let lines = exported.features.filter { $0.geometry?.typeName == "LineString" }
    #expect(lines.count == plan.options.count)
    let alterCourse = exported.features.filter { $0.properties["featureType"]?.stringValue == "alterCourse" }
    #expect(alterCourse.count == plan.options.map(\.vertices.count).reduce(0, +))
    #expect(exported.features.count == plan.options.count + 2 + alterCourse.count)
    for feature in lines {
      guard case .lineString(let path)? = feature.geometry else { continue }
      let reported = try #require(feature.properties["routeLengthKm"]?.doubleValue)
      // Rounded to the metre on output; coordinates to 1e-7°.
      #expect(abs(Independent.pathKm(path) - reported) < 0.002, "\(Independent.pathKm(path)) vs \(reported)")
      let baseline = try #require(feature.properties["baselineKm"]?.doubleValue)
      #expect(abs(Independent.vincentyMetres(path.first!, path.last!) / 1000 - baseline) < 0.002)
      // Drawn along the geodesic: more points than the alter-course points, which are listed.
      let legs = try #require(feature.properties["legs"]?.doubleValue)
      #expect(feature.properties["alterCoursePoints"]?.doubleValue == legs + 1)
      #expect(Double(path.count) >= legs + 1)
      let option = try #require(plan.options.first { Double($0.id) == feature.id?.doubleValue })
      // The exporter draws the line with the densifier the geometry tests check against the geodesic.
      let drawn = Geodesic.wgs84.densifiedForDrawing(option.vertices, toleranceMetres: 10).points
      #expect(path.count == drawn.count)
      #expect(zip(path, drawn).allSatisfy { Geodesic.wgs84.distanceMetres($0, $1) < 0.02 })
    }
  }

  @Test("Every pair of landings plans (3 km cells, to keep the suite fast)")
  func allPairs() throws {
    let data = try GeodataSet.load(GeodataSources(directory: bundled))
    var model = CostModel()
    model.cellSizeM = 3000
    let planner = try RoutePlanner(data: data, model: model)
    let names = data.landings.map(\.name)
    #expect(names.count >= 7)
    for (i, a) in names.enumerated() {
      for b in names[(i + 1)...] {
        let plan = try planner.plan(from: try planner.landing(named: a), to: try planner.landing(named: b))
        #expect(!plan.options.isEmpty, "\(a) → \(b)")
        for option in plan.options {
          try expectRespectsConstraints(option.vertices, data: data)
          #expect(option.measures.detourRatio >= 1 - 1e-9 && option.measures.detourRatio < 1.6, "\(a) → \(b)")
        }
      }
    }
  }
}
