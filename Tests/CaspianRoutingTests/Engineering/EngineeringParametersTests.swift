import Foundation
import Testing

@testable import CaspianRouting

@Suite struct EngineeringParametersTests {
  @Test func overridesReplaceOnlyTheGivenMembers() throws {
    let json = #"{"burial": {"maxWaterDepthM": 200}, "cost": {"crossingUSD": 1e6}}"#
    let p = try EngineeringParameters.overriding(with: Data(json.utf8), source: "eng.json")
    #expect(p.burial.maxWaterDepthM == 200)
    #expect(p.cost.crossingUSD == 1_000_000)
    #expect(p.burial.targetDepthM == EngineeringParameters.defaults.burial.targetDepthM)
    #expect(p.armour == EngineeringParameters.defaults.armour)
  }

  @Test func unknownMemberIsNamed() {
    let json = #"{"burial": {"maxDepth": 200}}"#
    #expect(throws: EngineeringError(source: "eng.json", message: "unknown member \"burial.maxDepth\"")) {
      try EngineeringParameters.overriding(with: Data(json.utf8), source: "eng.json")
    }
  }

  @Test func nonNumbersAndBadRangesAreRejected() {
    #expect(throws: EngineeringError(source: "e.json", message: "\"lay.weatherFactor\" must be a number")) {
      try EngineeringParameters.overriding(
        with: Data(#"{"lay": {"weatherFactor": "high"}}"#.utf8), source: "e.json")
    }
    #expect(throws: EngineeringError.self) {
      try EngineeringParameters.overriding(
        with: Data(#"{"armour": {"doubleArmourMaxDepthM": 2000}}"#.utf8), source: "e.json")
    }
    #expect(throws: EngineeringError(source: "e.json", message: "not valid JSON")) {
      try EngineeringParameters.overriding(with: Data("{".utf8), source: "e.json")
    }
  }

  @Test func defaultsRoundTripThroughJSON() throws {
    let data = try JSONEncoder().encode(EngineeringParameters.defaults)
    #expect(try EngineeringParameters.overriding(with: data, source: "d.json") == .defaults)
  }

  @Test func groupedThousands() {
    #expect(CaspianRouting.groupedThousands(1_234_567.4) == "1,234,567")
    #expect(CaspianRouting.groupedThousands(999) == "999")
    #expect(CaspianRouting.groupedThousands(-45_000) == "-45,000")
  }
}
