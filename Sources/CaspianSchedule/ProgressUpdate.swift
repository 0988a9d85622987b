import Foundation

/// One dated progress record for one activity: what was known on `recorded`.
///
/// Records only add facts; a later record overrides the fields it sets. Status follows from the
/// actuals: done once an actual finish is known, in progress once an actual start is known.
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
  public var note: String?
  public var source: String?
  /// What about this record is assumed rather than on the public record; nil if nothing is.
  public var assumption: String?
  /// 1-based line in the update log (0 when not read from a file).
  public var line: Int

  public init(
    recorded: CalendarDate, id: String, actualStart: CalendarDate? = nil, actualFinish: CalendarDate? = nil,
    percentComplete: Double? = nil, forecastStart: CalendarDate? = nil, forecastFinish: CalendarDate? = nil,
    statedFinish: CalendarDate? = nil, kp: Double? = nil, note: String? = nil, source: String? = nil,
    assumption: String? = nil, line: Int = 0
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
    self.note = note
    self.source = source
    self.assumption = assumption
    self.line = line
  }

  /// True if the record carries no fact at all (only a date and an id).
  public var isEmpty: Bool {
    actualStart == nil && actualFinish == nil && percentComplete == nil && forecastStart == nil
      && forecastFinish == nil && statedFinish == nil && kp == nil && note == nil
  }

  /// The record as one line of JSON (no newline), keys in a fixed, readable order.
  public var jsonLine: String {
    var fields: [(String, String)] = [("recorded", quote(recorded.description)), ("id", quote(id))]
    func add(_ key: String, _ value: CalendarDate?) {
      if let value { fields.append((key, quote(value.description))) }
    }
    func add(_ key: String, _ value: String?) { if let value { fields.append((key, quote(value))) } }
    func add(_ key: String, _ value: Double?) { if let value { fields.append((key, Self.number(value))) } }
    add("actualStart", actualStart)
    add("actualFinish", actualFinish)
    add("percentComplete", percentComplete)
    add("forecastStart", forecastStart)
    add("forecastFinish", forecastFinish)
    add("statedFinish", statedFinish)
    add("kp", kp)
    add("note", note)
    add("source", source)
    add("assumed", assumption)
    return "{" + fields.map { "\(quote($0.0)):\($0.1)" }.joined(separator: ",") + "}"
  }

  private static func number(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
  }

  private func quote(_ text: String) -> String {
    let data = try! JSONEncoder().encode(text)
    return String(decoding: data, as: UTF8.self)
  }

  static let keys: Set<String> = [
    "recorded", "id", "actualStart", "actualFinish", "percentComplete", "forecastStart", "forecastFinish",
    "statedFinish", "kp", "note", "source", "assumed",
  ]

  /// Parses one JSON line of an update log; `file` and `line` name it in errors.
  static func parse(jsonLine text: Substring, file: String, line: Int) throws -> ProgressUpdate {
    func fail(_ message: String) -> ScheduleError { ScheduleError(file: file, line: line, message) }
    guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)),
      let fields = object as? [String: Any]
    else { throw fail("not a JSON object (an interrupted or hand-broken line?)") }
    if let unknown = fields.keys.sorted().first(where: { !keys.contains($0) }) {
      throw fail("unknown field '\(unknown)'")
    }
    func string(_ key: String) throws -> String? {
      guard let value = fields[key] else { return nil }
      guard let text = value as? String else { throw fail("\(key) must be a string") }
      return text
    }
    func date(_ key: String) throws -> CalendarDate? {
      guard let text = try string(key) else { return nil }
      guard let date = CalendarDate(text) else {
        throw fail("\(key): '\(text)' is not a calendar date (YYYY-MM-DD)")
      }
      return date
    }
    func number(_ key: String) throws -> Double? {
      guard fields[key] != nil else { return nil }
      guard let value = try? JSONDecoder().decode(NumberField.self, from: Data(text.utf8)).value(key) else {
        throw fail("\(key) must be a number")
      }
      return value
    }
    guard let recorded = try date("recorded") else { throw fail("record without 'recorded' date") }
    guard let id = try string("id"), !id.isEmpty else { throw fail("record without activity 'id'") }
    return ProgressUpdate(
      recorded: recorded, id: id, actualStart: try date("actualStart"),
      actualFinish: try date("actualFinish"),
      percentComplete: try number("percentComplete"), forecastStart: try date("forecastStart"),
      forecastFinish: try date("forecastFinish"), statedFinish: try date("statedFinish"),
      kp: try number("kp"),
      note: try string("note"), source: try string("source"), assumption: try string("assumed"), line: line)
  }
}

/// Decodes the numeric fields strictly (JSONDecoder refuses booleans and strings as numbers);
/// a field that is present but not a number decodes as nil.
private struct NumberField: Decodable {
  private struct Key: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }
  private var values: [String: Double] = [:]
  init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: Key.self)
    for key in container.allKeys {
      if let value = try? container.decode(Double.self, forKey: key) { values[key.stringValue] = value }
    }
  }
  func value(_ key: String) -> Double? { values[key] }
}
