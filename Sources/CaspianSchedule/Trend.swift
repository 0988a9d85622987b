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

/// The computed forecast (or actual) finish of an activity as of a record date, when it moved
/// or the activity became done.
public struct ComputedTrendPoint: Sendable, Equatable {
  /// A day something was recorded (for any activity).
  public let recorded: CalendarDate
  /// The finish the schedule computed as of the end of `recorded`.
  public let finish: CalendarDate
  /// Days moved since the previous computed point; nil for the first.
  public let moveDays: Int?
  /// True once the activity was done as of `recorded` (`finish` is then the actual finish).
  public let done: Bool
}

/// The trend of one activity.
public struct ActivityTrend: Sendable {
  public let activity: Activity
  /// The dates recorded for the activity (stated, forecast, actual).
  public let points: [TrendPoint]
  /// The computed finish on every record date from the plan's start on, where it moved or the
  /// activity became done (the first always): what the schedule forecast then, whoever's record
  /// moved it (a KP, a predecessor).
  public let computed: [ComputedTrendPoint]
  /// The computed forecast (or actual) finish as of the trend's as-of date.
  public let currentFinish: CalendarDate
}

extension Schedule {
  /// For every activity: each recorded forecast, stated or actual finish up to `asOf` (records in
  /// force) with the movement, the computed finish on every record date where it moved, and the
  /// computed finish now. Activities with neither are left out.
  public static func trend(plan: Plan, history: UpdateHistory, asOf: CalendarDate) throws -> [ActivityTrend] {
    let now = try status(plan: plan, history: history, asOf: asOf)
    let planStart = plan.activities.map(\.baselineStart).min()!
    let inForce = try history.recordsInForce(asOf: asOf)
    var computed: [CalendarDate: ScheduleStatus] = [:]
    for day in Set(inForce.map(\.recorded)) where day >= planStart {
      computed[day] = try status(plan: plan, history: history, asOf: day)
    }
    let days = computed.keys.sorted()
    var trends: [ActivityTrend] = []
    for activity in plan.activities {
      var moved: [ComputedTrendPoint] = []
      for day in days {
        let item = computed[day]!.activity(activity.id)!
        let done = item.state == .done
        guard moved.last?.finish != item.forecastFinish || moved.last?.done != done else { continue }
        moved.append(
          ComputedTrendPoint(
            recorded: day, finish: item.forecastFinish,
            moveDays: moved.last.map { item.forecastFinish.days(from: $0.finish) }, done: done)
        )
      }
      let records = inForce.filter { $0.id == activity.id }
      var points: [TrendPoint] = []
      for record in records {
        let entries: [(TrendPoint.Kind, CalendarDate?)] = [
          (.stated, record.statedFinish), (.forecast, record.forecastFinish),
          (.actual, record.actualFinish ?? (activity.isMilestone ? record.actualStart : nil)),
        ]
        for case (let kind, let finish?) in entries {
          let replay = computed[record.recorded]?.activity(activity.id)!.forecastFinish
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
      if !points.isEmpty || moved.count > 1 {
        trends.append(
          ActivityTrend(
            activity: activity, points: points, computed: moved,
            currentFinish: now.activity(activity.id)!.forecastFinish))
      }
    }
    return trends
  }
}

extension String {
  var nilIfEmpty: String? { isEmpty ? nil : self }
}
