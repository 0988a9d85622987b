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
  /// `predecessors[predecessorStart[i]..<predecessorStart[i + 1]]` are the links into activity i.
  let predecessors: [Link]
  let predecessorStart: [Int]
  /// `successors[successorStart[i]..<successorStart[i + 1]]` are the links out of activity i.
  let successors: [Link]
  let successorStart: [Int]

  init(plan: Plan) {
    count = plan.activities.count
    order = plan.topologicalOrder
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
  /// day of month m yields `shares[m]` of a working day (the activity ends on the first day
  /// where the sum reaches `work`). `shares` holds 12 monthly shares, at least one above 0.
  static func calendarDays(from start: Int, work: Int, shares: UnsafePointer<Double>) -> Int {
    var remaining = Double(work)
    var (year, month, dayOfMonth) = CalendarDate(dayNumber: start).components
    var days = 0
    while true {
      let left = CalendarDate.daysInMonth(year: year, month: month) - dayOfMonth + 1
      let share = shares[month - 1]
      if share > 0, share * Double(left) >= remaining - 1e-9 {
        return days + max(1, Int((remaining / share - 1e-9).rounded(.up)))
      }
      remaining -= share * Double(left)
      days += left
      dayOfMonth = 1
      if month == 12 {
        month = 1
        year += 1
      } else {
        month += 1
      }
    }
  }

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
  /// Index of the activity's calendar (its shares start at `12 × index` in `calendarShares`), or
  /// -1 for calendar days.
  var calendar: [Int]
  /// Twelve monthly workable shares per calendar.
  var calendarShares: [Double]
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
    calendarShares = []
    self.nextDay = nextDay
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

  /// The forward pass over the activities from topological position `position` on (those
  /// before it keep their dates from the previous pass).
  mutating func forward(_ input: PassInput, from position: Int = 0) {
    withDates(input) { dates in
      for p in position..<dates.order.count { dates.update(dates.order[p]) }
    }
  }

  /// The forward pass again after the inputs of `seeds` changed (all at topological position
  /// `position` or later): only they and successors of activities whose dates moved are
  /// recomputed. Each activity whose dates moved is appended to `undo` with its previous dates
  /// (`undo(_:)` puts them back); `dirty` (one flag per activity, all false) is left all false.
  mutating func forwardChanges(
    _ input: PassInput, from position: Int, seeds: [Int], dirty: inout [Bool],
    undo: inout [(index: Int, start: Int, finish: Int)]
  ) {
    for i in seeds { dirty[i] = true }
    let network = self.network
    withDates(input) { dates in
      network.successors.withUnsafeBufferPointer { successors in
        network.successorStart.withUnsafeBufferPointer { successorStart in
          dirty.withUnsafeMutableBufferPointer { dirty in
            for p in position..<dates.order.count {
              let i = dates.order[p]
              guard dirty[i] else { continue }
              dirty[i] = false
              let (start, finish) = (dates.start[i], dates.finish[i])
              dates.update(i)
              guard dates.start[i] != start || dates.finish[i] != finish else { continue }
              undo.append((i, start, finish))
              for l in successorStart[i]..<successorStart[i + 1] { dirty[successors[l].other] = true }
            }
          }
        }
      }
    }
  }

  /// Puts back the dates `forwardChanges` moved, and empties `undo`.
  mutating func undo(_ undo: inout [(index: Int, start: Int, finish: Int)]) {
    for entry in undo.reversed() {
      start[entry.index] = entry.start
      finish[entry.index] = entry.finish
    }
    undo.removeAll(keepingCapacity: true)
  }

  /// The pass's arrays and the input as buffers, for the forward rule of one activity.
  private struct Dates {
    let order: UnsafeBufferPointer<Int>
    let links: UnsafeBufferPointer<ScheduleNetwork.Link>
    let linkStart: UnsafeBufferPointer<Int>
    let state: UnsafeBufferPointer<ActivityState>
    let fixedStart: UnsafeBufferPointer<Int>
    let fixedFinish: UnsafeBufferPointer<Int>
    let earliest: UnsafeBufferPointer<Int>
    let work: UnsafeBufferPointer<Int>
    let extra: UnsafeBufferPointer<Int>
    let calendar: UnsafeBufferPointer<Int>
    let shares: UnsafeBufferPointer<Double>
    let start: UnsafeMutableBufferPointer<Int>
    let finish: UnsafeMutableBufferPointer<Int>
    let nextDay: Int

    /// Calendar days from `first` for activity i's work and extra days.
    func length(_ i: Int, from first: Int) -> Int {
      let days =
        calendar[i] < 0 || work[i] == 0
        ? work[i]
        : WorkCalendar.calendarDays(
          from: first, work: work[i], shares: shares.baseAddress! + 12 * calendar[i])
      return days + extra[i]
    }

    /// Sets activity i's start and finish from its predecessors' (the forward rule).
    func update(_ i: Int) {
      let range = linkStart[i]..<linkStart[i + 1]
      switch state[i] {
      case .done:
        start[i] = fixedStart[i]
        finish[i] = fixedFinish[i]
      case .inProgress:
        start[i] = fixedStart[i]
        var last = nextDay + length(i, from: nextDay)
        for l in range where links[l].kind == .finishToFinish {
          last = max(last, finish[links[l].other] + links[l].lagDays)
        }
        finish[i] = last
      case .notStarted:
        var first = earliest[i]
        for l in range {
          let link = links[l]
          switch link.kind {
          case .finishToStart: first = max(first, finish[link.other] + link.lagDays)
          case .startToStart: first = max(first, start[link.other] + link.lagDays)
          case .finishToFinish: break
          }
        }
        var last = first + length(i, from: first)
        for l in range where links[l].kind == .finishToFinish {
          let shift = finish[links[l].other] + links[l].lagDays - last
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

  private mutating func withDates(_ input: PassInput, _ body: (Dates) -> Void) {
    let network = self.network
    network.order.withUnsafeBufferPointer { order in
      network.predecessors.withUnsafeBufferPointer { links in
        network.predecessorStart.withUnsafeBufferPointer { linkStart in
          input.state.withUnsafeBufferPointer { state in
            input.fixedStart.withUnsafeBufferPointer { fixedStart in
              input.fixedFinish.withUnsafeBufferPointer { fixedFinish in
                input.earliest.withUnsafeBufferPointer { earliest in
                  input.work.withUnsafeBufferPointer { work in
                    input.extraDays.withUnsafeBufferPointer { extra in
                      input.calendar.withUnsafeBufferPointer { calendar in
                        input.calendarShares.withUnsafeBufferPointer { shares in
                          start.withUnsafeMutableBufferPointer { start in
                            finish.withUnsafeMutableBufferPointer { finish in
                              body(
                                Dates(
                                  order: order, links: links, linkStart: linkStart, state: state,
                                  fixedStart: fixedStart, fixedFinish: fixedFinish, earliest: earliest,
                                  work: work,
                                  extra: extra, calendar: calendar, shares: shares, start: start,
                                  finish: finish,
                                  nextDay: input.nextDay))
                            }
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }

  /// Late finishes from `target` (after `forward`); total float of i = lateFinish[i] − finish[i].
  mutating func backward(_ input: PassInput, target: Int) {
    network.order.withUnsafeBufferPointer { order in
      network.successors.withUnsafeBufferPointer { links in
        network.successorStart.withUnsafeBufferPointer { linkStart in
          input.state.withUnsafeBufferPointer { state in
            start.withUnsafeBufferPointer { start in
              finish.withUnsafeBufferPointer { finish in
                lateFinish.withUnsafeMutableBufferPointer { lateFinish in
                  for i in order.reversed() {
                    var late = target
                    if state[i] != .done {
                      for link in links[linkStart[i]..<linkStart[i + 1]] {
                        let j = link.other
                        switch link.kind {
                        case .finishToStart where state[j] == .notStarted:
                          late = min(late, lateFinish[j] - (finish[j] - start[j]) - link.lagDays)
                        case .startToStart where state[j] == .notStarted && state[i] == .notStarted:
                          late = min(
                            late, lateFinish[j] - (finish[j] - start[j]) - link.lagDays + finish[i] - start[i]
                          )
                        case .finishToFinish where state[j] != .done:
                          late = min(late, lateFinish[j] - link.lagDays)
                        default: break
                        }
                      }
                    }
                    lateFinish[i] = late
                  }
                }
              }
            }
          }
        }
      }
    }
  }
}
