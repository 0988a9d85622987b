/// Milestone trend analysis: how the expected finish of each activity moved over the records.
public struct TrendPoint: Sendable {
  public enum Kind: String, Sendable {
    /// A stated finish (owner, press) recorded for the record.
    case stated
    /// A forecast finish that drives the schedule.
    case forecast
    /// The actual finish.
    case actual
  }
  /// The day the date was known.
  public let recorded: CalendarDate
  public let kind: Kind
  /// The finish expected (or reached) as known on `recorded`, inclusive.
  public let finish: CalendarDate
  /// Days moved since the previous point (positive = later); nil for the first point.
  /// (The baseline finish is the activity's `baselineFinish`; it is not a point.)
  public let moveDays: Int?
  /// The computed forecast finish as of `recorded` (replaying the records made up to then); nil
  /// for dates before the plan starts, when the plan does not describe the project yet.
  public let computedFinish: CalendarDate?
  public let source: String?
  public let note: String?
}

/// The trend of one activity.
public struct ActivityTrend: Sendable {
  public let activity: Activity
  public let points: [TrendPoint]
  /// The computed forecast (or actual) finish as of the trend's as-of date.
  public let currentFinish: CalendarDate
}

extension Schedule {
  /// For every activity with a recorded forecast, stated or actual finish up to `asOf`: each
  /// recorded date with the movement, and the computed finish now.
  public static func trend(plan: Plan, history: UpdateHistory, asOf: CalendarDate) throws -> [ActivityTrend] {
    let now = try status(plan: plan, history: history, asOf: asOf)
    let planStart = plan.activities.map(\.baselineStart).min()!
    var computed: [CalendarDate: ScheduleStatus] = [:]
    var trends: [ActivityTrend] = []
    for activity in plan.activities {
      let records = history.records.enumerated().filter {
        $0.element.id == activity.id && $0.element.recorded <= asOf
      }
      .sorted { ($0.element.recorded, $0.offset) < ($1.element.recorded, $1.offset) }.map(\.element)
      var points: [TrendPoint] = []
      for record in records {
        let entries: [(TrendPoint.Kind, CalendarDate?)] = [
          (.stated, record.statedFinish), (.forecast, record.forecastFinish),
          (.actual, record.actualFinish ?? (activity.isMilestone ? record.actualStart : nil)),
        ]
        for case (let kind, let finish?) in entries {
          var replay: CalendarDate?
          if record.recorded >= planStart {
            if computed[record.recorded] == nil {
              computed[record.recorded] = try status(plan: plan, history: history, asOf: record.recorded)
            }
            replay = computed[record.recorded]!.activity(activity.id)!.forecastFinish
          }
          points.append(
            TrendPoint(
              recorded: record.recorded, kind: kind, finish: finish,
              moveDays: points.last.map { finish.days(from: $0.finish) }, computedFinish: replay,
              source: record.source,
              note: [record.note, record.assumption.map { "assumed: \($0)" }].compactMap { $0 }.joined(
                separator: "; "
              )
              .nilIfEmpty))
        }
      }
      if !points.isEmpty {
        trends.append(
          ActivityTrend(
            activity: activity, points: points, currentFinish: now.activity(activity.id)!.forecastFinish))
      }
    }
    return trends
  }
}

extension String {
  var nilIfEmpty: String? { isEmpty ? nil : self }
}
