import Foundation

/// The dated progress records of a plan, in log order, with the file they came from.
public struct UpdateHistory: Sendable {
  /// The log file as named in messages.
  public let file: String
  public let records: [ProgressUpdate]
  /// A torn last line (left by a crash mid-write) that was ignored; report `torn.warning`.
  public let torn: TornLine?

  public init(file: String, records: [ProgressUpdate], torn: TornLine? = nil) {
    self.file = file
    self.records = records
    self.torn = torn
  }

  /// The last day anything was recorded, up to and including `asOf`.
  public func lastRecorded(asOf: CalendarDate) -> CalendarDate? {
    records.lazy.map(\.recorded).filter { $0 <= asOf }.max()
  }

  /// Checks every record against the plan by replaying the whole history.
  /// - Throws: `ScheduleError` naming the log file and the line of the first bad record.
  public func validate(against plan: Plan) throws {
    _ = try facts(plan: plan, asOf: CalendarDate(dayNumber: Int.max / 2))
  }

  /// The stable id of the record at `index` of `records`: "R1" for the first record of the
  /// log, and so on (the log is append-only, so the id never changes).
  public static func recordID(_ index: Int) -> String { "R\(index + 1)" }

  /// The index in `records` named by a record id ("R7" → 6), or nil if `id` is not one.
  public static func recordIndex(_ id: String) -> Int? {
    guard id.first == "R", let number = Int(id.dropFirst()), number >= 1, String(number) == id.dropFirst()
    else { return nil }
    return number - 1
  }

  /// For each record, the index of the record in force that supersedes it (corrects or voids
  /// it), or nil. A correction or void that is itself superseded gives its target back.
  /// - Throws: `ScheduleError` for a reference to an unknown or later record, to another
  ///   activity's record or another date, or to a record already superseded.
  public func supersededBy() throws -> [Int?] {
    var result = [Int?](repeating: nil, count: records.count)
    for index in records.indices.reversed() {
      let record = records[index]
      guard let reference = record.corrects ?? record.voids else { continue }
      func fail(_ message: String) -> ScheduleError {
        ScheduleError(file: file, line: record.line > 0 ? record.line : nil, "\(record.id): \(message)")
      }
      guard let target = Self.recordIndex(reference), target < index else {
        throw fail("\(reference) is not an earlier record of \(URL(fileURLWithPath: file).lastPathComponent)")
      }
      let original = records[target]
      guard original.id == record.id, original.recorded == record.recorded else {
        throw fail(
          "\(reference) is a record of \(original.id) on \(original.recorded), not of \(record.id) on \(record.recorded)"
        )
      }
      // A correction or void that is itself superseded leaves its target in force (its
      // reference is still checked above: a malformed one is an error wherever it stands).
      if result[index] != nil { continue }
      if let later = result[target] {
        // Two records in force supersede one: the later one is the mistake.
        let record = records[later]
        throw ScheduleError(
          file: file, line: record.line > 0 ? record.line : nil,
          "\(record.id): \(reference) is already superseded by \(Self.recordID(index)) (correct or void \(Self.recordID(index)) instead)"
        )
      }
      result[target] = index
    }
    return result
  }

  /// The ids of the records a void in force cancels (`R24`).
  public func voidedRecordIDs() throws -> Set<String> {
    let superseded = try supersededBy()
    return Set(
      superseded.indices.filter { index in superseded[index].map { records[$0].voids != nil } ?? false }
        .map(Self.recordID))
  }

  /// The records in force in the order they apply: superseded records and voids left out, a
  /// correction in the place of the record it corrects, by recorded date.
  func recordsInForce(asOf: CalendarDate) throws -> [ProgressUpdate] {
    let superseded = try supersededBy()
    var place = Array(records.indices)
    for (index, record) in records.enumerated() {
      if let reference = record.corrects ?? record.voids, let target = Self.recordIndex(reference) {
        place[index] = place[target]
      }
    }
    return records.indices.filter {
      superseded[$0] == nil && records[$0].voids == nil && records[$0].recorded <= asOf
    }
    .sorted { (records[$0].recorded, place[$0]) < (records[$1].recorded, place[$1]) }.map { records[$0] }
  }

  /// Merges the records in force made up to and including `asOf`, by recorded date then log
  /// order (later records override the fields they set), checking each one.
  func facts(plan: Plan, asOf: CalendarDate) throws -> [String: ActivityFacts] {
    var result: [String: ActivityFacts] = [:]
    for record in try recordsInForce(asOf: asOf) {
      func fail(_ message: String) -> ScheduleError {
        ScheduleError(file: file, line: record.line > 0 ? record.line : nil, "\(record.id): \(message)")
      }
      let activity = try plan.requireActivity(
        record.id, file: file, line: record.line > 0 ? record.line : nil)
      for (name, date) in [("actual start", record.actualStart), ("actual finish", record.actualFinish)] {
        if let date, date > record.recorded {
          throw fail("\(name) \(date) is in the future of the date it was recorded (\(record.recorded))")
        }
      }
      var facts = result[record.id] ?? ActivityFacts()
      if let recordedKP = record.kp {
        guard activity.progressByKP, let length = plan.routeLengthKm else {
          throw fail("KP is recorded only for the activity with 'progress: kp'")
        }
        let kp = plan.snappedKP(recordedKP)
        guard kp >= 0, kp <= length else {
          throw fail("KP \(recordedKP) is outside the planned route (0 to \(Plan.printedKm(length)) km)")
        }
        if let previous = facts.kp, kp < previous {
          throw fail("KP \(kp) is behind KP \(previous) recorded on \(facts.kpRecorded!)")
        }
        facts.kp = kp
        facts.kpRecorded = record.recorded
      }
      if activity.isMilestone {
        if let start = record.actualStart, let finish = record.actualFinish, start != finish {
          throw fail("a milestone has one actual date, not a start \(start) and a finish \(finish)")
        }
        if let date = record.actualFinish ?? record.actualStart {
          facts.actualStart = date
          facts.actualFinish = date
        }
      } else {
        if let start = record.actualStart { facts.actualStart = start }
        if let finish = record.actualFinish { facts.actualFinish = finish }
      }
      if let percent = record.percentComplete {
        facts.percentComplete = percent
        facts.percentRecorded = record.recorded
      }
      if let start = record.forecastStart { facts.forecastStart = start }
      if let finish = record.forecastFinish {
        facts.forecastFinish = finish
        facts.forecastRecorded = record.recorded
      }
      if let stated = record.statedFinish { facts.statedFinish = stated }
      if let finish = facts.actualFinish {
        guard let start = facts.actualStart else {
          throw fail("actual finish \(finish) without an actual start")
        }
        if finish < start { throw fail("actual finish \(finish) is before the actual start \(start)") }
      }
      if facts.actualStart == nil, (facts.percentComplete ?? 0) > 0 || facts.kp != nil {
        throw fail("progress recorded without an actual start (record the actual start first)")
      }
      if let kp = facts.kp, kp > 0, let kpDay = facts.kpRecorded, let start = facts.actualStart,
        facts.actualFinish == nil, let length = plan.routeLengthKm,
        Schedule.layFinish(kp: kp, on: kpDay, start: start, lengthKm: length) == nil
      {
        throw fail(
          "KP \(kp) km reached in \(kpDay.days(from: start) + 1) days: at that rate the lay would finish after \(CalendarDate.latest)"
        )
      }
      if !activity.isMilestone, facts.actualFinish == nil, let finish = facts.forecastFinish {
        let start = facts.actualStart ?? facts.forecastStart ?? activity.baselineStart
        if finish < start { throw fail("forecast finish \(finish) is before its start \(start)") }
      }
      result[record.id] = facts
    }
    return result
  }
}

/// What the records say about one activity as of a date.
struct ActivityFacts {
  var actualStart: CalendarDate?
  var actualFinish: CalendarDate?
  var percentComplete: Double?
  var percentRecorded: CalendarDate?
  var forecastStart: CalendarDate?
  var forecastFinish: CalendarDate?
  var forecastRecorded: CalendarDate?
  var statedFinish: CalendarDate?
  var kp: Double?
  var kpRecorded: CalendarDate?
}
