import CaspianSchedule
import Foundation
import Testing

/// The bundled plan replays the public record (dates and sources in Geodata/plan.updates.jsonl).
@Suite struct DefaultPlanTests {
  let loaded: (Plan, UpdateHistory)
  init() throws { loaded = try Fixture.load(Fixture.bundledPlan) }

  func status(_ date: String) throws -> ScheduleStatus {
    try Schedule.status(plan: loaded.0, history: loaded.1, asOf: day(date))
  }

  @Test func planCarriesSourcesAndMarksAssumptions() {
    let plan = loaded.0
    #expect(plan.deadline == day("2026-12-31"))
    #expect(plan.routeLengthKm == 380)
    for id in [
      "CONTRACT", "DESK", "SURVEY", "RTE", "HEARING", "PERMIT", "MANUF", "CHARTER", "VESSEL",
      "SHORE-AKT", "SHORE-SUM", "LAY", "BURIAL", "TEST", "COMM", "RFS",
    ] {
      #expect(plan.activity(id) != nil, "\(id)")
    }
    // Everything planned after the last public record (2026-02-24) is marked as assumed.
    for activity in plan.activities where activity.baselineFinish > day("2026-02-24") {
      #expect(activity.assumption != nil, "\(activity.id)")
    }
    for activity in plan.activities where activity.assumption == nil {
      #expect(activity.source != nil, "\(activity.id)")
    }
    // No actual after the last public record.
    #expect(loaded.1.records.allSatisfy { $0.recorded <= day("2026-02-24") })
  }

  @Test func surveyUnderWayOnFirstOfSeptember2025() throws {
    let status = try status("2025-09-01")
    let survey = try #require(status.activity("SURVEY"))
    #expect(survey.state == .inProgress)
    #expect(survey.actualStart == day("2025-08-06"))
    #expect(status.activity("DESK")!.state == .done)
    #expect(status.activity("DESK")!.actualFinish == day("2025-05-23"))
    #expect(status.activity("RTE")!.state == .notStarted)
    #expect(status.activity("MANUF")!.state == .notStarted)
    #expect(status.forecastFinish == day("2026-11-30"))
    #expect(status.marginDays == 31)
  }

  @Test func manufacturingCompleteAheadOfPlanOn24February2026() throws {
    let status = try status("2026-02-24")
    let manufacturing = try #require(status.activity("MANUF"))
    #expect(manufacturing.state == .done)
    #expect(manufacturing.actualFinish == day("2026-02-24"))
    #expect(manufacturing.slipDays == -96)  // about three months early vs May 2026
    #expect(status.activity("PERMIT")!.state == .done)
    #expect(status.activity("CHARTER")!.state == .done)
    #expect(status.activity("VESSEL")!.state == .inProgress)
    #expect(status.activity("LAY")!.state == .notStarted)
    #expect(status.forecastFinish == day("2026-11-30"))
    #expect(status.marginDays == 31)
    #expect(status.criticalPath.contains("LAY"))
    #expect(status.spi! > 1)
    // The day before, manufacturing was still in progress.
    #expect(try self.status("2026-02-23").activity("MANUF")!.state == .inProgress)
  }

  @Test func trendShowsTheReadyForServiceForecastsOfTheRecord() throws {
    let trend = try Schedule.trend(plan: loaded.0, history: loaded.1, asOf: day("2026-11-28"))
    let rfs = try #require(trend.first { $0.activity.id == "RFS" })
    #expect(rfs.points.allSatisfy { $0.kind == .stated })
    #expect(
      rfs.points.map(\.finish.description) == [
        "2021-12-31", "2024-12-31", "2025-12-31", "2026-12-31", "2026-12-31", "2026-09-30", "2026-12-31",
      ])
    #expect(rfs.points.map(\.moveDays) == [nil, 1096, 365, 365, 0, -92, 92])
    #expect(rfs.points.first!.computedFinish == nil)  // before the plan starts
    let manufacturing = try #require(trend.first { $0.activity.id == "MANUF" })
    #expect(manufacturing.points.last!.kind == .actual)
    #expect(manufacturing.points.last!.finish == day("2026-02-24"))
  }
}
