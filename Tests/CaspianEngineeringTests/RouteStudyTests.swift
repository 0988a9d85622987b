import CaspianAnalysis
import CaspianGeodata
import CaspianGeometry
import Testing

@testable import CaspianEngineering

/// A route's study: the analysis's intrusions become error-level findings of the engineering.
@Suite struct RouteStudyTests {
  /// A no-go field across the basin route from 40.4° N to 40.5° N.
  static let field = Hazard(
    kind: .field, name: "Closed Field",
    geometry: .polygon(
      Polygon(
        exterior: [(49.9, 40.4), (50.1, 40.4), (50.1, 40.5), (49.9, 40.5), (49.9, 40.4)].map {
          Coordinate(longitude: $0, latitude: $1)
        }, holes: [])), constraint: .noGo)

  static func study(hazards: [Hazard], scenarioSurfaceM: Double? = nil) throws -> RouteStudy {
    let analyzer = try RouteAnalyzer(
      sea: openSea, hazards: hazards, depth: VBasin(), settings: AnalysisSettings(engineering: .defaults))
    return try RouteStudy(
      route: VBasin.route, landingNames: ("West", "East"), analyzer: analyzer, engineer: RouteEngineer(),
      waterSurfaceM: -29.35, scenarioSurfaceM: scenarioSurfaceM)
  }

  @Test func aNoGoStretchIsAnErrorWithTheZoneAndItsKPs() throws {
    let study = try Self.study(hazards: [Self.field])
    let error = try #require(study.errors.first)
    #expect(study.errors.count == 1)
    #expect(error.kind == .noGo && error.name == "Closed Field" && error.severity == .error)
    // On the meridian the KPs of 40.4° N and 40.5° N are the meridian arcs from 40° N.
    let start = Geodesic.wgs84.distanceMetres(VBasin.start, Coordinate(longitude: 50, latitude: 40.4)) / 1000
    let end = Geodesic.wgs84.distanceMetres(VBasin.start, Coordinate(longitude: 50, latitude: 40.5)) / 1000
    let to = try #require(error.toKpKm)
    #expect(abs(error.fromKpKm - start) < 0.001 && abs(to - end) < 0.001)
    #expect(study.measures.intrusions.count == 1)
    #expect(study.scenario == nil)
  }

  @Test func anOpenRouteHasNoErrorAndAScenarioWhenAsked() throws {
    let study = try Self.study(hazards: [], scenarioSurfaceM: -31)
    #expect(study.errors.isEmpty)
    let scenario = try #require(study.scenario)
    #expect(scenario.comparison.scenarioSurfaceM == -31)
    #expect(study.primary == scenario.engineering)
    #expect(abs(study.measures.routeLengthKm - study.engineering.routeLengthKm) < 1e-9)
  }
}

/// The runs of cable type and burial the report draws, from the RPL legs.
@Suite struct KPRunTests {
  @Test func runsCoverTheRouteWithoutGapsAndChangeAtEachRun() throws {
    let result = try RouteEngineer().analyse(
      route: VBasin.route, landingNames: ("West", "East"), depth: VBasin(),
      hazards: [diagonalPipeline(angleDegrees: 60)], waterSurfaceM: nil)
    for runs in [
      result.cableTypeRuns.map { ($0.fromKpKm, $0.toKpKm) },
      result.burialRuns.map { ($0.fromKpKm, $0.toKpKm) },
    ] {
      #expect(runs.first?.0 == 0)
      #expect(abs((runs.last?.1 ?? 0) - result.routeLengthKm) < 1e-6)
      for (a, b) in zip(runs, runs.dropFirst()) { #expect(abs(a.1 - b.0) < 1e-9) }
    }
    for (a, b) in zip(result.cableTypeRuns, result.cableTypeRuns.dropFirst()) { #expect(a.value != b.value) }
    for (a, b) in zip(result.burialRuns, result.burialRuns.dropFirst()) { #expect(a.value != b.value) }
    // The V basin: double armour at both landings, deeper types between; the crossing buried deeper.
    #expect(
      result.cableTypeRuns.first?.value == .doubleArmour && result.cableTypeRuns.last?.value == .doubleArmour)
    #expect(result.cableTypeRuns.count >= 3)
    #expect(result.burialRuns.contains { $0.value == EngineeringParameters.defaults.burial.crossingDepthM })
  }
}
