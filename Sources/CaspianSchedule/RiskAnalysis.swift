import Foundation

/// One activity's share in the finish's uncertainty.
public struct ActivityRisk: Sendable {
  public let id: String
  public let name: String
  /// Share of iterations in which the activity is unfinished and has zero total float (measured
  /// back from that iteration's finish).
  public let criticality: Double
  /// Spearman rank correlation (mid-ranks for ties) of its drawn duration (days of work plus
  /// risk impacts) with the project finish; 0 when the duration never varies.
  public let sensitivity: Double
  public let p50Finish: CalendarDate
  public let p80Finish: CalendarDate
}

/// What one risk event does to the finish.
public struct RiskEffect: Sendable {
  public let id: String
  public let name: String
  public let probability: Double
  /// Days the P80 finish moves earlier when the event is removed (same random numbers otherwise).
  public let p80DaysAdded: Int
}

/// The result of `RiskAnalysis.run`.
public struct RiskResult: Sendable {
  public let project: String
  public let planFile: String
  public let asOf: CalendarDate
  public let deadline: CalendarDate
  public let iterations: Int
  public let seed: UInt64
  /// The finish of `schedule status` for the same as-of date.
  public let deterministicFinish: CalendarDate
  public let p10: CalendarDate
  public let p50: CalendarDate
  public let p80: CalendarDate
  public let p90: CalendarDate
  public let mean: CalendarDate
  /// Share of iterations finishing on or before the deadline.
  public let onTimeProbability: Double
  /// Iterations finishing on each day, earliest first (days with none are left out).
  public let finishCounts: [(day: CalendarDate, count: Int)]
  /// In plan order.
  public let activities: [ActivityRisk]
  public let risks: [RiskEffect]

  /// Share of iterations finishing on or before `day`.
  public func probability(onOrBefore day: CalendarDate) -> Double {
    Double(finishCounts.lazy.filter { $0.day <= day }.map(\.count).reduce(0, +)) / Double(iterations)
  }
}

/// Monte Carlo schedule risk analysis over the plan's ranges, risks, calendars and correlations.
///
/// Each iteration runs the one scheduling pass (`SchedulePass`) with drawn durations: done work
/// keeps its actual dates; an activity with a range not yet started draws its duration (working
/// days with a calendar); one in progress draws a factor drawn / likely on the remaining work of
/// its deterministic forecast (so degenerate ranges give the deterministic schedule); the days of
/// work are rounded to the nearest day (halves up), at least 1; each risk fires with its
/// probability and adds one drawn impact (calendar days, rounded) to every unfinished activity
/// it affects. Iteration k draws from its own stream (seed, k), so results do not depend on how
/// iterations are spread over cores. Statistics come from day histograms; the rank
/// correlations from a second pass over the same streams, without an iterations × activities
/// matrix (memory: histograms plus one finish day per iteration).
public enum RiskAnalysis {
  /// Iterations per unit of work handed to a core.
  static let chunkSize = 512

  public static func run(
    plan: Plan, history: UpdateHistory, asOf: CalendarDate, iterations: Int, seed: UInt64,
    cores: Int = ProcessInfo.processInfo.activeProcessorCount
  ) async throws -> RiskResult {
    let status = try Schedule.status(plan: plan, history: history, asOf: asOf)
    let model = RiskModel(
      plan: plan,
      base: Schedule.passInput(
        plan: plan, facts: try history.facts(plan: plan, asOf: asOf), asOf: asOf), seed: seed)
    let chunks = (iterations + chunkSize - 1) / chunkSize
    let workers = max(1, min(cores, chunks))

    // First pass: histograms, criticality, finishes without each risk, one finish per iteration.
    var tally = RiskTally(model: model)
    var finishes = Array(repeating: Int32(0), count: iterations)
    await withTaskGroup(of: (RiskTally, [(Int, [Int32])]).self) { group in
      for worker in 0..<workers {
        group.addTask {
          var own = RiskTally(model: model)
          var runner = RiskRunner(model: model)
          var days: [(Int, [Int32])] = []
          for chunk in stride(from: worker, to: chunks, by: workers) {
            let range = chunk * chunkSize..<min(iterations, (chunk + 1) * chunkSize)
            days.append((chunk, range.map { Int32(runner.simulate($0, into: &own) - model.dayOrigin) }))
          }
          runner.flush(into: &own)
          return (own, days)
        }
      }
      for await (own, days) in group {
        tally.merge(own)
        for (chunk, values) in days {
          finishes.replaceSubrange(chunk * chunkSize..<chunk * chunkSize + values.count, with: values)
        }
      }
    }

    // Second pass: rank sums of each varying duration with the finish.
    let finishRanks = tally.finish.doubledMidRanks()
    let drawn = model.variable.indices.map { tally.drawn.histogram($0) }
    let drawnRanks = drawn.map { $0.doubledMidRanks() }
    let shared = RankInputs(
      finishes: finishes, finishRanks: finishRanks, finishFirst: tally.finish.first, drawnRanks: drawnRanks,
      drawnFirst: drawn.map(\.first))
    var sums = Array(repeating: Int64(0), count: model.variable.count)
    await withTaskGroup(of: [Int64].self) { group in
      for worker in 0..<workers {
        group.addTask {
          var runner = RiskRunner(model: model)
          var own = Array(repeating: Int64(0), count: model.variable.count)
          for chunk in stride(from: worker, to: chunks, by: workers) {
            for k in chunk * chunkSize..<min(iterations, (chunk + 1) * chunkSize) {
              runner.rankProducts(k, shared, into: &own)
            }
          }
          return own
        }
      }
      for await own in group { for v in sums.indices { sums[v] += own[v] } }
    }

    let n = Int64(iterations)
    let centre = n * (n + 1) * (n + 1)
    let finishSpread = tally.finish.sumOfSquaredDoubledRanks(finishRanks) - Double(centre)
    var sensitivity = Array(repeating: 0.0, count: plan.activities.count)
    for (v, i) in model.variable.enumerated() {
      let spread = drawn[v].sumOfSquaredDoubledRanks(drawnRanks[v]) - Double(centre)
      guard spread > 0, finishSpread > 0 else { continue }
      sensitivity[i] = Double(sums[v] - centre) / (spread * finishSpread).squareRoot()
    }
    func day(_ value: Int) -> CalendarDate { CalendarDate(dayNumber: value) }
    let p80 = tally.finish.percentile(80)
    let total = tally.finish.counts.enumerated().reduce(Int64(0)) {
      $0 + Int64($1.offset + tally.finish.first) * Int64($1.element)
    }
    let onTime = tally.finish.counts.enumerated().filter {
      tally.finish.first + $0.offset <= plan.deadline.dayNumber
    }
    .map(\.element).reduce(0, +)
    return RiskResult(
      project: plan.project, planFile: plan.file, asOf: asOf, deadline: plan.deadline, iterations: iterations,
      seed: seed, deterministicFinish: status.forecastFinish, p10: day(tally.finish.percentile(10)),
      p50: day(tally.finish.percentile(50)), p80: day(p80), p90: day(tally.finish.percentile(90)),
      mean: day(Int((Double(total) / Double(iterations)).rounded())),
      onTimeProbability: Double(onTime) / Double(iterations),
      finishCounts: tally.finish.counts.enumerated().filter { $0.element > 0 }.map {
        (day(tally.finish.first + $0.offset), $0.element)
      },
      activities: plan.activities.enumerated().map { i, activity in
        let finish = tally.activityFinish.histogram(i)
        return ActivityRisk(
          id: activity.id, name: activity.name, criticality: Double(tally.critical[i]) / Double(iterations),
          sensitivity: sensitivity[i], p50Finish: day(finish.percentile(50)),
          p80Finish: day(finish.percentile(80)))
      },
      risks: plan.uncertainty.risks.enumerated().map { r, risk in
        RiskEffect(
          id: risk.id, name: risk.name, probability: risk.probability,
          p80DaysAdded: p80 - tally.withoutRisk[r].percentile(80))
      })
  }
}

/// The plan compiled for drawing: the deterministic pass input and what varies.
struct RiskModel: Sendable {
  let network: ScheduleNetwork
  let base: PassInput
  let seed: UInt64
  let finishIndex: Int
  /// Finish days are stored relative to this day (Int32 per iteration).
  let dayOrigin: Int
  /// Activities with a range, in plan order (each draws one number per iteration, done or not).
  let ranged: [Int]
  let samplers: [RangeSampler]
  /// The PERT tables of `samplers` and the events' impacts.
  let table: [Double]
  /// Each activity's position in the topological order.
  let position: [Int]
  /// Per ranged activity: the factor from the drawn duration to the days of work left (1 if not
  /// started, deterministic remaining work / likely if in progress, 0 if done).
  let share: [Double]
  struct Event: Sendable {
    let probability: Double
    let impact: RangeSampler
    /// Unfinished activities it affects.
    let affected: [Int]
    /// The earliest topological position among them (a pass without the event starts there).
    let firstPosition: Int
  }
  let events: [Event]
  /// Positions in `ranged` of the correlated activities and the Cholesky factor of their matrix.
  let correlated: [Int]
  let cholesky: [Double]
  /// Unfinished activities whose drawn duration varies (a range or a risk), for sensitivity.
  let variable: [Int]

  init(plan: Plan, base: PassInput, seed: UInt64) {
    network = ScheduleNetwork(plan: plan)
    self.seed = seed
    finishIndex = plan.indexByID[plan.finishID]!
    dayOrigin = base.nextDay
    ranged = plan.activities.indices.filter { plan.activities[$0].durationRange != nil }
    var table: [Double] = []
    var known: [[Double]: Int] = [:]
    samplers = ranged.map { RangeSampler(plan.activities[$0].durationRange!, table: &table, known: &known) }
    var input = base
    for (i, activity) in plan.activities.enumerated() {
      if let name = activity.calendar, input.state[i] != .done {
        input.calendar[i] = plan.uncertainty.calendars.firstIndex { $0.name == name }!
      }
    }
    input.calendarShares = plan.uncertainty.calendars.flatMap(\.workableShare)
    // An activity in progress scales its deterministic remaining work (working days under its
    // calendar) by drawn / likely.
    share = ranged.map { i in
      let likely = plan.activities[i].durationRange!.likely
      switch base.state[i] {
      case .done: return 0
      case .notStarted: return 1
      case .inProgress:
        let remaining =
          input.calendar[i] < 0
          ? Double(base.work[i])
          : plan.uncertainty.calendars[input.calendar[i]].workingDays(
            from: base.nextDay, calendarDays: base.work[i])
        return likely > 0 ? remaining / likely : 1
      }
    }
    self.base = input
    var position = Array(repeating: 0, count: plan.activities.count)
    for (p, i) in plan.topologicalOrder.enumerated() { position[i] = p }
    self.position = position
    events = plan.uncertainty.risks.map { risk in
      let affected = risk.affects.map { plan.indexByID[$0]! }.filter { base.state[$0] != .done }
      return Event(
        probability: risk.probability, impact: RangeSampler(risk.impactDays, table: &table, known: &known),
        affected: affected, firstPosition: affected.map { position[$0] }.min() ?? position.count)
    }
    self.table = table
    if let matrix = CorrelationMatrix(plan.uncertainty.correlations) {
      let ranged = self.ranged
      correlated = matrix.ids.map { id in ranged.firstIndex(of: plan.indexByID[id]!)! }
      cholesky = matrix.cholesky()!
    } else {
      correlated = []
      cholesky = []
    }
    let risked = Set(events.flatMap(\.affected))
    variable = plan.activities.indices.filter { i in
      base.state[i] != .done && (risked.contains(i) || plan.activities[i].durationRange != nil)
    }
  }
}

/// Accumulated counts of one or more chunks (integers only, so merging in any order gives the
/// same result).
struct RiskTally: Sendable {
  var finish = DayHistogram()
  var withoutRisk: [DayHistogram]
  var activityFinish: HistogramSet
  var critical: [Int]
  /// Per `RiskModel.variable`: drawn days.
  var drawn: HistogramSet

  init(model: RiskModel) {
    withoutRisk = Array(repeating: DayHistogram(), count: model.events.count)
    activityFinish = HistogramSet(series: model.network.count)
    critical = Array(repeating: 0, count: model.network.count)
    drawn = HistogramSet(series: model.variable.count)
  }

  mutating func merge(_ other: RiskTally) {
    finish.merge(other.finish)
    for r in withoutRisk.indices { withoutRisk[r].merge(other.withoutRisk[r]) }
    activityFinish.merge(other.activityFinish)
    for i in critical.indices { critical[i] += other.critical[i] }
    drawn.merge(other.drawn)
  }
}

/// What the second pass reads (shared by all cores).
struct RankInputs: Sendable {
  let finishes: [Int32]
  let finishRanks: [Int64]
  let drawnRanks: [[Int64]]
  let finishFirst: Int
  let drawnFirst: [Int]

  init(finishes: [Int32], finishRanks: [Int64], finishFirst: Int, drawnRanks: [[Int64]], drawnFirst: [Int]) {
    self.finishes = finishes
    self.finishRanks = finishRanks
    self.finishFirst = finishFirst
    self.drawnRanks = drawnRanks
    self.drawnFirst = drawnFirst
  }
}

/// One core's working state: the pass, the drawn input and the draws.
struct RiskRunner {
  let model: RiskModel
  var pass: SchedulePass
  var input: PassInput
  var uniforms: [Double]
  var impacts: [Int]
  /// Per-activity finish days and drawn days of the last `pending` iterations, `block` slots per
  /// activity, counted into the histograms a block at a time (each activity's window then stays
  /// in cache for a block of counts).
  static let block = 64
  var pendingFinish: [Int32]
  var pendingDrawn: [Int32]
  var pending = 0
  /// For `SchedulePass.forwardChanges`.
  var dirty: [Bool]
  var undo: [(index: Int, start: Int, finish: Int)] = []

  init(model: RiskModel) {
    self.model = model
    pass = SchedulePass(network: model.network)
    input = model.base
    uniforms = Array(repeating: 0, count: model.ranged.count)
    impacts = Array(repeating: 0, count: model.events.count)
    dirty = Array(repeating: false, count: model.network.count)
    pendingFinish = Array(repeating: 0, count: model.network.count * Self.block)
    pendingDrawn = Array(repeating: 0, count: model.variable.count * Self.block)
  }

  /// Draws iteration k into `input` (work and extra days) and `impacts` (0 if an event did not fire).
  mutating func draw(_ k: Int) {
    var stream = IterationStream(seed: model.seed, iteration: k)
    for r in uniforms.indices { uniforms[r] = stream.uniform() }
    if !model.correlated.isEmpty {
      let m = model.correlated.count
      let z = model.correlated.map { Normal.quantile(uniforms[$0] + 0x1p-54) }
      for (row, r) in model.correlated.enumerated() {
        var sum = 0.0
        for column in 0...row { sum += model.cholesky[row * m + column] * z[column] }
        uniforms[r] = Normal.cdf(sum)
      }
    }
    model.table.withUnsafeBufferPointer { table in
      model.samplers.withUnsafeBufferPointer { samplers in
        model.share.withUnsafeBufferPointer { share in
          model.ranged.withUnsafeBufferPointer { ranged in
            uniforms.withUnsafeBufferPointer { uniforms in
              input.work.withUnsafeMutableBufferPointer { work in
                for r in 0..<ranged.count where share[r] > 0 {
                  work[ranged[r]] = max(1, Int(samplers[r].value(uniforms[r], table: table) * share[r] + 0.5))
                }
              }
            }
          }
        }
      }
      for i in model.variable { input.extraDays[i] = 0 }
      for (e, event) in model.events.enumerated() {
        let fires = stream.uniform() < event.probability
        let impact = Int(event.impact.value(stream.uniform(), table: table) + 0.5)
        impacts[e] = fires ? impact : 0
        if fires { for i in event.affected { input.extraDays[i] += impact } }
      }
    }
  }

  /// Runs iteration k, counts it into `tally` and returns its finish day.
  mutating func simulate(_ k: Int, into tally: inout RiskTally) -> Int {
    draw(k)
    pass.forward(input)
    let finishBoundary = pass.finish[model.finishIndex]
    let finishDay = finishBoundary - 1
    tally.finish.add(finishDay)
    pass.backward(input, target: finishBoundary)
    let slot = pending
    for i in 0..<model.network.count {
      pendingFinish[i * Self.block + slot] = Int32(pass.finish[i] - 1)
      if input.state[i] != .done, pass.lateFinish[i] == pass.finish[i] { tally.critical[i] += 1 }
    }
    for (v, i) in model.variable.enumerated() {
      pendingDrawn[v * Self.block + slot] = Int32(input.work[i] + input.extraDays[i])
    }
    pending += 1
    if pending == Self.block { flush(into: &tally) }
    // Without each event that fired: the pass again where that changes dates, then back.
    for (e, event) in model.events.enumerated() {
      guard impacts[e] > 0 else {
        tally.withoutRisk[e].add(finishDay)
        continue
      }
      for i in event.affected { input.extraDays[i] -= impacts[e] }
      pass.forwardChanges(input, from: event.firstPosition, seeds: event.affected, dirty: &dirty, undo: &undo)
      tally.withoutRisk[e].add(pass.finish[model.finishIndex] - 1)
      for i in event.affected { input.extraDays[i] += impacts[e] }
      pass.undo(&undo)
    }
    return finishDay
  }

  /// Counts the pending iterations into `tally`.
  mutating func flush(into tally: inout RiskTally) {
    for i in 0..<model.network.count {
      for slot in 0..<pending { tally.activityFinish.add(i, Int(pendingFinish[i * Self.block + slot])) }
    }
    for v in model.variable.indices {
      for slot in 0..<pending { tally.drawn.add(v, Int(pendingDrawn[v * Self.block + slot])) }
    }
    pending = 0
  }

  /// Adds iteration k's (2 × mid-rank of drawn days) × (2 × mid-rank of the finish) to `sums`.
  mutating func rankProducts(_ k: Int, _ shared: RankInputs, into sums: inout [Int64]) {
    draw(k)
    let finishDay = Int(shared.finishes[k]) + model.dayOrigin
    let finishRank = shared.finishRanks[finishDay - shared.finishFirst]
    for (v, i) in model.variable.enumerated() {
      sums[v] += shared.drawnRanks[v][input.work[i] + input.extraDays[i] - shared.drawnFirst[v]] * finishRank
    }
  }
}
