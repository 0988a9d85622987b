import CaspianGeodata
import CaspianGeometry
import CaspianSupport
import Testing

@testable import CaspianEngineering

@Suite struct RPLTests {
  let geodesic = Geodesic.wgs84

  func basin(hazards: [Hazard] = []) throws -> RouteEngineering {
    try RouteEngineer().analyse(
      route: VBasin.route, landingNames: ("West", "East"), depth: VBasin(), hazards: hazards,
      waterSurfaceM: -29.35)
  }

  @Test func kpBearingsAndTotalsMatchAnIndependentRecomputation() throws {
    let result = try basin(hazards: [diagonalPipeline(angleDegrees: 30)])
    let rows = result.rows
    #expect(rows.first?.kpKm == 0)
    #expect(rows.first?.point == .landing)
    #expect(rows.last?.point == .landing)
    for (a, b) in zip(rows, rows.dropFirst()) {
      let leg = geodesic.inverse(
        Coordinate(longitude: a.longitude, latitude: a.latitude),
        Coordinate(longitude: b.longitude, latitude: b.latitude))
      #expect(abs(b.kpKm - a.kpKm - leg.distanceMetres / 1000) < 1e-9)
      #expect(abs((a.legKm ?? -1) - leg.distanceMetres / 1000) < 1e-9)
      let bearing = leg.azimuth1Degrees < 0 ? leg.azimuth1Degrees + 360 : leg.azimuth1Degrees
      #expect(abs((a.bearingDegrees ?? -1) - bearing) < 1e-6)
      #expect(
        abs(b.cumulativeCableKm - a.cumulativeCableKm - (a.legCableKm ?? -1)) < 1e-9
          || b.index == rows.count - 1)
    }
    // Every alter-course point is a row, at its KP.
    var kpM = 0.0
    for (index, point) in VBasin.route.enumerated() {
      if index > 0 { kpM += geodesic.inverse(VBasin.route[index - 1], point).distanceMetres / 1000 }
      let row = try #require(rows.first { $0.latitude == point.latitude && $0.longitude == point.longitude })
      #expect(abs(row.kpKm - kpM) < 1e-6)
    }
    #expect(abs(rows.last!.kpKm - basinRouteLengthM / 1000) < 1e-6)
    #expect(abs(result.routeLengthKm - basinRouteLengthM / 1000) < 1e-6)
    // End allowances: 2 m of water plus the 400 m shore end at each landing.
    #expect(abs(rows[0].cumulativeCableKm - 0.402) < 1e-9)
    let beforeLast = rows[rows.count - 2]
    #expect(
      abs(rows.last!.cumulativeCableKm - beforeLast.cumulativeCableKm - beforeLast.legCableKm! - 0.402) < 1e-9
    )
    #expect(abs(rows.last!.cumulativeCableKm - result.cableLengthKm) < 1e-9)
    #expect(result.cableTypes.reduce(0) { $0 + $1.cableKm } - result.cableLengthKm < 1e-9)
  }

  @Test func cableIsAtLeastSeabedIsAtLeastRoute() throws {
    let result = try basin()
    #expect(result.seabedLengthKm > result.routeLengthKm)
    #expect(result.cableLengthKm >= result.seabedLengthKm)
    // On a 1:50 slope the seabed is sqrt(1 + 0.02²) times longer than the route.
    let expected = result.routeLengthKm * (1 + 0.02 * 0.02).squareRoot()
    #expect(abs(result.seabedLengthKm - expected) < 0.01)
    // Steep relief (1:2): the seabed floor, 11.8% longer, wins over every planned slack.
    let steep = try RouteEngineer().analyse(
      route: VBasin.route, landingNames: ("West", "East"), depth: VBasin(gradient: 0.5),
      waterSurfaceM: nil)
    let firstQuarter = steep.rows.dropLast().filter { $0.kpKm + $0.legKm! < steep.routeLengthKm / 4 }
    #expect(!firstQuarter.isEmpty)
    for row in firstQuarter {
      #expect(abs(row.slackPercent! - ((1 + 0.25).squareRoot() - 1) * 100) < 0.01)
    }
    #expect(steep.warnings.contains { $0.kind == .loopRisk })
    #expect(steep.warnings.contains { $0.kind == .suspensionSlope })
  }

  @Test func depthBandsSplitTheLegsAtKnownKPs() throws {
    let result = try basin()
    let basin = VBasin()
    let length = basinRouteLengthM
    let daEnd = basin.kpM(atDepth: 50)  // 2400 m
    let deepStart = basin.kpM(atDepth: 1000)  // 49 900 m
    let changes = result.rows.filter { $0.remarks.contains { $0.hasPrefix("cable type change") } }
    #expect(changes.map(\.kpKm).count == 4)
    let expected = [daEnd, deepStart, length - deepStart, length - daEnd].map { $0 / 1000 }
    for (row, kpM) in zip(changes, expected) { #expect(abs(row.kpKm - kpM) < 1e-4) }
    #expect(changes[1].remarks.contains("cable type change SA→LWP"))
    #expect(changes[1].remarks.contains("burial change 1.0 m→none"))
    let types = Dictionary(uniqueKeysWithValues: result.cableTypes.map { ($0.cableType, $0.routeKm) })
    #expect(abs(types[.doubleArmour]! - 2 * daEnd / 1000) < 1e-4)
    #expect(abs(types[.lightweightProtected]! - (length - 2 * deepStart) / 1000) < 1e-4)
    #expect(abs(result.buriedKm - 2 * deepStart / 1000) < 1e-4)
    #expect(types[.land] == nil)
    // Slack: 1% where buried, 5% for surface lay deeper than 1000 m.
    for row in result.rows.dropLast() {
      #expect(abs(row.slackPercent! - (row.cableType == .lightweightProtected ? 5 : 1)) < 1e-6)
    }
  }

  @Test func crossingGetsARowAnAngleAWarningAndDeeperBurial() throws {
    let result = try basin(hazards: [diagonalPipeline(angleDegrees: 30)])
    let crossing = try #require(result.crossings.first)
    let expectedKP =
      geodesic.inverse(VBasin.start, Coordinate(longitude: 50, latitude: 40.3)).distanceMetres / 1000
    #expect(abs(crossing.kpKm - expectedKP) < 0.005)
    #expect(abs(crossing.angleDegrees - 30) < 0.5)
    let row = try #require(
      result.rows.first { $0.remarks.contains { $0.hasPrefix("crossing pipeline Test pipeline at 30°") } })
    #expect(abs(row.kpKm - crossing.kpKm) < 1e-6)
    #expect(row.burialDepthM == 2.0)
    let zoneStart = try #require(result.rows.first { abs($0.kpKm - (crossing.kpKm - 0.5)) < 1e-3 })
    #expect(zoneStart.burialDepthM == 2.0)
    #expect(zoneStart.remarks.contains("burial change 1.0 m→2.0 m"))
    #expect(result.warnings.contains { $0.kind == .crossingAngle && abs($0.fromKpKm - crossing.kpKm) < 1e-9 })
    #expect(!result.warnings.contains { $0.kind == .parallelSeparation })
    // A crossing at 80° passes the check.
    let square = try basin(hazards: [diagonalPipeline(angleDegrees: 80)])
    #expect(square.crossings.count == 1)
    #expect(!square.warnings.contains { $0.kind == .crossingAngle })
  }

  @Test func parallelAssetAndPlatformClearanceAreFlagged() throws {
    // A cable 500 m east of the route from 40.6° N to 40.7° N, where the water is ~900 m deep.
    let east = { (lat: Double) in
      Geodesic.wgs84.direct(
        from: Coordinate(longitude: 50, latitude: lat), azimuthDegrees: 90, distanceMetres: 500)
    }
    let cable = hazard(.cable, "Old cable", .lineString([east(40.6), east(40.7)]))
    let platform = hazard(.platform, "Rig 1", .point(east(40.2)), safetyZoneM: 500)
    let result = try basin(hazards: [cable, platform])
    let parallel = try #require(result.warnings.first { $0.kind == .parallelSeparation })
    // Flagged while within 3 × depth (≤ 3 km here) of the cable's 40.6–40.7° N stretch.
    let startKpM =
      geodesic.inverse(VBasin.start, Coordinate(longitude: 50, latitude: 40.6)).distanceMetres / 1000
    let endKpM =
      geodesic.inverse(VBasin.start, Coordinate(longitude: 50, latitude: 40.7)).distanceMetres / 1000
    #expect(parallel.fromKpKm > startKpM - 3 && parallel.fromKpKm < startKpM)
    #expect(try #require(parallel.toKpKm) > endKpM && parallel.toKpKm! < endKpM + 3)
    #expect(parallel.message.contains("Old cable"))
    let clearance = try #require(result.clearances.first { $0.assetName == "Rig 1" })
    #expect(abs(clearance.minimumM - 500) < 5)
    #expect(clearance.requiredM == 1000)
    #expect(result.warnings.contains { $0.kind == .platformClearance && $0.message.contains("Rig 1") })
  }

  @Test func routeWithoutDepthIsRejected() {
    #expect(throws: FileError(file: "route", problem: "no depth data anywhere along the route")) {
      try RouteEngineer().analyse(
        route: VBasin.route, landingNames: ("A", "B"), depth: NoDepth(), waterSurfaceM: nil)
    }
  }

  @Test func shortSectionsTakeTheStrongerNeighbour() {
    let da = SectionSpec(cableType: .doubleArmour, burialDepthM: 1)
    let sa = SectionSpec(cableType: .singleArmour, burialDepthM: 1)
    let merged = mergingShortSections(
      [
        Section(startKpM: 0, endKpM: 1000, spec: da), Section(startKpM: 1000, endKpM: 1100, spec: sa),
        Section(startKpM: 1100, endKpM: 3000, spec: da), Section(startKpM: 3000, endKpM: 9000, spec: sa),
      ], minimumM: 500)
    #expect(
      merged == [
        Section(startKpM: 0, endKpM: 3000, spec: da), Section(startKpM: 3000, endKpM: 9000, spec: sa),
      ])
  }
}
