import CaspianAnalysis
import CaspianGeometry
import Testing

@testable import CaspianEngineering

@Suite struct SeaLevelScenarioTests {
  /// The V basin's landings are in 2 m of water and the seabed falls 1 m per 50 m of route:
  /// dropping the surface by 5 m dries the first (5 − 2) × 50 = 150 m at each end, and the
  /// 10 m main-lay depth moves from 400 m to 650 m out.
  @Test func fallingSeaMovesTheShoreByTheKnownDistance() throws {
    let basin = VBasin()
    let analyzer = try RouteAnalyzer(
      sea: openSea, hazards: [], depth: basin, settings: AnalysisSettings(engineering: .defaults))
    let study = try RouteStudy(
      route: VBasin.route, landingNames: ("West", "East"), analyzer: analyzer, engineer: RouteEngineer(),
      waterSurfaceM: -29.35, scenarioSurfaceM: -34.35)
    let (today, scenario, comparison) = (
      study.engineering, study.primary, try #require(study.scenario).comparison
    )
    for approach in today.landingApproaches {
      #expect(approach.dryKm == 0)
      #expect(abs(approach.approachKm - basin.kpM(atDepth: 10) / 1000) < 1e-4)
    }
    for approach in scenario.landingApproaches {
      #expect(abs(approach.dryKm - basin.kpM(atDepth: 5) / 1000) < 1e-4)
      #expect(abs(approach.approachKm - basin.kpM(atDepth: 15) / 1000) < 1e-4)
    }
    #expect(scenario.landingApproaches.map(\.landing) == ["West", "East"])
    // The dry stretch becomes a land section; DA reaches 50 m of water 250 m further out.
    #expect(abs(scenario.landSectionKm - 2 * 0.150) < 1e-4)
    #expect(scenario.rows.first?.cableType == .land)
    let daToday = today.cableTypes.first { $0.cableType == .doubleArmour }!.routeKm
    let daScenario = scenario.cableTypes.first { $0.cableType == .doubleArmour }!.routeKm
    #expect(abs(daToday - 2 * basin.kpM(atDepth: 50) / 1000) < 1e-4)
    #expect(abs(daScenario - 2 * (basin.kpM(atDepth: 55) - basin.kpM(atDepth: 5)) / 1000) < 1e-4)
    // Burial now reaches 250 m further into the deep middle at each end, minus the land section.
    #expect(abs(scenario.buriedKm - today.buriedKm - (2 * 0.250 - 2 * 0.150)) < 1e-4)
    #expect(scenario.warnings.contains { $0.kind == .drySection && $0.fromKpKm == 0 })
    // The comparison carries the same figures.
    let dry = try #require(comparison.figures.first { $0.figure == "dry (land section) at West" })
    #expect(dry.today == 0 && abs(dry.change - 0.150) < 1e-4)
    let cost = try #require(comparison.figures.first { $0.figure == "cost" })
    #expect(cost.today == today.costUSD && cost.scenario == scenario.costUSD)
    #expect(comparison.todaySurfaceM == -29.35 && comparison.scenarioSurfaceM == -34.35)
  }

  @Test func shiftedDepthAddsTheChangeOfLevel() {
    let shifted = SeaLevelShiftedDepth(base: VBasin(), surfaceChangeM: -5)
    #expect(shifted.depthMetres(at: VBasin.start) == -3)
    #expect(SeaLevelShiftedDepth(base: NoDepth(), surfaceChangeM: -5).depthMetres(at: VBasin.start) == nil)
  }
}
