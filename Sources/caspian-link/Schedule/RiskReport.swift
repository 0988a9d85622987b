import CaspianReport
import CaspianSchedule
import Foundation

/// The risk analysis as `report` and `progress` show it (default iterations and seed of
/// `schedule risk`), for plans with ranges or risks.
enum RiskReport {
  /// The analysis, or nil when the plan has no ranges and no risks.
  static func run(plan: Plan, history: UpdateHistory, asOf: CalendarDate) async throws -> RiskResult? {
    guard plan.hasUncertainty else { return nil }
    return try await RiskAnalysis.run(
      plan: plan, history: history, asOf: asOf, iterations: CaspianLink.Schedule.Risk.defaultIterations,
      seed: CaspianLink.Schedule.Risk.defaultSeed)
  }

  /// "P50 2027-01-21, P80 2027-02-23; 25.1 % by the deadline 2026-12-31 (10000 iterations)".
  static func line(_ risk: RiskResult) -> String {
    "P50 \(risk.p50), P80 \(risk.p80); \(CaspianLink.Schedule.Risk.percent(risk.onTimeProbability)) by the deadline \(risk.deadline) (\(risk.iterations) iterations, seed \(risk.seed))"
  }

  static func chartDay(_ date: CalendarDate) -> ChartDay {
    ChartDay(day: date.dayNumber, label: date.description)
  }

  /// The report's S-curve, tornado chart and key figures.
  static func part(_ risk: RiskResult) throws -> RiskPart {
    var seen = 0
    let points = risk.finishCounts.map { entry in
      seen += entry.count
      return (day: chartDay(entry.day), probability: Double(seen) / Double(risk.iterations))
    }
    let sCurve = try SCurveChart(
      title: "Ready for service: probability of finishing by each date (\(risk.iterations) iterations)",
      points: points, deadline: chartDay(risk.deadline), deterministic: chartDay(risk.deterministicFinish),
      onTime: risk.onTimeProbability
    ).render()
    let drivers = risk.activities.filter { $0.sensitivity != 0 }.map { item in
      (
        label: "\(item.id) \(item.name)", value: item.sensitivity,
        note: "\(fixed(item.sensitivity, 2)), critical \(fixed(100 * item.criticality, 0)) %"
      )
    }
    let tornado = TornadoChart(
      title: "Drivers: rank correlation of each duration with the finish", bars: Array(drivers.prefix(10))
    ).render()
    var summary = [
      SummaryItem("Deterministic finish", risk.deterministicFinish.description),
      SummaryItem("P10 / P50 / P80 / P90", "\(risk.p10) / \(risk.p50) / \(risk.p80) / \(risk.p90)"),
      SummaryItem(
        "By the deadline", "\(CaspianLink.Schedule.Risk.percent(risk.onTimeProbability)) (\(risk.deadline))"),
    ]
    summary += risk.risks.map {
      SummaryItem("Risk \($0.id)", "\($0.name): adds \($0.p80DaysAdded) days to P80")
    }
    return RiskPart(sCurve: sCurve, tornado: tornado, summary: summary)
  }
}
