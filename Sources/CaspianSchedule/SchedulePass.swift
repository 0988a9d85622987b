/// The plan's dependency network in index form: topological order and the links of every
/// activity to its predecessors and successors (flat arrays, one range per activity).
struct ScheduleNetwork: Sendable {
  struct Link: Sendable {
    /// The activity at the other end of the link.
    var other: Int
    var kind: LinkKind
    var lagDays: Int
  }

  let count: Int
  /// Predecessors before successors.
  let order: [Int]
  let isMilestone: [Bool]
  /// `predecessors[predecessorStart[i]..<predecessorStart[i + 1]]` are the links into activity i.
  let predecessors: [Link]
  let predecessorStart: [Int]
  /// `successors[successorStart[i]..<successorStart[i + 1]]` are the links out of activity i.
  let successors: [Link]
  let successorStart: [Int]

  init(plan: Plan) {
    count = plan.activities.count
    order = plan.topologicalOrder
    isMilestone = plan.activities.map(\.isMilestone)
    var into: [Link] = []
    var intoStart = [0]
    var out = Array(repeating: [Link](), count: count)
    for (i, activity) in plan.activities.enumerated() {
      for dependency in activity.dependsOn {
        let predecessor = plan.indexByID[dependency.id]!
        into.append(Link(other: predecessor, kind: dependency.kind, lagDays: dependency.lagDays))
        out[predecessor].append(Link(other: i, kind: dependency.kind, lagDays: dependency.lagDays))
      }
      intoStart.append(into.count)
    }
    predecessors = into
    predecessorStart = intoStart
    successors = out.flatMap { $0 }
    successorStart = out.reduce(into: [0]) { $0.append($0.last! + $1.count) }
  }
}

/// A calendar's share of workable days in each month (January first).
public struct WorkCalendar: Sendable, Hashable {
  public let name: String
  /// Twelve shares in 0...1, at least one above 0.
  public let workableShare: [Double]
  /// 1-based line in the plan file (0 when built in code).
  public let line: Int

  public init(name: String, workableShare: [Double], line: Int = 0) {
    self.name = name
    self.workableShare = workableShare
    self.line = line
  }

  /// Calendar days from the start boundary `start` until `work` working days are done: each
  /// day of month m yields `workableShare[m]` of a working day (the activity ends on the first
  /// day where the sum reaches `work`).
  func calendarDays(from start: Int, work: Int) -> Int {
    var remaining = Double(work)
    var day = start
    var days = 0
    while true {
      let (year, month, dayOfMonth) = CalendarDate(dayNumber: day).components
      let left = CalendarDate.daysInMonth(year: year, month: month) - dayOfMonth + 1
      let share = workableShare[month - 1]
      if share > 0, share * Double(left) >= remaining - 1e-9 {
        return days + max(1, Int((remaining / share - 1e-9).rounded(.up)))
      }
      remaining -= share * Double(left)
      days += left
      day += left
    }
  }
}

extension WorkCalendar {
  /// Working days in the `calendarDays` days from the boundary `start` (each day counts its
  /// month's share).
  func workingDays(from start: Int, calendarDays: Int) -> Double {
    (start..<start + calendarDays).reduce(0.0) {
      $0 + workableShare[CalendarDate(dayNumber: $1).components.month - 1]
    }
  }
}

/// What one pass needs to know of each activity, as day boundaries (a task occupies
/// [start, finish); a milestone has start == finish == its day + 1).
struct PassInput: Sendable {
  var state: [ActivityState]
  /// Done and in progress: the actual start boundary.
  var fixedStart: [Int]
  /// Done: the actual finish boundary.
  var fixedFinish: [Int]
  /// Not started: the start-no-earlier-than boundary (at least the day after the data date).
  var earliest: [Int]
  /// Days of work: for an activity not started its whole duration, for one in progress what
  /// remains from the day after the data date (working days with a calendar; 0 for a milestone).
  var work: [Int]
  /// Calendar days added to the duration (risk impacts).
  var extraDays: [Int]
  /// Index into `calendars`, or -1 for calendar days.
  var calendar: [Int]
  var calendars: [WorkCalendar]
  /// The day after the data date.
  var nextDay: Int

  init(count: Int, nextDay: Int) {
    state = Array(repeating: .notStarted, count: count)
    fixedStart = Array(repeating: 0, count: count)
    fixedFinish = Array(repeating: 0, count: count)
    earliest = Array(repeating: 0, count: count)
    work = Array(repeating: 0, count: count)
    extraDays = Array(repeating: 0, count: count)
    calendar = Array(repeating: -1, count: count)
    calendars = []
    self.nextDay = nextDay
  }

  /// Calendar days from `start` for activity `i`'s work and extra days.
  func length(_ i: Int, from start: Int) -> Int {
    let days =
      calendar[i] < 0 || work[i] == 0
      ? work[i] : calendars[calendar[i]].calendarDays(from: start, work: work[i])
    return days + extraDays[i]
  }
}

/// The one forward and backward pass (critical path method over whole days), shared by
/// `Schedule.status` and the risk analysis. Buffers are reused from pass to pass.
///
/// Forward, in dependency order: done activities keep their actual dates; an activity in progress
/// keeps its actual start and finishes its remaining work from the day after the data date (no
/// earlier than a finish-to-finish link allows); one not started starts on the latest of its
/// no-earlier-than boundary, each FS predecessor's finish + lag and each SS predecessor's start +
/// lag, and if an FF link needs a later finish it moves later as a whole.
/// Backward from `target` (a finish boundary): an unfinished activity's late finish is the
/// earliest of `target` and, per successor, its late start − lag (FS, successor not started), its
/// late start − lag + own duration (SS, both not started) or its late finish − lag (FF, successor
/// not done).
struct SchedulePass: Sendable {
  let network: ScheduleNetwork
  var start: [Int]
  var finish: [Int]
  var lateFinish: [Int]

  init(network: ScheduleNetwork) {
    self.network = network
    start = Array(repeating: 0, count: network.count)
    finish = start
    lateFinish = start
  }

  mutating func forward(_ input: PassInput) {
    let links = network.predecessors
    for i in network.order {
      let linkRange = network.predecessorStart[i]..<network.predecessorStart[i + 1]
      switch input.state[i] {
      case .done:
        start[i] = input.fixedStart[i]
        finish[i] = input.fixedFinish[i]
      case .inProgress:
        start[i] = input.fixedStart[i]
        var last = input.nextDay + input.length(i, from: input.nextDay)
        for link in links[linkRange] where link.kind == .finishToFinish {
          last = max(last, finish[link.other] + link.lagDays)
        }
        finish[i] = last
      case .notStarted:
        var first = input.earliest[i]
        for link in links[linkRange] {
          switch link.kind {
          case .finishToStart: first = max(first, finish[link.other] + link.lagDays)
          case .startToStart: first = max(first, start[link.other] + link.lagDays)
          case .finishToFinish: break
          }
        }
        var last = first + input.length(i, from: first)
        for link in links[linkRange] where link.kind == .finishToFinish {
          let shift = finish[link.other] + link.lagDays - last
          if shift > 0 {
            first += shift
            last += shift
          }
        }
        start[i] = first
        finish[i] = last
      }
    }
  }

  /// Late finishes from `target` (after `forward`); total float of i = lateFinish[i] − finish[i].
  mutating func backward(_ input: PassInput, target: Int) {
    let links = network.successors
    for i in network.order.reversed() {
      var late = target
      if input.state[i] != .done {
        for link in links[network.successorStart[i]..<network.successorStart[i + 1]] {
          let j = link.other
          switch link.kind {
          case .finishToStart where input.state[j] == .notStarted:
            late = min(late, lateFinish[j] - (finish[j] - start[j]) - link.lagDays)
          case .startToStart where input.state[j] == .notStarted && input.state[i] == .notStarted:
            late = min(late, lateFinish[j] - (finish[j] - start[j]) - link.lagDays + finish[i] - start[i])
          case .finishToFinish where input.state[j] != .done:
            late = min(late, lateFinish[j] - link.lagDays)
          default: break
          }
        }
      }
      lateFinish[i] = late
    }
  }
}
