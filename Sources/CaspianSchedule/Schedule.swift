import Foundation

/// Progress state of an activity as of a date.
public enum ActivityState: String, Sendable, CaseIterable {
  case notStarted = "not-started"
  case inProgress = "in-progress"
  case done

  /// Words for people.
  public var label: String {
    switch self {
    case .notStarted: "not started"
    case .inProgress: "in progress"
    case .done: "done"
    }
  }
}

/// How an activity's percent complete was obtained.
public enum PercentBasis: String, Sendable {
  case notStarted = "not-started"
  case done
  /// KP reached / planned route length.
  case kp
  /// Recorded percent complete.
  case recorded
  /// No percent recorded, `progress: duration`: elapsed share of the forecast duration (capped at 99 %).
  case elapsed
  /// No percent recorded (and the plan does not say to earn by duration): nothing earned yet.
  case unreported
}

/// One activity as of a date: actuals, forecast, slip, float.
public struct ActivityStatus: Sendable {
  public let activity: Activity
  public let state: ActivityState
  public let actualStart: CalendarDate?
  /// Inclusive last day (milestone: the day reached).
  public let actualFinish: CalendarDate?
  /// Forecast first day (the actual start once started).
  public let forecastStart: CalendarDate
  /// Forecast last day, inclusive (the actual finish once done).
  public let forecastFinish: CalendarDate
  /// 0–100.
  public let percentComplete: Double
  public let percentBasis: PercentBasis
  /// Percent complete the baseline plans by the as-of date (linear over its days).
  public let plannedPercent: Double
  /// Forecast (or actual) finish minus baseline finish, days; positive = late.
  public let slipDays: Int
  /// Days the forecast finish can move before the deadline moves; nil once done.
  public let totalFloatDays: Int?
  /// On the longest remaining path to the finish (lowest float among unfinished activities).
  public let critical: Bool
  /// Last KP reached (km along the planned route) and the day it was recorded.
  public let kp: Double?
  public let kpRecorded: CalendarDate?
  /// Latest finish date stated by someone (owner, press), if recorded.
  public let statedFinish: CalendarDate?
}

extension ActivityStatus {
  /// True if `other` shows the same progress: state, actual and forecast dates, percent, KP and
  /// stated finish (a record that changes none of them is a confirmation).
  public func hasSameProgress(as other: ActivityStatus) -> Bool {
    state == other.state && actualStart == other.actualStart && actualFinish == other.actualFinish
      && forecastStart == other.forecastStart && forecastFinish == other.forecastFinish
      && percentComplete == other.percentComplete && kp == other.kp && statedFinish == other.statedFinish
  }
}

/// The whole schedule as of a date (see `Schedule.status`).
public struct ScheduleStatus: Sendable {
  public let plan: Plan
  public let asOf: CalendarDate
  /// Activities in plan-file order.
  public let activities: [ActivityStatus]
  /// Weighted percent complete, 0–100 (earned value as a share of the whole).
  public let percentComplete: Double
  /// Weighted percent the baseline plans by `asOf` (planned value as a share of the whole).
  public let plannedPercent: Double
  /// Schedule performance index: earned / planned; nil while nothing is planned yet.
  public let spi: Double?
  /// Forecast (or actual) date of the finish milestone (ready for service).
  public let forecastFinish: CalendarDate
  /// Deadline minus forecast finish, days; negative = late.
  public let marginDays: Int
  /// Ids of the critical activities, predecessors first.
  public let criticalPath: [String]
  /// The last day anything was recorded up to `asOf`; nil if nothing was.
  public let lastRecorded: CalendarDate?
  /// Cable laid, km (route length × percent complete of the KP-measured activity); nil without one.
  public let cableLaidKm: Double?

  public func activity(_ id: String) -> ActivityStatus? { activities.first { $0.activity.id == id } }
}

/// The critical-path computation.
///
/// Conventions: dates are inclusive days. An activity from S to F occupies days S...F; its
/// successor (finish-to-start, lag L days) starts no earlier than F + 1 + L. A milestone on day D
/// is reached at the end of D. The as-of date A is a data date: its records count, and work not
/// done by the end of A happens from A + 1 on.
///
/// The pass itself is `SchedulePass` (shared with the risk analysis); this type turns the records
/// into its input (`passInput`):
/// - done: the actual dates;
/// - in progress: the actual start; the finish is the latest of the recorded forecast finish
///   (or, for the KP-measured lay, the finish at the lay rate so far, or for a recorded percent
///   the remaining share of the baseline duration from A + 1, or else the baseline duration from
///   the actual start) and A + 1 (and no earlier than a finish-to-finish link allows);
/// - not started: starts no earlier than its recorded forecast start (else its baseline start)
///   and A + 1, and as its links allow (FS: predecessor's finish + 1 + lag; SS: predecessor's
///   start + lag; FF: finish no earlier than the predecessor's finish + lag); lasts its baseline
///   duration (or up to a recorded forecast finish).
/// Backward pass from the deadline (see `SchedulePass`). Total float = late finish − forecast
/// finish.
public enum Schedule {
  /// Percent-complete share of the baseline by `date` for one activity (linear over its days).
  static func plannedPercent(_ activity: Activity, on date: CalendarDate) -> Double {
    if activity.isMilestone { return date >= activity.baselineFinish ? 100 : 0 }
    let elapsed = date.days(from: activity.baselineStart) + 1
    return 100 * min(1, max(0, Double(elapsed) / Double(activity.baselineDurationDays)))
  }

  /// The schedule as of the end of `asOf`, from the plan and the records made up to then.
  /// - Throws: `ScheduleError` for a record that contradicts the plan or another record.
  public static func status(plan: Plan, history: UpdateHistory, asOf: CalendarDate) throws -> ScheduleStatus {
    let facts = try history.facts(plan: plan, asOf: asOf)
    let count = plan.activities.count
    let input = passInput(plan: plan, facts: facts, asOf: asOf)
    var pass = SchedulePass(network: ScheduleNetwork(plan: plan))
    pass.forward(input)
    pass.backward(input, target: plan.deadline.dayNumber + 1)
    let states = input.state
    let (startBoundary, finishBoundary, lateFinish) = (pass.start, pass.finish, pass.lateFinish)
    let open = (0..<count).filter { states[$0] != .done }
    let lowestFloat = open.map { lateFinish[$0] - finishBoundary[$0] }.min()

    var statuses: [ActivityStatus] = []
    var earned = 0.0
    var planned = 0.0
    var totalWeight = 0.0
    for (i, activity) in plan.activities.enumerated() {
      let fact = facts[activity.id] ?? ActivityFacts()
      let finishDay = CalendarDate(dayNumber: finishBoundary[i] - 1)
      let startDay = CalendarDate(dayNumber: activity.isMilestone ? finishBoundary[i] - 1 : startBoundary[i])
      let (percent, basis) = percentComplete(
        activity, fact, state: states[i], plan: plan, asOf: asOf,
        forecastDays: finishBoundary[i] - startBoundary[i])
      let float = states[i] == .done ? nil : lateFinish[i] - finishBoundary[i]
      let plannedShare = plannedPercent(activity, on: asOf)
      earned += activity.weight * percent
      planned += activity.weight * plannedShare
      totalWeight += activity.weight
      statuses.append(
        ActivityStatus(
          activity: activity, state: states[i], actualStart: fact.actualStart,
          actualFinish: states[i] == .done ? fact.actualFinish : nil, forecastStart: startDay,
          forecastFinish: finishDay, percentComplete: percent, percentBasis: basis,
          plannedPercent: plannedShare, slipDays: finishDay.days(from: activity.baselineFinish),
          totalFloatDays: float, critical: float != nil && float == lowestFloat,
          kp: fact.kp, kpRecorded: fact.kpRecorded, statedFinish: fact.statedFinish))
    }
    let finish = statuses[plan.indexByID[plan.finishID]!].forecastFinish
    let lay = statuses.first { $0.activity.progressByKP }
    return ScheduleStatus(
      plan: plan, asOf: asOf, activities: statuses, percentComplete: earned / totalWeight,
      plannedPercent: planned / totalWeight, spi: planned > 0 ? earned / planned : nil,
      forecastFinish: finish, marginDays: plan.deadline.days(from: finish),
      criticalPath: plan.topologicalOrder.filter { statuses[$0].critical }.map { plan.activities[$0].id },
      lastRecorded: history.lastRecorded(asOf: asOf),
      cableLaidKm: lay.flatMap { lay in plan.routeLengthKm.map { $0 * lay.percentComplete / 100 } })
  }

  /// The deterministic pass input as of the end of `asOf`: actual dates of what is done, the
  /// forecast remaining days of what is in progress, the planned start and duration of the rest.
  static func passInput(plan: Plan, facts: [String: ActivityFacts], asOf: CalendarDate) -> PassInput {
    let nextDay = asOf.dayNumber + 1
    var input = PassInput(count: plan.activities.count, nextDay: nextDay)
    for (i, activity) in plan.activities.enumerated() {
      let fact = facts[activity.id] ?? ActivityFacts()
      let duration = activity.baselineDurationDays
      if let finish = fact.actualFinish, let start = fact.actualStart {
        input.state[i] = .done
        input.fixedStart[i] = activity.isMilestone ? finish.dayNumber + 1 : start.dayNumber
        input.fixedFinish[i] = finish.dayNumber + 1
      } else if let start = fact.actualStart {
        input.state[i] = .inProgress
        input.fixedStart[i] = start.dayNumber
        let lastDay = inProgressFinish(activity, fact, plan: plan, asOf: asOf, duration: duration)
        input.work[i] = max(lastDay.dayNumber + 1, nextDay + 1) - nextDay
      } else {
        let plannedStart: CalendarDate
        if activity.isMilestone {
          plannedStart = (fact.forecastFinish ?? fact.forecastStart ?? activity.baselineFinish).adding(
            days: 1)
        } else {
          plannedStart = fact.forecastStart ?? activity.baselineStart
          input.work[i] = fact.forecastFinish.map { $0.days(from: plannedStart) + 1 } ?? duration
        }
        input.earliest[i] = max(plannedStart.dayNumber, activity.isMilestone ? nextDay + 1 : nextDay)
      }
    }
    return input
  }

  /// One warning per predecessor of activity `id` that had not finished (with its lag) when the
  /// activity actually started on `start`, judged by `status` (an early start may be real: the
  /// record is kept, the user is told).
  public static func earlyStartWarnings(_ status: ScheduleStatus, id: String, start: CalendarDate) -> [String]
  {
    guard let activity = status.plan.activity(id) else { return [] }
    let boundary = activity.isMilestone ? start.adding(days: 1) : start
    return activity.dependsOn.compactMap { dependency in
      guard dependency.kind != .finishToFinish, let predecessor = status.activity(dependency.id) else {
        return nil
      }
      let startToStart = dependency.kind == .startToStart
      let lag = dependency.lagDays == 0 ? "" : ", lag \(dependency.lagDays) days"
      if startToStart ? predecessor.state == .notStarted : predecessor.state != .done {
        let event = startToStart ? "started" : "finished"
        let forecast = startToStart ? predecessor.forecastStart : predecessor.forecastFinish
        return
          "\(id): actual start \(start) but \(dependency.id) has not \(event) as of \(status.asOf) (forecast \(startToStart ? "start" : "finish") \(forecast)\(lag))"
      }
      let earliest =
        startToStart
        ? predecessor.forecastStart.adding(
          days: dependency.lagDays + (predecessor.activity.isMilestone ? 1 : 0))
        : Plan.startBoundary(afterFinishOf: predecessor.forecastFinish, lagDays: dependency.lagDays)
      guard boundary < earliest else { return nil }
      return startToStart
        ? "\(id): actual start \(start) is before \(dependency.id) started (\(predecessor.forecastStart)\(lag), start-to-start)"
        : "\(id): actual start \(start) is before \(dependency.id) finished (\(predecessor.forecastFinish)\(lag))"
    }
  }

  /// The last day of the lay at the rate so far (km per inclusive day from the actual start to
  /// the day KP `kp` was recorded); nil if that is after `CalendarDate.latest`.
  static func layFinish(kp: Double, on kpDay: CalendarDate, start: CalendarDate, lengthKm: Double)
    -> CalendarDate?
  {
    let rate = kp / Double(max(1, kpDay.days(from: start) + 1))
    return kpDay.adding(wholeDays: ((lengthKm - kp) / rate).rounded(.up))
  }

  /// Forecast last day of an activity in progress (before clamping to the day after as-of).
  private static func inProgressFinish(
    _ activity: Activity, _ fact: ActivityFacts, plan: Plan, asOf: CalendarDate, duration: Int
  ) -> CalendarDate {
    let start = fact.actualStart!
    if let kp = fact.kp, let kpDay = fact.kpRecorded, kp > 0, let length = plan.routeLengthKm,
      fact.forecastRecorded.map({ $0 < kpDay }) ?? true
    {
      // UpdateHistory refuses a KP whose lay rate puts the finish past the last date.
      return layFinish(kp: kp, on: kpDay, start: start, lengthKm: length) ?? .latest
    }
    if let forecast = fact.forecastFinish { return forecast }
    if let percent = fact.percentComplete, fact.percentRecorded != nil {
      return asOf.adding(wholeDays: (Double(duration) * (1 - percent / 100)).rounded(.up)) ?? .latest
    }
    return start.adding(days: duration - 1)
  }

  private static func percentComplete(
    _ activity: Activity, _ fact: ActivityFacts, state: ActivityState, plan: Plan, asOf: CalendarDate,
    forecastDays: Int
  ) -> (Double, PercentBasis) {
    switch state {
    case .done: return (100, .done)
    case .notStarted: return (0, .notStarted)
    case .inProgress:
      if let kp = fact.kp, let length = plan.routeLengthKm { return (min(100, 100 * kp / length), .kp) }
      if let percent = fact.percentComplete { return (percent, .recorded) }
      guard activity.progress == .duration else { return (0, .unreported) }
      let elapsed = Double(asOf.days(from: fact.actualStart!) + 1)
      return (min(99, max(0, 100 * elapsed / Double(max(1, forecastDays)))), .elapsed)
    }
  }
}
