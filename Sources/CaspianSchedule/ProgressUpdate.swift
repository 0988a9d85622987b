import CaspianSupport
import Foundation

/// One dated progress record for one activity: what was known on `recorded`.
///
/// Records only add facts; a later record overrides the fields it sets. Status follows from the
/// actuals: done once an actual finish is known, in progress once an actual start is known.
/// A record that `corrects` an earlier one (by its id, `R<n>`, see `UpdateHistory.recordID`)
/// takes its place; one that `voids` an earlier one cancels it. Nothing is ever deleted.
public struct ProgressUpdate: Sendable, Equatable {
  /// The day the facts were known (status as of the end of that day).
  public var recorded: CalendarDate
  public var id: String
  public var actualStart: CalendarDate?
  /// Last day of work, inclusive (for a milestone: the day it was reached).
  public var actualFinish: CalendarDate?
  /// 0–100.
  public var percentComplete: Double?
  public var forecastStart: CalendarDate?
  /// Expected last day of work, inclusive. Drives the computed schedule.
  public var forecastFinish: CalendarDate?
  /// A finish date stated by someone (owner, press) kept for the trend; it does not drive the
  /// computed schedule (e.g. "completion by the end of 2026").
  public var statedFinish: CalendarDate?
  /// Kilometre point (km along the planned route) reached by the cable lay at the end of `recorded`.
  public var kp: Double?
  /// The route `kp` was measured against (the project's selected route when it was recorded).
  public var route: String?
  public var note: String?
  public var source: String?
  /// What about this record is assumed rather than on the public record; nil if nothing is.
  public var assumption: String?
  /// The id of the record this one replaces (same activity and recorded date), if any.
  public var corrects: String?
  /// The id of the record this one cancels (same activity and recorded date), if any.
  public var voids: String?
  /// The day a correction or void was entered (its `recorded` is the date of the record it supersedes).
  public var entered: CalendarDate?
  /// 1-based line in the update log (0 when not read from a file).
  public var line: Int

  public init(
    recorded: CalendarDate, id: String, actualStart: CalendarDate? = nil, actualFinish: CalendarDate? = nil,
    percentComplete: Double? = nil, forecastStart: CalendarDate? = nil, forecastFinish: CalendarDate? = nil,
    statedFinish: CalendarDate? = nil, kp: Double? = nil, route: String? = nil, note: String? = nil,
    source: String? = nil,
    assumption: String? = nil, corrects: String? = nil, voids: String? = nil, entered: CalendarDate? = nil,
    line: Int = 0
  ) {
    self.recorded = recorded
    self.id = id
    self.actualStart = actualStart
    self.actualFinish = actualFinish
    self.percentComplete = percentComplete
    self.forecastStart = forecastStart
    self.forecastFinish = forecastFinish
    self.statedFinish = statedFinish
    self.kp = kp
    self.route = route
    self.note = note
    self.source = source
    self.assumption = assumption
    self.corrects = corrects
    self.voids = voids
    self.entered = entered
    self.line = line
  }

  /// True if the record carries no fact at all (only a date and an id).
  public var isEmpty: Bool {
    actualStart == nil && actualFinish == nil && percentComplete == nil && forecastStart == nil
      && forecastFinish == nil && statedFinish == nil && kp == nil && note == nil
  }

  /// True if `other` records the same facts (ignoring the log line).
  func sameFacts(as other: ProgressUpdate) -> Bool {
    var copy = other
    copy.line = line
    return copy == self
  }

  /// The record as one line of JSON (no newline), keys in a fixed, readable order.
  public var jsonLine: String {
    var out = "{"
    func add(_ key: String, _ value: JSONValue?) {
      guard let value else { return }
      if out.count > 1 { out += "," }
      JSONValue.writeString(key, to: &out)
      out += ":"
      value.write(to: &out)
    }
    func add(_ key: String, _ value: CalendarDate?) {
      add(key, value.map { JSONValue.string($0.description) })
    }
    func add(_ key: String, _ value: String?) { add(key, value.map(JSONValue.string)) }
    func add(_ key: String, _ value: Double?) { add(key, value.map(JSONValue.number)) }
    add("recorded", recorded)
    add("id", id)
    add("actualStart", actualStart)
    add("actualFinish", actualFinish)
    add("percentComplete", percentComplete)
    add("forecastStart", forecastStart)
    add("forecastFinish", forecastFinish)
    add("statedFinish", statedFinish)
    add("kp", kp)
    add("route", route)
    add("note", note)
    add("source", source)
    add("assumed", assumption)
    add("corrects", corrects)
    add("voids", voids)
    add("entered", entered)
    return out + "}"
  }

  static let keys: Set<String> = [
    "recorded", "id", "actualStart", "actualFinish", "percentComplete", "forecastStart", "forecastFinish",
    "statedFinish", "kp", "route", "note", "source", "assumed", "corrects", "voids", "entered",
  ]

  /// Reads one parsed JSON line of an update log; `file` and `line` name it in errors.
  static func parse(_ value: JSONValue, file: String, line: Int) throws -> ProgressUpdate {
    func fail(_ message: String) -> ScheduleError { ScheduleError(file: file, line: line, message) }
    guard case .object(let fields) = value else {
      throw fail("not a JSON object but \(value.jsonTypeName)")
    }
    if let unknown = fields.keys.sorted().first(where: { !keys.contains($0) }) {
      throw fail("unknown field '\(CloseMatches.echo(unknown))'")
    }
    func string(_ key: String, allowingNewlines: Bool = false) throws -> String? {
      guard let value = fields[key] else { return nil }
      guard let text = value.stringValue else { throw fail("\(key) must be a string") }
      if let problem = TerminalText.problem(in: text, allowingNewlines: allowingNewlines) {
        throw fail("\(key) \(problem)")
      }
      return text
    }
    func date(_ key: String) throws -> CalendarDate? {
      guard let text = try string(key) else { return nil }
      guard let date = CalendarDate(text) else {
        throw fail("\(key): '\(CloseMatches.echo(text))' is not a calendar date (YYYY-MM-DD)")
      }
      return date
    }
    func number(_ key: String, _ limit: Limit) throws -> Double? {
      guard let value = fields[key] else { return nil }
      guard let number = value.doubleValue else { throw fail("\(key) must be a number") }
      if let problem = limit.problem(number) { throw fail(problem) }
      return number
    }
    guard let recorded = try date("recorded") else { throw fail("record without 'recorded' date") }
    guard let id = try string("id"), !id.isEmpty else { throw fail("record without activity 'id'") }
    func reference(_ key: String) throws -> String? {
      guard let text = try string(key) else { return nil }
      guard UpdateHistory.recordIndex(text) != nil else {
        throw fail("\(key): '\(CloseMatches.echo(text))' is not a record id (R1, R2, ...)")
      }
      return text
    }
    let corrects = try reference("corrects")
    let voids = try reference("voids")
    if corrects != nil, voids != nil { throw fail("a record either corrects or voids another, not both") }
    return ProgressUpdate(
      recorded: recorded, id: id, actualStart: try date("actualStart"),
      actualFinish: try date("actualFinish"),
      percentComplete: try number("percentComplete", Limits.percentComplete),
      forecastStart: try date("forecastStart"), forecastFinish: try date("forecastFinish"),
      statedFinish: try date("statedFinish"), kp: try number("kp", Limits.kp), route: try string("route"),
      note: try string("note", allowingNewlines: true), source: try string("source"),
      assumption: try string("assumed"), corrects: corrects, voids: voids, entered: try date("entered"),
      line: line)
  }
}
