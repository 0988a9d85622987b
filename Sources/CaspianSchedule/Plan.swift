import CaspianSupport

/// How a dependency ties the successor to its predecessor.
public enum LinkKind: String, Sendable, Hashable, CaseIterable {
  /// The successor starts `lagDays` days after the predecessor finishes (0 = the next day).
  case finishToStart = "FS"
  /// The successor starts no earlier than `lagDays` days after the predecessor starts.
  case startToStart = "SS"
  /// The successor finishes no earlier than `lagDays` days after the predecessor finishes.
  case finishToFinish = "FF"
}

/// A dependency on a predecessor (finish-to-start unless `kind` says otherwise), with a lag in
/// days (a negative lag is a lead).
public struct Dependency: Sendable, Hashable {
  public var id: String
  /// Days between the predecessor's event (finish, or start for SS) and the successor's; for
  /// finish-to-start 0 = the next day.
  public var lagDays: Int
  public var kind: LinkKind
  /// 1-based line in the plan file (0 when built in code).
  public var line: Int
  public init(id: String, lagDays: Int = 0, kind: LinkKind = .finishToStart, line: Int = 0) {
    self.id = id
    self.lagDays = lagDays
    self.kind = kind
    self.line = line
  }

  /// "LAY", "VESSEL+7d", "SHORE-AKT SS+10d" (CSV export).
  public var label: String {
    let lag = lagDays == 0 ? "" : "+\(lagDays)d"
    return kind == .finishToStart ? id + lag : "\(id) \(kind.rawValue)\(lag)"
  }
}

/// How an activity in progress earns its percent complete (`progress:` in the plan).
public enum ProgressMeasure: String, Sendable, CaseIterable {
  /// What was reported (`--percent`); nothing until a report (the default).
  case reported
  /// The KP reached over the route length (the cable lay; at most one activity).
  case kp
  /// The elapsed share of the forecast duration until a percent is reported.
  case duration
}

/// One activity or milestone of a plan, with its baseline.
///
/// Dates are inclusive calendar days: an activity from 2026-06-01 to 2026-06-30 takes 30 days
/// and its work includes the 30th. A milestone is an instant at the end of its day; it takes
/// 0 days, and a successor linked with lag 0 starts the next day.
public struct Activity: Sendable {
  public var id: String
  public var name: String
  public var phase: String
  public var isMilestone: Bool
  /// First day of work (for a milestone: its date).
  public var baselineStart: CalendarDate
  /// Last day of work, inclusive (for a milestone: its date).
  public var baselineFinish: CalendarDate
  public var dependsOn: [Dependency]
  /// Share of the project used for weighted percent complete (any non-negative scale).
  public var weight: Double
  public var responsible: String?
  public var notes: String?
  /// Where the dates come from (publication, URL).
  public var source: String?
  /// What about this entry is assumed rather than on the public record; nil if nothing is.
  public var assumption: String?
  /// How the activity's percent complete is measured while it is in progress.
  public var progress: ProgressMeasure
  /// The duration's range for the risk analysis (working days when `calendar` is set), if any.
  public var durationRange: DayRange?
  /// The name of the plan calendar that stretches the working days, if any.
  public var calendar: String?
  /// 1-based line of the entry in the plan file (0 when built in code).
  public var line: Int

  public init(
    id: String, name: String, phase: String = "", isMilestone: Bool = false,
    baselineStart: CalendarDate, baselineFinish: CalendarDate, dependsOn: [Dependency] = [],
    weight: Double = 0, responsible: String? = nil, notes: String? = nil, source: String? = nil,
    assumption: String? = nil, progress: ProgressMeasure = .reported, durationRange: DayRange? = nil,
    calendar: String? = nil, line: Int = 0
  ) {
    self.id = id
    self.name = name
    self.phase = phase
    self.isMilestone = isMilestone
    self.baselineStart = baselineStart
    self.baselineFinish = baselineFinish
    self.dependsOn = dependsOn
    self.weight = weight
    self.responsible = responsible
    self.notes = notes
    self.source = source
    self.assumption = assumption
    self.progress = progress
    self.durationRange = durationRange
    self.calendar = calendar
    self.line = line
  }

  /// True for the cable-lay activity: its progress is measured by the KP reached.
  public var progressByKP: Bool { progress == .kp }

  /// The baseline as day boundaries: a task occupies [start, finish); a milestone has start ==
  /// finish == its day + 1 (reached at the end of its day).
  var baselineBoundaries: (start: Int, finish: Int) {
    (isMilestone ? baselineFinish.dayNumber + 1 : baselineStart.dayNumber, baselineFinish.dayNumber + 1)
  }

  /// Baseline duration in days (inclusive dates; 0 for a milestone).
  public var baselineDurationDays: Int {
    isMilestone ? 0 : baselineFinish.days(from: baselineStart) + 1
  }
}

/// A project plan: activities with their baselines and dependencies, and the deadline.
/// Build it with `init(...)`, which checks it (`PlanParser` reads one from YAML).
public struct Plan: Sendable {
  /// The file the plan was read from, as named in messages.
  public let file: String
  public let project: String
  /// The contractual ready-for-service date (inclusive: RFS on this day is on time).
  public let deadline: CalendarDate
  public let deadlineSource: String?
  /// The id of the milestone whose forecast is the project's finish (ready for service).
  public let finishID: String
  /// Name of the planned cable route (from `caspian-link route plan`), if given.
  public let routeName: String?
  /// Planned route length in km (from `caspian-link route plan`); KP progress is measured against it.
  public let routeLengthKm: Double?
  public let routeSource: String?
  /// Activities in file order.
  public let activities: [Activity]
  /// Risks, calendars and correlations for `schedule risk` (empty in a plan without them).
  public let uncertainty: PlanUncertainty
  /// Indices into `activities`, predecessors before successors.
  public let topologicalOrder: [Int]
  let indexByID: [String: Int]

  /// Checks the plan: unique ids, known dependencies, no cycles, finish not before start,
  /// baselines that respect their dependencies, a known finish milestone, weights and lags in
  /// their documented ranges (`Limits`), at most one activity with KP progress, a deadline not
  /// before the first activity starts (`deadlineLine` locates the deadline in messages).
  /// - Throws: `ScheduleError` naming `file` and the line (or id) of the first problem.
  public init(
    file: String, project: String, deadline: CalendarDate, deadlineSource: String? = nil,
    finishID: String, routeName: String? = nil, routeLengthKm: Double? = nil,
    routeSource: String? = nil, activities: [Activity], uncertainty: PlanUncertainty = PlanUncertainty(),
    deadlineLine: Int = 0
  ) throws {
    func fail(_ activity: Activity, _ message: String, line: Int = 0) -> ScheduleError {
      let at = line > 0 ? line : activity.line
      return ScheduleError(file: file, line: at > 0 ? at : nil, message)
    }
    var index: [String: Int] = [:]
    for (i, activity) in activities.enumerated() {
      if let first = index[activity.id] {
        let at = activities[first].line > 0 ? " (first at line \(activities[first].line))" : ""
        throw fail(activity, "duplicate activity id \(activity.id)\(at)")
      }
      index[activity.id] = i
    }
    for activity in activities {
      if activity.baselineFinish < activity.baselineStart {
        throw fail(
          activity,
          "activity \(activity.id): baseline finish \(activity.baselineFinish) is before its start \(activity.baselineStart)"
        )
      }
      if activity.isMilestone, activity.baselineFinish != activity.baselineStart {
        throw fail(activity, "milestone \(activity.id) has different baseline start and finish")
      }
      if let problem = Limits.weight.problem(activity.weight) {
        throw fail(activity, "activity \(activity.id): \(problem)")
      }
      for dependency in activity.dependsOn {
        if let problem = Limits.lagDays.problem(Double(dependency.lagDays)) {
          throw fail(activity, "activity \(activity.id): \(problem)", line: dependency.line)
        }
      }
      for dependency in activity.dependsOn where index[dependency.id] == nil {
        throw fail(
          activity,
          "activity \(activity.id) depends on unknown id \(dependency.id)"
            + CloseMatches.hint(for: dependency.id, in: activities.map(\.id)),
          line: dependency.line)
      }
      if activity.progress != .reported, activity.isMilestone {
        throw fail(activity, "milestone \(activity.id) cannot have 'progress: \(activity.progress.rawValue)'")
      }
    }
    let order = try Self.topologicalOrder(activities, index: index, file: file)
    // The baseline must respect its own logic (a successor starts after its predecessors finish).
    for activity in activities {
      for dependency in activity.dependsOn {
        let predecessor = activities[index[dependency.id]!]
        let (start, finish) = activity.baselineBoundaries
        let before = predecessor.baselineBoundaries
        let lag = "lag \(dependency.lagDays) days"
        let problem: String? =
          switch dependency.kind {
          case .finishToStart where start < before.finish + dependency.lagDays:
            "baseline start \(activity.baselineStart) is before \(CalendarDate(dayNumber: before.finish + dependency.lagDays - (activity.isMilestone ? 1 : 0))), allowed by \(dependency.id) (finish \(predecessor.baselineFinish), \(lag))"
          case .startToStart where start < before.start + dependency.lagDays:
            "baseline start \(activity.baselineStart) is before \(dependency.id) starts (\(predecessor.baselineStart), start-to-start, \(lag))"
          case .finishToFinish where finish < before.finish + dependency.lagDays:
            "baseline finish \(activity.baselineFinish) is before \(dependency.id) finishes (\(predecessor.baselineFinish), finish-to-finish, \(lag))"
          default: nil
          }
        if let problem { throw fail(activity, "activity \(activity.id): \(problem)", line: dependency.line) }
      }
    }
    guard index[finishID] != nil else {
      throw ScheduleError(file: file, "finish milestone id \(finishID) is not an activity of the plan")
    }
    if activities.allSatisfy({ $0.weight == 0 }) {
      throw ScheduleError(file: file, "no activity has a weight > 0: percent complete is undefined")
    }
    if let routeLengthKm, let problem = Limits.routeLengthKm.problem(routeLengthKm) {
      throw ScheduleError(file: file, problem)
    }
    let measuredByKP = activities.filter(\.progressByKP)
    if let lay = measuredByKP.first, routeLengthKm == nil {
      throw fail(lay, "activity \(lay.id) has KP progress but the plan has no routeLengthKm")
    }
    if measuredByKP.count > 1 {
      let first = measuredByKP[0]
      let at = first.line > 0 ? " (line \(first.line))" : ""
      throw fail(
        measuredByKP[1],
        "activity \(measuredByKP[1].id) has 'progress: kp' but \(first.id)\(at) already has: one activity is the cable lay"
      )
    }
    if let first = activities.min(by: { $0.baselineStart < $1.baselineStart }), deadline < first.baselineStart
    {
      throw ScheduleError(
        file: file, line: deadlineLine > 0 ? deadlineLine : nil,
        "deadline \(deadline) is before the first activity starts (\(first.id), \(first.baselineStart))")
    }
    try uncertainty.check(activities: activities, index: index, file: file)
    self.file = file
    self.project = project
    self.deadline = deadline
    self.deadlineSource = deadlineSource
    self.finishID = finishID
    self.routeName = routeName
    self.routeLengthKm = routeLengthKm
    self.routeSource = routeSource
    self.activities = activities
    self.uncertainty = uncertainty
    self.topologicalOrder = order
    self.indexByID = index
  }

  /// This plan with its route replaced by the chosen one (for example measured from the route
  /// `caspian-link route plan --geojson` wrote); KP progress is then measured against it.
  /// - Throws: `ScheduleError` if the length is not a number > 0.
  public func withRoute(name: String, lengthKm: Double, source: String) throws -> Plan {
    try Plan(
      file: file, project: project, deadline: deadline, deadlineSource: deadlineSource, finishID: finishID,
      routeName: name, routeLengthKm: lengthKm, routeSource: source, activities: activities,
      uncertainty: uncertainty)
  }

  /// True when some activity has a duration range or the plan has a risk (`schedule risk` then
  /// has something to draw).
  public var hasUncertainty: Bool {
    !uncertainty.risks.isEmpty || activities.contains { $0.durationRange != nil }
  }

  /// Decimals of a route length or KP as the commands print it (km to the metre).
  public static let printedKmDecimals = 3
  /// Half the printed precision: a KP this close to the route's end is the end, so the length
  /// as printed (rounded either way) is accepted and completes the lay.
  public static let kpToleranceKm = 0.0005

  /// A length or KP in km as the commands print it ("356.715").
  public static func printedKm(_ km: Double) -> String {
    String(format: "%.\(printedKmDecimals)f", km)
  }

  /// `kp` with a value within `kpToleranceKm` of the route's end taken as the end.
  public func snappedKP(_ kp: Double) -> Double {
    guard let length = routeLengthKm, abs(kp - length) <= Self.kpToleranceKm else { return kp }
    return length
  }

  /// The activity with this id, if any.
  public func activity(_ id: String) -> Activity? { indexByID[id].map { activities[$0] } }

  /// The activity with this id.
  /// - Throws: `ScheduleError` naming the plan (or `file`, with `line`) and the close matches.
  public func requireActivity(_ id: String, file: String? = nil, line: Int? = nil) throws -> Activity {
    guard let activity = activity(id) else {
      throw ScheduleError(
        file: file ?? self.file, line: line,
        "unknown activity id \(CloseMatches.echo(id))\(CloseMatches.hint(for: id, in: activities.map(\.id)))")
    }
    return activity
  }

  /// The first day a successor may start (as a start boundary: tasks start on it, milestones
  /// fall on the day before it) when its predecessor finishes on `finish`.
  static func startBoundary(afterFinishOf finish: CalendarDate, lagDays: Int) -> CalendarDate {
    finish.adding(days: 1 + lagDays)
  }

  /// Kahn's algorithm in file order; on a cycle, finds and names it.
  private static func topologicalOrder(
    _ activities: [Activity], index: [String: Int], file: String
  ) throws -> [Int] {
    var successors = Array(repeating: [Int](), count: activities.count)
    var remaining = Array(repeating: 0, count: activities.count)
    for (i, activity) in activities.enumerated() {
      for dependency in activity.dependsOn {
        successors[index[dependency.id]!].append(i)
        remaining[i] += 1
      }
    }
    var ready = (0..<activities.count).filter { remaining[$0] == 0 }
    var order: [Int] = []
    while !ready.isEmpty {
      let i = ready.removeFirst()
      order.append(i)
      for s in successors[i] {
        remaining[s] -= 1
        if remaining[s] == 0 { ready.append(s) }
      }
    }
    if order.count == activities.count { return order }
    // Walk predecessors inside the unresolved set until one repeats: that loop is a cycle.
    var path: [Int] = []
    var seen: [Int: Int] = [:]
    var current = (0..<activities.count).first { remaining[$0] > 0 }!
    while seen[current] == nil {
      seen[current] = path.count
      path.append(current)
      current = activities[current].dependsOn.map { index[$0.id]! }.first { remaining[$0] > 0 }!
    }
    // path = c, p1, ..., pk where each depends on the next and pk depends on c: precedence runs
    // c -> pk -> ... -> p1 -> c.
    let start = seen[current]!
    let loop = [current] + path[(start + 1)...].reversed() + [current]
    let names = loop.map { activities[$0].id }.joined(separator: " -> ")
    let first = activities[current]
    throw ScheduleError(
      file: file, line: first.line > 0 ? first.line : nil, "dependency cycle: \(names)")
  }
}
