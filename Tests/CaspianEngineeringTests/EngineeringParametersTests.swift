import CaspianSupport
import Foundation
import Testing

@testable import CaspianEngineering

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
    #expect(throws: FileError(file: "eng.json", problem: "unknown member \"burial.maxDepth\"")) {
      try EngineeringParameters.overriding(with: Data(json.utf8), source: "eng.json")
    }
  }

  @Test func nonNumbersAndBadRangesAreRejected() {
    #expect(throws: FileError(file: "e.json", problem: "\"lay.weatherFactor\" must be a number")) {
      try EngineeringParameters.overriding(
        with: Data(#"{"lay": {"weatherFactor": "high"}}"#.utf8), source: "e.json")
    }
    #expect(throws: FileError.self) {
      try EngineeringParameters.overriding(
        with: Data(#"{"armour": {"doubleArmourMaxDepthM": 2000}}"#.utf8), source: "e.json")
    }
    #expect {
      try EngineeringParameters.overriding(with: Data("{".utf8), source: "e.json")
    } throws: { error in
      (error as? FileError)?.problem.hasPrefix("not valid JSON: line 1, column 2: ") == true
    }
  }

  @Test(
    "Every figure has a documented range; out of range is refused where the file is read",
    arguments: [
      (
        #"{"cost": {"vesselSpreadUSDPerDay": 1e308}}"#,
        "cost.vesselSpreadUSDPerDay must be between 0 and 10000000 USD/day, got 1e+308"
      ),
      (
        #"{"lay": {"ploughKmPerDay": 1e-300}}"#,
        "lay.ploughKmPerDay must be between 0.1 and 500 km/day, got 1e-300"
      ),
      (
        #"{"landing": {"shoreEndAllowanceM": 1e12}}"#,
        "landing.shoreEndAllowanceM must be between 0 and 20000 m, got 1000000000000"
      ),
      (#"{"slack": {"buriedPercent": 1000}}"#, "slack.buriedPercent must be between 0 and 50 %, got 1000"),
      (
        #"{"profile": {"sampleSpacingM": 0.0001}}"#,
        "profile.sampleSpacingM must be between 10 and 5000 m, got 0.0001"
      ),
      (
        #"{"slack": {"buriedPercent": 1}, "slack": {"loopRiskPercent": 9}}"#,
        #"line 1, column 33: duplicate key "slack" in one object"#
      ),
    ])
  func outOfRangeFiguresAreRefused(json: String, message: String) {
    #expect(throws: FileError(file: "e.json", problem: message)) {
      try EngineeringParameters.overriding(with: Data(json.utf8), source: "e.json")
    }
  }

  @Test func everyFigureHasALimitAndTheDefaultsAreInside() throws {
    let figures = EngineeringParameters.defaults.keyValues
    #expect(figures.count == 36)
    for (key, value) in figures {
      #expect(Limits.named(key).problem(value) == nil, "\(key)")
    }
  }

  @Test func defaultsRoundTripThroughJSON() throws {
    let data = try JSONEncoder().encode(EngineeringParameters.defaults)
    #expect(try EngineeringParameters.overriding(with: data, source: "d.json") == .defaults)
  }
}
