import CaspianSupport

/// The shape of a three-point range.
public enum RangeDistribution: String, Sendable, Hashable {
  case triangular
  /// Beta-PERT: Beta(1 + 4 (likely − optimistic) / width, 1 + 4 (pessimistic − likely) / width).
  case pert
}

/// A three-point estimate in days (optimistic ≤ likely ≤ pessimistic).
public struct DayRange: Sendable, Hashable {
  public var optimistic: Double
  public var likely: Double
  public var pessimistic: Double
  public var distribution: RangeDistribution
  /// 1-based line in the plan file (0 when built in code).
  public var line: Int

  public init(
    optimistic: Double, likely: Double, pessimistic: Double, distribution: RangeDistribution = .triangular,
    line: Int = 0
  ) {
    self.optimistic = optimistic
    self.likely = likely
    self.pessimistic = pessimistic
    self.distribution = distribution
    self.line = line
  }

  /// Nil if the three points are in order and in `limit`'s range, else the problem.
  func problem(_ limit: Limit) -> String? {
    for value in [optimistic, likely, pessimistic] {
      if let problem = limit.problem(value) { return problem }
    }
    guard optimistic <= likely, likely <= pessimistic else {
      return
        "needs optimistic ≤ likely ≤ pessimistic, got \(Limit.number(optimistic)), \(Limit.number(likely)), \(Limit.number(pessimistic))"
    }
    return nil
  }
}

/// A risk event: fires once per iteration with `probability` and then adds one drawn impact (in
/// calendar days) to each activity in `affects`.
public struct ScheduleRisk: Sendable, Hashable {
  public var id: String
  public var name: String
  public var probability: Double
  public var impactDays: DayRange
  public var affects: [String]
  public var source: String?
  public var assumption: String?
  public var line: Int

  public init(
    id: String, name: String, probability: Double, impactDays: DayRange, affects: [String],
    source: String? = nil, assumption: String? = nil, line: Int = 0
  ) {
    self.id = id
    self.name = name
    self.probability = probability
    self.impactDays = impactDays
    self.affects = affects
    self.source = source
    self.assumption = assumption
    self.line = line
  }
}

/// A rank-order link between two activities' duration draws (a Gaussian copula coefficient).
public struct DurationCorrelation: Sendable, Hashable {
  public var first: String
  public var second: String
  public var coefficient: Double
  public var line: Int

  public init(first: String, second: String, coefficient: Double, line: Int = 0) {
    self.first = first
    self.second = second
    self.coefficient = coefficient
    self.line = line
  }
}

/// The optional uncertainty part of a plan (issue 12): duration ranges and calendars live on the
/// activities; risks, calendars and correlations here.
public struct PlanUncertainty: Sendable {
  public var risks: [ScheduleRisk]
  public var calendars: [WorkCalendar]
  public var correlations: [DurationCorrelation]

  public init(
    risks: [ScheduleRisk] = [], calendars: [WorkCalendar] = [], correlations: [DurationCorrelation] = []
  ) {
    self.risks = risks
    self.calendars = calendars
    self.correlations = correlations
  }

  /// Checks ranges, calendars, risks and correlations against the activities (`index` maps ids
  /// to positions). - Throws: `ScheduleError` naming `file` and the line of the first problem.
  func check(activities: [Activity], index: [String: Int], file: String) throws {
    func fail(_ line: Int, _ message: String) -> ScheduleError {
      ScheduleError(file: file, line: line > 0 ? line : nil, message)
    }
    var calendarNames: Set<String> = []
    for calendar in calendars {
      guard calendarNames.insert(calendar.name).inserted else {
        throw fail(calendar.line, "duplicate calendar \(calendar.name)")
      }
      guard calendar.workableShare.count == 12 else {
        throw fail(
          calendar.line, "calendar \(calendar.name) needs a workable share for each of the 12 months")
      }
      for share in calendar.workableShare {
        if let problem = Limits.workableShare.problem(share) {
          throw fail(calendar.line, "calendar \(calendar.name): \(problem)")
        }
      }
      guard calendar.workableShare.contains(where: { $0 > 0 }) else {
        throw fail(calendar.line, "calendar \(calendar.name) has no workable day in any month")
      }
    }
    for activity in activities {
      if let range = activity.durationRange {
        let at = range.line > 0 ? range.line : activity.line
        if activity.isMilestone { throw fail(at, "milestone \(activity.id) cannot have a duration range") }
        if let problem = range.problem(Limits.durationDays) {
          throw fail(at, "activity \(activity.id): duration \(problem)")
        }
      }
      if let name = activity.calendar {
        guard calendarNames.contains(name) else {
          throw fail(
            activity.line,
            "activity \(activity.id): unknown calendar \(CloseMatches.echo(name))"
              + CloseMatches.hint(for: name, in: calendars.map(\.name)))
        }
        guard activity.durationRange != nil else {
          throw fail(
            activity.line, "activity \(activity.id) has a calendar but no duration range (in working days)")
        }
      }
    }
    var riskIDs: [String: Int] = [:]
    for risk in risks {
      if let first = riskIDs[risk.id] {
        throw fail(risk.line, "duplicate risk id \(risk.id) (first at line \(first))")
      }
      riskIDs[risk.id] = risk.line
      if let problem = Limits.probability.problem(risk.probability) {
        throw fail(risk.line, "risk \(risk.id): \(problem)")
      }
      if let problem = risk.impactDays.problem(Limits.impactDays) {
        throw fail(
          risk.impactDays.line > 0 ? risk.impactDays.line : risk.line,
          "risk \(risk.id): impactDays \(problem)")
      }
      guard !risk.affects.isEmpty else { throw fail(risk.line, "risk \(risk.id) affects no activity") }
      for id in risk.affects {
        guard let i = index[id] else {
          throw fail(
            risk.line,
            "risk \(risk.id) affects unknown activity \(CloseMatches.echo(id))"
              + CloseMatches.hint(for: id, in: activities.map(\.id)))
        }
        if activities[i].isMilestone { throw fail(risk.line, "risk \(risk.id) affects milestone \(id)") }
      }
    }
    var pairs: Set<[String]> = []
    for correlation in correlations {
      if let problem = Limits.correlation.problem(correlation.coefficient) {
        throw fail(correlation.line, problem)
      }
      for id in [correlation.first, correlation.second] {
        guard let i = index[id] else {
          throw fail(
            correlation.line,
            "correlation names unknown activity \(CloseMatches.echo(id))"
              + CloseMatches.hint(for: id, in: activities.map(\.id)))
        }
        guard activities[i].durationRange != nil else {
          throw fail(correlation.line, "correlation names \(id), which has no duration range")
        }
      }
      guard correlation.first != correlation.second else {
        throw fail(correlation.line, "a correlation needs two different activities")
      }
      guard pairs.insert([correlation.first, correlation.second].sorted()).inserted else {
        throw fail(
          correlation.line, "correlation of \(correlation.first) and \(correlation.second) is given twice")
      }
    }
    if let matrix = CorrelationMatrix(correlations), matrix.cholesky() == nil {
      throw fail(
        correlations[0].line,
        "the correlations do not form a valid correlation matrix (not positive semi-definite): "
          + "lower the coefficients among \(matrix.ids.joined(separator: ", "))")
    }
  }
}

/// The correlation matrix over the activities named in correlations (1 on the diagonal, 0 for
/// pairs not given).
struct CorrelationMatrix {
  let ids: [String]
  /// Row-major, ids.count × ids.count.
  let values: [Double]

  /// Nil when there are no correlations.
  init?(_ correlations: [DurationCorrelation]) {
    guard !correlations.isEmpty else { return nil }
    var ids: [String] = []
    for correlation in correlations {
      for id in [correlation.first, correlation.second] where !ids.contains(id) { ids.append(id) }
    }
    let n = ids.count
    var values = Array(repeating: 0.0, count: n * n)
    for i in 0..<n { values[i * n + i] = 1 }
    for correlation in correlations {
      let a = ids.firstIndex(of: correlation.first)!
      let b = ids.firstIndex(of: correlation.second)!
      values[a * n + b] = correlation.coefficient
      values[b * n + a] = correlation.coefficient
    }
    self.ids = ids
    self.values = values
  }

  /// The lower-triangular L with L Lᵀ = the matrix (row-major), or nil if the matrix is not
  /// positive semi-definite (a pivot below −1e-9); pivots within 1e-9 of zero give zero columns.
  func cholesky() -> [Double]? {
    let n = ids.count
    var l = Array(repeating: 0.0, count: n * n)
    for j in 0..<n {
      var pivot = values[j * n + j]
      for k in 0..<j { pivot -= l[j * n + k] * l[j * n + k] }
      if pivot < -1e-9 { return nil }
      let diagonal = pivot > 1e-9 ? pivot.squareRoot() : 0
      l[j * n + j] = diagonal
      for i in (j + 1)..<max(j + 1, n) {
        var sum = values[i * n + j]
        for k in 0..<j { sum -= l[i * n + k] * l[j * n + k] }
        if diagonal == 0 {
          if abs(sum) > 1e-9 { return nil }
        } else {
          l[i * n + j] = sum / diagonal
        }
      }
    }
    return l
  }
}
