import Testing

@testable import CaspianEngineering

@Suite struct ArmourBurialCostTests {
  /// A 100 km route with one crossing at KP 40 km, under the default bands.
  let rules = ArmourBurialRules(parameters: .defaults, routeLengthM: 100_000, crossingKpsM: [40_000])

  @Test(arguments: [
    // KP m, depth m, expected type, expected burial m
    (500.0, 200.0, CableType.doubleArmour, 1.0 as Double?),  // within 1 km of the landing
    (99_500, 200, .doubleArmour, 1.0),  // within 1 km of the far landing
    (5_000, 49.9, .doubleArmour, 1.0),  // shallower than 50 m
    (5_000, 50, .singleArmour, 1.0),
    (5_000, 1000, .singleArmour, 1.0),  // buried to 1000 m of water
    (5_000, 1000.1, .lightweightProtected, nil),
    (40_400, 1200, .lightweightProtected, 2.0),  // crossing zone: 2 m even in deep water
    (40_600, 300, .singleArmour, 1.0),  // outside the 500 m zone
    (5_000, 0, .land, 1.0),  // above the water surface
    (5_000, -3, .land, 1.0),
  ])
  func depthBands(kpM: Double, depth: Double, type: CableType, burial: Double?) {
    #expect(rules.spec(kpM: kpM, depthM: depth) == SectionSpec(cableType: type, burialDepthM: burial))
  }

  @Test func unknownDepthIsTreatedAsBuriedShelf() {
    #expect(rules.spec(kpM: 5_000, depthM: nil) == SectionSpec(cableType: .singleArmour, burialDepthM: 1.0))
  }

  /// (20/200 + 90/10 + 2 × 1 + 2 × 2) days × 1.3 = 19.63 lay days; cost 10 × 45 000 +
  /// 100 × 27 000 + 19.63 × 90 000 + 2 × 250 000 + 2 × 750 000 = 6 916 700 USD.
  @Test func estimateFromTheDocumentedRates() {
    let estimate = CostEstimate(
      cableKm: [.doubleArmour: 10, .singleArmour: 100], surfaceLayKm: 20, buriedKm: 90, crossings: 2,
      shoreEnds: 2, parameters: .defaults)
    #expect(abs(estimate.layDays - 19.63) < 1e-9)
    #expect(abs(estimate.totalUSD - 6_916_700) < 1e-6)
    #expect(estimate.costLines.map(\.item).first == "DA cable supply")
  }
}
