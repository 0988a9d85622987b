import CaspianSchedule
import Foundation
import Testing

/// The risk analysis against hand-computed cases. A duration d = round(X) of a triangular
/// X ~ Tri(10, 11, 20) has P(d ≤ k) = F(k + 0.5) with F(x) = (x − 10)²/10 below 11 and
/// 1 − (20 − x)²/90 above: F(10.5) = 0.025, F(11.5) = 0.197, F(12.5) = 0.375, F(13.5) = 0.531,
/// F(14.5) = 0.664, F(15.5) = 0.775, F(16.5) = 0.864, F(17.5) = 0.931. So P10 = 11, P50 = 13,
/// P80 = 16, P90 = 17 days (each at least 0.025 away from the next day's probability, about 7
/// standard errors at 20,000 iterations); the mean is (10 + 11 + 20) / 3 = 13.67 days.
@Suite struct RiskTests {
  static let triangle = "{optimistic: 10, likely: 11, pessimistic: 20}"
  static let none = UpdateHistory(file: "none", records: [])

  /// A plan starting 2026-01-01 with the given activities (baseline 10 days, 01-01..01-10), finish
  /// milestone M after `finishAfter` (baseline 01-10, so it never waits for its baseline).
  static func plan(_ activities: String, finishAfter: String, extra: String = "") throws -> Plan {
    try PlanParser.parse(
      """
      project: Risk test
      deadline: 2026-01-13
      finish: M
      activities:
      \(activities)
        - {id: M, name: Finish, milestone: true, baselineFinish: 2026-01-10, dependsOn: [\(finishAfter)]}
      \(extra)
      """, file: "risk.yaml")
  }

  static func task(_ id: String, duration: String, more: String = "") -> String {
    "  - {id: \(id), name: \(id), baselineStart: 2026-01-01, baselineFinish: 2026-01-10, weight: 1, duration: \(duration)\(more)}"
  }

  static func run(_ plan: Plan, iterations: Int = 20_000, seed: UInt64 = 1, cores: Int = 2) async throws
    -> RiskResult
  {
    try await RiskAnalysis.run(
      plan: plan, history: none, asOf: day("2025-12-31"), iterations: iterations, seed: seed, cores: cores)
  }

  @Test func singleTriangularActivityHasTheTriangularPercentiles() async throws {
    let result = try await Self.run(try Self.plan(Self.task("A", duration: Self.triangle), finishAfter: "A"))
    // Finish = 01-01 + d − 1.
    #expect(result.p10 == day("2026-01-11"))
    #expect(result.p50 == day("2026-01-13"))
    #expect(result.p80 == day("2026-01-16"))
    #expect(result.p90 == day("2026-01-17"))
    #expect(result.mean == day("2026-01-14"))  // 01-01 + 12.67 days
    #expect(abs(result.onTimeProbability - 0.531) < 0.015)  // P(d ≤ 13), deadline 01-13
    #expect(result.deterministicFinish == day("2026-01-10"))
    let a = try #require(result.activities.first { $0.id == "A" })
    #expect(a.p50Finish == day("2026-01-13"))
    #expect(a.p80Finish == day("2026-01-16"))
    // The finish is a monotone function of A's duration: rank correlation 1, always critical.
    #expect(abs(a.sensitivity - 1) < 1e-12)
    #expect(a.criticality == 1)
  }

  /// Two such activities in parallel: P(max ≤ k) = F(k + 0.5)²: 0.441 at 14, 0.601 at 15, so the
  /// P50 of the finish is 15 days (01-15) while each activity's P50 is 13 days (01-13).
  @Test func parallelActivitiesShowMergeBias() async throws {
    let plan = try Self.plan(
      Self.task("A", duration: Self.triangle) + "\n" + Self.task("B", duration: Self.triangle),
      finishAfter: "A, B")
    let result = try await Self.run(plan)
    #expect(result.p50 == day("2026-01-15"))
    for id in ["A", "B"] {
      #expect(result.activities.first { $0.id == id }!.p50Finish == day("2026-01-13"))
    }
    #expect(result.deterministicFinish == day("2026-01-10"))
  }

  static func riskPlan(probability: Double, duration: String) throws -> Plan {
    try plan(
      task("A", duration: duration), finishAfter: "A",
      extra: """
        risks:
          - {id: R, name: Risk, probability: \(probability), impactDays: {optimistic: 5, likely: 5, pessimistic: 5}, affects: [A]}
        """)
  }

  @Test func riskWithProbabilityZeroChangesNothingAndOneAlwaysAdds() async throws {
    let fixed = "{optimistic: 10, likely: 10, pessimistic: 10}"
    let never = try await Self.run(try Self.riskPlan(probability: 0, duration: fixed))
    #expect(never.p10 == day("2026-01-10"))
    #expect(never.p90 == day("2026-01-10"))
    #expect(never.risks.map(\.p80DaysAdded) == [0])
    let always = try await Self.run(try Self.riskPlan(probability: 1, duration: fixed))
    #expect(always.p10 == day("2026-01-15"))
    #expect(always.p90 == day("2026-01-15"))
    #expect(always.risks.map(\.p80DaysAdded) == [5])
    // With a drawn duration: p = 0 draws the same durations as no risk at all; p = 1 shifts all by 5.
    let plain = try await Self.run(try Self.plan(Self.task("A", duration: Self.triangle), finishAfter: "A"))
    let zero = try await Self.run(try Self.riskPlan(probability: 0, duration: Self.triangle))
    let one = try await Self.run(try Self.riskPlan(probability: 1, duration: Self.triangle))
    #expect(zero.finishCounts.map(\.count) == plain.finishCounts.map(\.count))
    #expect(zero.p50 == plain.p50)
    #expect(one.finishCounts.map(\.count) == plain.finishCounts.map(\.count))
    #expect(one.finishCounts.first!.day == plain.finishCounts.first!.day.adding(days: 5))
  }

  @Test func workableShareOfHalfDoublesCalendarDays() async throws {
    let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    let plan = try Self.plan(
      Self.task("A", duration: "{optimistic: 10, likely: 10, pessimistic: 10}", more: ", calendar: half"),
      finishAfter: "A",
      extra: "calendars:\n  half: {workableShare: {\(months.map { "\($0): 0.5" }.joined(separator: ", "))}}")
    let result = try await Self.run(plan, iterations: 100)
    // 10 working days at half a day per calendar day: 20 days, 01-01..01-20.
    #expect(result.p10 == day("2026-01-20"))
    #expect(result.p90 == day("2026-01-20"))
  }

  /// Ranges degenerate at the baseline durations reproduce `schedule status`, before any record,
  /// with A in progress (forecast 01-12 as of 01-05) and after the deadline.
  @Test func degenerateRangesGiveTheDeterministicFinish() async throws {
    let (plan, history) = try Fixture.load(Fixture.url("small-degenerate.yaml"))
    #expect(plan.hasUncertainty)
    for asOf in ["2025-12-31", "2026-01-05", "2026-01-20"] {
      let status = try Schedule.status(plan: plan, history: history, asOf: day(asOf))
      let result = try await RiskAnalysis.run(
        plan: plan, history: history, asOf: day(asOf), iterations: 300, seed: 9)
      #expect(result.deterministicFinish == status.forecastFinish, "\(asOf)")
      #expect(result.p10 == status.forecastFinish, "\(asOf)")
      #expect(result.p90 == status.forecastFinish, "\(asOf)")
      #expect(result.onTimeProbability == (status.marginDays >= 0 ? 1 : 0), "\(asOf)")
      for item in status.activities {
        let risk = try #require(result.activities.first { $0.id == item.activity.id })
        #expect(risk.p50Finish == item.forecastFinish, "\(asOf) \(item.activity.id)")
      }
    }
  }

  @Test func sameSeedSameResultOnAnyNumberOfCores() async throws {
    let (plan, history) = try Fixture.load(Fixture.bundledPlan)
    func json(cores: Int, seed: UInt64) async throws -> Data {
      ScheduleExport.json(
        risk: try await RiskAnalysis.run(
          plan: plan, history: history, asOf: day("2026-02-24"), iterations: 3000, seed: seed, cores: cores))
    }
    let one = try await json(cores: 1, seed: 5)
    #expect(try await json(cores: 3, seed: 5) == one)
    #expect(try await json(cores: 1, seed: 5) == one)
    #expect(try await json(cores: 1, seed: 6) != one)
  }

  @Test func correlatedDurationsMoveTogether() async throws {
    let plan = try Self.plan(
      Self.task("A", duration: Self.triangle) + "\n" + Self.task("B", duration: Self.triangle),
      finishAfter: "A, B",
      extra: "correlations:\n  - {activities: [A, B], coefficient: 1}")
    let result = try await Self.run(plan)
    // Fully correlated: B's draw equals A's, so the max is no later than each (no merge bias).
    #expect(result.p50 == day("2026-01-13"))
  }

  @Test(arguments: [
    (
      "probability: 0.3", "probability: 1.5",
      "risk.yaml:10: probability must be between 0 and 1, got 1.5"
    ),
    (
      "impactDays: {optimistic: 5", "impactDays: {optimistic: 9",
      "risk.yaml:10: risk R: impactDays needs optimistic ≤ likely ≤ pessimistic, got 9, 6, 8"
    ),
    ("affects: [A]", "affects: [AA]", "risk.yaml:10: risk R affects unknown activity AA; did you mean A?"),
    (
      "calendar: marine", "calendar: marin",
      "risk.yaml:5: activity A: unknown calendar marin; did you mean marine?"
    ),
    (
      "coefficient: 0.5}\n  - {activities: [A, C], coefficient: 0.5}",
      "coefficient: 0.9}\n  - {activities: [A, C], coefficient: -0.9}",
      "risk.yaml:14: the correlations do not form a valid correlation matrix (not positive semi-definite): lower the coefficients among A, B, C"
    ),
    (
      "jan: 0.5,", "jan: 1.5,",
      "risk.yaml:12: workableShare must be between 0 and 1 (share of the month's days), got 1.5"
    ),
  ])
  func badUncertaintyIsOneLineWithFileAndLine(_ replace: String, _ with: String, _ message: String) throws {
    #expect(replace != with)
    #expect {
      try PlanParser.parse(Self.badPlan.replacingOccurrences(of: replace, with: with), file: "risk.yaml")
    } throws: { "\($0)" == message }
  }

  static let badPlan = """
    project: Risk test
    deadline: 2026-01-13
    finish: M
    activities:
      - {id: A, name: A, baselineStart: 2026-01-01, baselineFinish: 2026-01-11, weight: 1, duration: {optimistic: 8, likely: 11, pessimistic: 20}, calendar: marine}
      - {id: B, name: B, baselineStart: 2026-01-01, baselineFinish: 2026-01-11, weight: 1, duration: {optimistic: 8, likely: 11, pessimistic: 20}}
      - {id: C, name: C, baselineStart: 2026-01-01, baselineFinish: 2026-01-11, weight: 1, duration: {optimistic: 8, likely: 11, pessimistic: 20}}
      - {id: M, name: M, milestone: true, baselineFinish: 2026-01-31, dependsOn: [A, B, C]}
    risks:
      - {id: R, name: Risk, probability: 0.3, impactDays: {optimistic: 5, likely: 6, pessimistic: 8}, affects: [A]}
    calendars:
      marine: {workableShare: {jan: 0.5, feb: 0.9, mar: 0.9, apr: 0.9, may: 0.9, jun: 0.9, jul: 0.9, aug: 0.9, sep: 0.9, oct: 0.9, nov: 0.9, dec: 0.9}}
    correlations:
      - {activities: [A, B], coefficient: 0.5}
      - {activities: [A, C], coefficient: 0.5}
    """
}
