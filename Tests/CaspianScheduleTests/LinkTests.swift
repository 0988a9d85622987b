import CaspianSchedule
import Testing

/// Start-to-start and finish-to-finish links, computed by hand (inclusive dates; deadline 01-20):
///
///     A 01-01..01-10 (10 d)   B SS+3 after A: 01-04..01-18 (15 d)   C FF+2 after A: 01-09..01-12 (4 d)
///     M milestone after B and C: 01-18
@Suite struct LinkTests {
  static let yaml = """
    project: Links
    deadline: 2026-01-20
    finish: M
    activities:
      - {id: A, name: A, baselineStart: 2026-01-01, baselineFinish: 2026-01-10, weight: 1}
      - id: B
        name: B
        baselineStart: 2026-01-04
        baselineFinish: 2026-01-18
        weight: 1
        dependsOn: [{id: A, type: SS, lagDays: 3}]
      - id: C
        name: C
        baselineStart: 2026-01-09
        baselineFinish: 2026-01-12
        weight: 1
        dependsOn: [{id: A, type: FF, lagDays: 2}]
      - {id: M, name: M, milestone: true, baselineFinish: 2026-01-18, dependsOn: [B, C]}
    """

  /// Nothing started: the baseline. Backward from 01-20: M and B float 2; A's late finish through
  /// SS is B's late start 01-06 − 3 + 10 days = 01-12 (float 2; through FF it would be 01-18, float
  /// 8); C float 8. Critical: A, B, M.
  @Test func plannedScheduleWithStartToStartAndFinishToFinish() throws {
    let plan = try PlanParser.parse(Self.yaml, file: "links.yaml")
    let status = try Schedule.status(
      plan: plan, history: UpdateHistory(file: "none", records: []), asOf: day("2025-12-31"))
    let expected: [String: (String, String, Int)] = [
      "A": ("2026-01-01", "2026-01-10", 2), "B": ("2026-01-04", "2026-01-18", 2),
      "C": ("2026-01-09", "2026-01-12", 8), "M": ("2026-01-18", "2026-01-18", 2),
    ]
    for (id, (start, finish, float)) in expected {
      let item = try #require(status.activity(id))
      #expect(item.forecastStart == day(start), "\(id)")
      #expect(item.forecastFinish == day(finish), "\(id)")
      #expect(item.totalFloatDays == float, "\(id)")
    }
    #expect(status.criticalPath == ["A", "B", "M"])
  }

  /// As of 01-05, A (started 01-01) is forecast to finish 01-15. B waits for the data date:
  /// 01-06..01-20 (SS is met). C must finish 2 days after A: it moves whole to 01-14..01-17. M on
  /// 01-20, margin 0. A is started, so SS no longer constrains it; through FF its late finish is
  /// C's 01-20 − 2 = 01-18: float 3. Critical: B, M.
  @Test func delayedPredecessorMovesTheFinishToFinishSuccessor() throws {
    let plan = try PlanParser.parse(Self.yaml, file: "links.yaml")
    let history = UpdateHistory(
      file: "log",
      records: [
        ProgressUpdate(recorded: day("2026-01-01"), id: "A", actualStart: day("2026-01-01")),
        ProgressUpdate(recorded: day("2026-01-05"), id: "A", forecastFinish: day("2026-01-15")),
      ])
    let status = try Schedule.status(plan: plan, history: history, asOf: day("2026-01-05"))
    #expect(status.activity("B")!.forecastStart == day("2026-01-06"))
    #expect(status.activity("B")!.forecastFinish == day("2026-01-20"))
    #expect(status.activity("C")!.forecastStart == day("2026-01-14"))
    #expect(status.activity("C")!.forecastFinish == day("2026-01-17"))
    #expect(status.forecastFinish == day("2026-01-20"))
    #expect(status.marginDays == 0)
    #expect(status.activity("A")!.totalFloatDays == 3)
    #expect(status.activity("C")!.totalFloatDays == 3)
    #expect(status.criticalPath == ["B", "M"])
  }

  @Test func baselinesMustRespectStartToStartAndFinishToFinish() {
    #expect {
      try PlanParser.parse(
        Self.yaml.replacingOccurrences(of: "baselineStart: 2026-01-04", with: "baselineStart: 2026-01-03"),
        file: "links.yaml")
    } throws: {
      "\($0)"
        == "links.yaml:11: activity B: baseline start 2026-01-03 is before A starts (2026-01-01, start-to-start, lag 3 days)"
    }
    #expect {
      try PlanParser.parse(
        Self.yaml.replacingOccurrences(of: "baselineFinish: 2026-01-12", with: "baselineFinish: 2026-01-11"),
        file: "links.yaml")
    } throws: {
      "\($0)"
        == "links.yaml:17: activity C: baseline finish 2026-01-11 is before A finishes (2026-01-10, finish-to-finish, lag 2 days)"
    }
    #expect {
      try PlanParser.parse(
        Self.yaml.replacingOccurrences(of: "type: SS", with: "type: XS"), file: "links.yaml")
    } throws: { "\($0)" == "links.yaml:11: activity B: dependency type 'XS' is not FS, SS or FF" }
  }
}
