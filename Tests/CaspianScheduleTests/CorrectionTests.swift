import CaspianSchedule
import Foundation
import Testing

/// Record ids, corrections and voids, the KP tolerance, the percent basis, the progress summary
/// and the computed trend.
@Suite struct CorrectionTests {
  static let lay = Fixture.url("lay.yaml")

  static func history(_ records: [ProgressUpdate]) -> UpdateHistory {
    UpdateHistory(
      file: "log",
      records: records.enumerated().map { index, record in
        var copy = record
        copy.line = index + 1
        return copy
      })
  }

  static let start = ProgressUpdate(recorded: day("2026-06-01"), id: "LAY", actualStart: day("2026-06-01"))

  @Test func recordIDsAreThePlaceInTheLog() {
    #expect(UpdateHistory.recordID(0) == "R1")
    #expect(UpdateHistory.recordIndex("R12") == 11)
    for bad in ["R0", "r1", "R", "R01", "12", "R1x"] {
      #expect(UpdateHistory.recordIndex(bad) == nil, "\(bad)")
    }
  }

  @Test func aCorrectionTakesThePlaceOfTheRecordItCorrects() throws {
    let plan = try PlanParser.read(from: Self.lay)
    let wrong = ProgressUpdate(recorded: day("2026-06-05"), id: "LAY", kp: 50)
    var fix = ProgressUpdate(recorded: day("2026-06-05"), id: "LAY", kp: 20, entered: day("2026-06-09"))
    fix.corrects = "R2"
    let later = ProgressUpdate(recorded: day("2026-06-08"), id: "LAY", kp: 32)
    // Without the correction, KP 32 after KP 50 is refused ...
    #expect(throws: ScheduleError.self) {
      try Self.history([Self.start, wrong, later]).validate(against: plan)
    }
    // ... with it, the schedule is as if 20 had been recorded on 06-05.
    let corrected = Self.history([Self.start, wrong, fix, later])
    try corrected.validate(against: plan)
    #expect(try corrected.supersededBy() == [nil, 2, nil, nil])
    let asOf5 = try Schedule.status(plan: plan, history: corrected, asOf: day("2026-06-05"))
    #expect(asOf5.activity("LAY")!.kp == 20)
    #expect(asOf5.activity("LAY")!.forecastFinish == day("2026-06-25"))  // 4 km/day
    let asOf8 = try Schedule.status(plan: plan, history: corrected, asOf: day("2026-06-08"))
    #expect(asOf8.activity("LAY")!.kp == 32)
  }

  @Test func aVoidCancelsAndVoidingTheVoidRestores() throws {
    let plan = try PlanParser.read(from: Self.lay)
    let kp = ProgressUpdate(recorded: day("2026-06-05"), id: "LAY", kp: 50)
    var void = ProgressUpdate(recorded: day("2026-06-05"), id: "LAY")
    void.voids = "R2"
    let voided = Self.history([Self.start, kp, void])
    #expect(
      try Schedule.status(plan: plan, history: voided, asOf: day("2026-06-05")).activity("LAY")!.kp == nil)
    var undo = ProgressUpdate(recorded: day("2026-06-05"), id: "LAY")
    undo.voids = "R3"
    let restored = Self.history([Self.start, kp, void, undo])
    #expect(try restored.supersededBy() == [nil, nil, 3, nil])
    #expect(
      try Schedule.status(plan: plan, history: restored, asOf: day("2026-06-05")).activity("LAY")!.kp == 50)
  }

  @Test func badReferencesAreRefused() throws {
    let plan = try PlanParser.read(from: Self.lay)
    let kp = ProgressUpdate(recorded: day("2026-06-05"), id: "LAY", kp: 50)
    func refused(_ record: ProgressUpdate, _ message: String, extra: [ProgressUpdate] = []) {
      #expect {
        try Self.history([Self.start, kp] + extra + [record]).validate(against: plan)
      } throws: { "\($0)".contains(message) }
    }
    var later = ProgressUpdate(recorded: day("2026-06-05"), id: "LAY", kp: 40)
    later.corrects = "R9"
    refused(later, "R9 is not an earlier record")
    var otherDay = ProgressUpdate(recorded: day("2026-06-06"), id: "LAY", kp: 40)
    otherDay.corrects = "R2"
    refused(otherDay, "R2 is a record of LAY on 2026-06-05, not of LAY on 2026-06-06")
    var first = ProgressUpdate(recorded: day("2026-06-05"), id: "LAY", kp: 40)
    first.corrects = "R2"
    var second = first
    second.kp = 30
    refused(second, "log:4: LAY: R2 is already superseded by R3", extra: [first])
    // A void that is itself voided still has its reference checked (found by fuzzing: a bad
    // reference behind a superseded void crashed the replay).
    var badVoid = ProgressUpdate(recorded: day("2026-06-05"), id: "LAY")
    badVoid.voids = "R9"
    var voidOfVoid = ProgressUpdate(recorded: day("2026-06-05"), id: "LAY")
    voidOfVoid.voids = "R3"
    refused(voidOfVoid, "log:3: LAY: R9 is not an earlier record", extra: [badVoid])
  }

  @Test func correctionsReadBackFromTheLog() throws {
    let text = """
      {"recorded":"2026-06-01","id":"LAY","actualStart":"2026-06-01"}
      {"recorded":"2026-06-05","id":"LAY","kp":50}
      {"recorded":"2026-06-05","id":"LAY","kp":20,"corrects":"R2","entered":"2026-06-09"}

      """
    let history = try UpdateLog.parse(Data(text.utf8), file: "log")
    #expect(history.records[2].corrects == "R2")
    #expect(history.records[2].entered == day("2026-06-09"))
    #expect(history.records[2].jsonLine.contains(#""corrects":"R2""#))
    #expect {
      try UpdateLog.parse(Data(#"{"recorded":"2026-06-05","id":"LAY","voids":"2"}"#.utf8), file: "log")
    } throws: { "\($0)" == "log:1: voids: '2' is not a record id (R1, R2, ...)" }
  }

  @Test func thePrintedRouteLengthCompletesTheLay() throws {
    let plan = try PlanParser.read(from: Self.lay).withRoute(
      name: "selected", lengthKm: 99.999_6, source: "test")
    #expect(Plan.printedKm(99.999_6) == "100.000")
    for printed in [100.0, 99.9996, 99.9992] {
      let history = Self.history([
        Self.start,
        ProgressUpdate(
          recorded: day("2026-06-20"), id: "LAY", actualFinish: day("2026-06-20"), kp: printed),
      ])
      let status = try Schedule.status(plan: plan, history: history, asOf: day("2026-06-20"))
      #expect(status.activity("LAY")!.percentComplete == 100, "\(printed)")
      #expect(abs(status.cableLaidKm! - 99.999_6) < 1e-9)
    }
    #expect {
      try Self.history([Self.start, ProgressUpdate(recorded: day("2026-06-20"), id: "LAY", kp: 100.001)])
        .validate(against: plan)
    } throws: { "\($0)".contains("outside the planned route (0 to 100.000 km)") }
  }

  @Test func withoutAReportOnlyDurationActivitiesEarn() throws {
    let plan = try PlanParser.read(from: Fixture.url("small.yaml"))
    let history = Self.history([
      ProgressUpdate(recorded: day("2026-01-01"), id: "A", actualStart: day("2026-01-01")),
      ProgressUpdate(recorded: day("2026-01-11"), id: "B", actualStart: day("2026-01-11")),
    ])
    let status = try Schedule.status(plan: plan, history: history, asOf: day("2026-01-12"))
    // A has `progress: duration`: 12 elapsed days of its forecast 13 (it runs past as-of to 01-13).
    // B reports nothing and earns nothing.
    #expect(status.activity("A")!.percentBasis == .elapsed)
    #expect(abs(status.activity("A")!.percentComplete - 100 * 12 / 13) < 1e-9)
    #expect(status.activity("B")!.percentBasis == .unreported)
    #expect(status.activity("B")!.percentComplete == 0)
    #expect(plan.activity("B")!.progress == .reported)
  }

  @Test func progressSummarySortsLateAndAtRisk() throws {
    let plan = try PlanParser.read(from: Fixture.url("small.yaml"))
    let status = try Schedule.status(
      plan: plan, history: UpdateHistory(file: "none", records: []), asOf: day("2026-01-20"))
    let summary = ProgressSummary(status, riskDays: 30)
    // Nothing started by 01-20: every open activity is forecast after its baseline.
    #expect(summary.late.map(\.activity.id) == ["A", "B", "C", "D"])
    #expect(summary.atRisk.isEmpty)
    #expect(summary.done.isEmpty)
    let early = try Schedule.status(
      plan: plan, history: UpdateHistory(file: "none", records: []), asOf: day("2025-12-01"))
    let risk = ProgressSummary(early, riskDays: 5)
    #expect(risk.late.isEmpty)
    // Float 4 days on the critical path A, C, D (deadline 01-20, finish 01-16): at risk under 5.
    #expect(risk.atRisk.map(\.activity.id) == ["A", "C", "D"])
  }

  @Test func trendHasTheComputedForecastOnEveryRecordDate() throws {
    let plan = try PlanParser.read(from: Self.lay)
    let history = Self.history([
      Self.start,
      ProgressUpdate(recorded: day("2026-06-05"), id: "LAY", kp: 20),
      ProgressUpdate(recorded: day("2026-06-10"), id: "LAY", kp: 30),
    ])
    let trend = try Schedule.trend(plan: plan, history: history, asOf: day("2026-06-10"))
    let lay = try #require(trend.first { $0.activity.id == "LAY" })
    // No recorded finish at all, but the KP-driven forecast moves: 06-30 (baseline duration),
    // 06-25 (4 km/day), 07-04 (3 km/day: 70 km left, 24 days after 06-10).
    #expect(lay.points.isEmpty)
    #expect(lay.computed.map(\.finish) == [day("2026-06-30"), day("2026-06-25"), day("2026-07-04")])
    #expect(lay.computed.map(\.moveDays) == [nil, -5, 9])
    let rfs = try #require(trend.first { $0.activity.id == "RFS" })
    #expect(rfs.computed.map(\.finish).last == day("2026-07-04"))  // reached at the end of the lay's last day
  }
}
