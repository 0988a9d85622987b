import CaspianSchedule
import Testing

/// The small fixture, computed by hand (inclusive dates; deadline 2026-01-20):
///
///     A 01-01..01-10 (10 d)  B after A: 01-11..01-15 (5 d)  C after A + 3 d: 01-14..01-16 (3 d)
///     D milestone after B and C: 01-16
///
/// Backward from the deadline (late finish 01-20): D float 4; C late finish 01-20, float 4;
/// B float 5; A late finish = min(B late start 01-16 - 1, C late start 01-18 - 3 - 1) = 01-14,
/// float 4. Critical: A, C, D. Margin 4 days.
@Suite struct CPMTests {
  let small = Fixture.url("small.yaml")

  @Test func plannedScheduleFloatAndCriticalPath() throws {
    let (plan, history) = try Fixture.load(small)
    let status = try Schedule.status(plan: plan, history: history, asOf: day("2025-12-31"))
    let expected: [String: (String, String, Int, Bool)] = [
      "A": ("2026-01-01", "2026-01-10", 4, true), "B": ("2026-01-11", "2026-01-15", 5, false),
      "C": ("2026-01-14", "2026-01-16", 4, true), "D": ("2026-01-16", "2026-01-16", 4, true),
    ]
    for (id, (start, finish, float, critical)) in expected {
      let item = try #require(status.activity(id))
      #expect(item.forecastStart == day(start), "\(id)")
      #expect(item.forecastFinish == day(finish), "\(id)")
      #expect(item.totalFloatDays == float, "\(id)")
      #expect(item.critical == critical, "\(id)")
      #expect(item.slipDays == 0, "\(id)")
    }
    #expect(status.criticalPath == ["A", "C", "D"])
    #expect(status.forecastFinish == day("2026-01-16"))
    #expect(status.marginDays == 4)
    #expect(status.percentComplete == 0)
    #expect(status.plannedPercent == 0)
    #expect(status.spi == nil)
  }

  /// As of 01-05, A is in progress (40 %) and forecast to finish on 01-12: B moves to
  /// 01-13..01-17, C to 01-16..01-18 (lag 3), D to 01-18 (slip 2, margin 2). A's float:
  /// late finish min(B 01-16 - 1... ) recomputed: C late start 01-18, minus lag 3 → A late finish
  /// 01-14, A forecast 01-12 → float 2.
  @Test func actualsAndForecastsDriveTheForwardPass() throws {
    let (plan, history) = try Fixture.load(small)
    let status = try Schedule.status(plan: plan, history: history, asOf: day("2026-01-05"))
    let a = try #require(status.activity("A"))
    #expect(a.state == .inProgress)
    #expect(a.forecastFinish == day("2026-01-12"))
    #expect(a.slipDays == 2)
    #expect(a.totalFloatDays == 2)
    #expect(status.activity("B")!.forecastStart == day("2026-01-13"))
    #expect(status.activity("B")!.forecastFinish == day("2026-01-17"))
    #expect(status.activity("C")!.forecastStart == day("2026-01-16"))
    #expect(status.activity("C")!.forecastFinish == day("2026-01-18"))
    #expect(status.activity("D")!.forecastFinish == day("2026-01-18"))
    #expect(status.marginDays == 2)
    #expect(status.criticalPath == ["A", "C", "D"])
    // Earned: 10 × 40 % of weight 20 = 20 %; planned: A 5 of 10 days = 50 % → 25 %; SPI 0.8.
    #expect(abs(status.percentComplete - 20) < 1e-9)
    #expect(abs(status.plannedPercent - 25) < 1e-9)
    #expect(abs(status.spi! - 0.8) < 1e-9)
  }

  @Test func replayIgnoresLaterRecords() throws {
    let (plan, history) = try Fixture.load(small)
    let before = try Schedule.status(plan: plan, history: history, asOf: day("2026-01-04"))
    let a = try #require(before.activity("A"))
    #expect(a.state == .inProgress)
    #expect(a.forecastFinish == day("2026-01-10"))  // baseline duration from the actual start
    #expect(a.percentBasis == .elapsed)
    #expect(abs(a.percentComplete - 40) < 1e-9)  // 4 of 10 days
    #expect(before.lastRecorded == day("2026-01-01"))
    let none = try Schedule.status(plan: plan, history: history, asOf: day("2025-12-31"))
    #expect(none.activity("A")!.state == .notStarted)
    #expect(none.lastRecorded == nil)
  }

  @Test func unrecordedWorkMovesToTheDayAfterAsOf() throws {
    let plan = try PlanParser.read(from: small)
    let empty = UpdateHistory(file: "none", records: [])
    let status = try Schedule.status(plan: plan, history: empty, asOf: day("2026-01-20"))
    // Nothing started by the end of 01-20: A runs 01-21..01-30, B 01-31..02-04, C 02-03..02-05.
    #expect(status.activity("A")!.forecastStart == day("2026-01-21"))
    #expect(status.activity("C")!.forecastFinish == day("2026-02-05"))
    #expect(status.forecastFinish == day("2026-02-05"))
    #expect(status.marginDays == -16)
    #expect(status.activity("D")!.slipDays == 20)
    #expect(status.activity("A")!.totalFloatDays == -16)
  }

  @Test func recordedPercentLeavesTheRemainingShareOfTheBaseline() throws {
    let plan = try PlanParser.read(from: small)
    let history = UpdateHistory(
      file: "log",
      records: [
        ProgressUpdate(recorded: day("2026-01-01"), id: "A", actualStart: day("2026-01-01")),
        ProgressUpdate(recorded: day("2026-01-05"), id: "A", percentComplete: 40),
      ])
    let status = try Schedule.status(plan: plan, history: history, asOf: day("2026-01-05"))
    // 60 % of 10 days = 6 days from 01-06: finish 01-11.
    #expect(status.activity("A")!.forecastFinish == day("2026-01-11"))
    #expect(status.activity("A")!.percentBasis == .recorded)
  }

  @Test func donePredecessorsFixTheirDates() throws {
    let plan = try PlanParser.read(from: small)
    let history = UpdateHistory(
      file: "log",
      records: [
        ProgressUpdate(
          recorded: day("2026-01-08"), id: "A", actualStart: day("2026-01-01"),
          actualFinish: day("2026-01-08"))
      ])
    let status = try Schedule.status(plan: plan, history: history, asOf: day("2026-01-08"))
    let a = try #require(status.activity("A"))
    #expect(a.state == .done)
    #expect(a.slipDays == -2)
    #expect(a.totalFloatDays == nil)
    #expect(!a.critical)
    // Successors keep their baseline start (no earlier than planned): B 01-11, C 01-14.
    #expect(status.activity("B")!.forecastStart == day("2026-01-11"))
    #expect(status.activity("C")!.forecastStart == day("2026-01-14"))
    #expect(status.criticalPath == ["C", "D"])
  }

  @Test func layForecastFollowsTheLayRate() throws {
    let plan = try PlanParser.read(from: Fixture.url("lay.yaml"))
    let history = UpdateHistory(
      file: "log",
      records: [
        ProgressUpdate(recorded: day("2026-06-01"), id: "LAY", actualStart: day("2026-06-01")),
        ProgressUpdate(recorded: day("2026-06-05"), id: "LAY", kp: 20),
      ])
    let status = try Schedule.status(plan: plan, history: history, asOf: day("2026-06-05"))
    let lay = try #require(status.activity("LAY"))
    // 20 km in 5 days = 4 km/day; 80 km left = 20 days after 06-05.
    #expect(lay.forecastFinish == day("2026-06-25"))
    #expect(lay.percentComplete == 20)
    #expect(lay.percentBasis == .kp)
    #expect(status.cableLaidKm == 20)
    // Planned dates are "no earlier than": RFS stays on its baseline day; the early lay shows as
    // float (RFS late finish 07-31: LAY float 36 days, RFS float 31).
    #expect(status.forecastFinish == day("2026-06-30"))
    #expect(status.marginDays == 31)
    #expect(lay.totalFloatDays == 36)
  }
}
