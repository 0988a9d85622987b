import CaspianSchedule
import Foundation
import Testing

/// Exports are parsed back and checked against the status they came from.
@Suite struct ExportTests {
  let status: ScheduleStatus
  init() throws {
    let (plan, history) = try Fixture.load(Fixture.bundledPlan)
    status = try Schedule.status(plan: plan, history: history, asOf: day("2026-02-24"))
  }

  @Test func icalendarHasOneValidAllDayEventPerActivity() throws {
    let text = ScheduleExport.icalendar(status)
    let bytes = Array(text.utf8)
    // Every line ends with CRLF, no bare LF or CR, and no line is longer than 75 octets.
    for (i, byte) in bytes.enumerated() where byte == 10 { #expect(i > 0 && bytes[i - 1] == 13) }
    for (i, byte) in bytes.enumerated() where byte == 13 {
      #expect(i + 1 < bytes.count && bytes[i + 1] == 10)
    }
    let physical = text.components(separatedBy: "\r\n").dropLast()
    #expect(physical.allSatisfy { $0.utf8.count <= 75 })
    // Unfold (RFC 5545 §3.1) and parse.
    var lines: [String] = []
    for line in physical {
      if line.hasPrefix(" ") { lines[lines.count - 1] += line.dropFirst() } else { lines.append(line) }
    }
    #expect(lines.first == "BEGIN:VCALENDAR")
    #expect(lines.last == "END:VCALENDAR")
    #expect(lines.contains("VERSION:2.0"))
    #expect(lines.contains { $0.hasPrefix("PRODID:") })
    var events: [[String: String]] = []
    var current: [String: String]?
    for line in lines {
      if line == "BEGIN:VEVENT" {
        #expect(current == nil)
        current = [:]
      } else if line == "END:VEVENT" {
        events.append(try #require(current))
        current = nil
      } else if current != nil {
        let colon = try #require(line.firstIndex(of: ":"))
        current![String(line[..<colon])] = String(line[line.index(after: colon)...])
      }
    }
    #expect(events.count == status.activities.count)
    #expect(Set(events.compactMap { $0["UID"] }).count == events.count)
    for (event, item) in zip(events, status.activities) {
      let start = try #require(event["DTSTART;VALUE=DATE"])
      let end = try #require(event["DTEND;VALUE=DATE"])
      #expect(start == item.forecastStart.basicFormat)
      #expect(end == item.forecastFinish.adding(days: 1).basicFormat)  // exclusive
      #expect(end > start)
      #expect(event["DTSTAMP"]?.range(of: #"^\d{8}T\d{6}Z$"#, options: .regularExpression) != nil)
      #expect(
        event["SUMMARY"]?.contains(item.activity.name.replacingOccurrences(of: ",", with: "\\,")) == true)
    }
  }

  @Test func mermaidGanttParses() throws {
    let text = ScheduleExport.mermaid(status)
    let lines = text.split(separator: "\n").map(String.init)
    #expect(lines.first == "gantt")
    #expect(lines.contains("    dateFormat YYYY-MM-DD"))
    let task = try Regex(
      #"^    ([^:#;]+) :((?:(?:done|active|crit|milestone), )*)([A-Za-z0-9_]+), (\d{4}-\d{2}-\d{2}), (\d+)d$"#
    )
    var ids: Set<String> = []
    var tasks = 0
    for line in lines.dropFirst() {
      if line.hasPrefix("    title ") || line.hasPrefix("    dateFormat ")
        || line.hasPrefix("    axisFormat ")
        || line.hasPrefix("    section ")
      {
        continue
      }
      let match = try #require(try task.wholeMatch(in: line), "not a gantt task line: \(line)")
      let id = String(match.output[3].substring!)
      #expect(ids.insert(id).inserted, "duplicate id \(id)")
      tasks += 1
      guard let item = status.activity(id) ?? status.activity(id.replacingOccurrences(of: "_", with: "-"))
      else {
        #expect(id == "deadline")
        continue
      }
      #expect(String(match.output[4].substring!) == item.forecastStart.description)
      let days = Int(match.output[5].substring!)!
      #expect(
        days == (item.activity.isMilestone ? 0 : item.forecastFinish.days(from: item.forecastStart) + 1))
      let tags = String(match.output[2].substring!)
      #expect(tags.contains("done") == (item.state == .done))
      #expect(tags.contains("crit") == item.critical)
    }
    #expect(tasks == status.activities.count + 1)
  }

  @Test func csvParsesBackIntoTheSameTable() throws {
    let text = ScheduleExport.csv(status)
    let rows = parseCSV(text)
    #expect(rows.count == status.activities.count + 1)
    let header = rows[0]
    #expect(rows.allSatisfy { $0.count == header.count })
    let column = { (name: String) in header.firstIndex(of: name)! }
    for (row, item) in zip(rows.dropFirst(), status.activities) {
      #expect(row[column("id")] == item.activity.id)
      #expect(row[column("name")] == item.activity.name)
      #expect(row[column("forecastFinish")] == item.forecastFinish.description)
      #expect(Int(row[column("slipDays")]) == item.slipDays)
      #expect(row[column("source")] == (item.activity.source ?? ""))
    }
  }

  @Test func jsonUsesTheAgreedFieldNames() throws {
    let object = try JSONSerialization.jsonObject(with: ScheduleExport.json(status)) as! [String: Any]
    for key in ["asOf", "deadline", "forecastFinish", "marginDays", "percentComplete", "spi"] {
      #expect(object[key] != nil, "\(key)")
    }
    #expect(object["asOf"] as? String == "2026-02-24")
    #expect(object["marginDays"] as? Int == 31)
    let milestones = try #require(object["milestones"] as? [[String: Any]])
    #expect(milestones.count == status.activities.count)
    for key in [
      "id", "status", "baselineFinish", "actualFinish", "forecastFinish", "slipDays", "totalFloatDays",
      "critical",
    ] {
      #expect(milestones.allSatisfy { $0[key] != nil }, "\(key)")
    }
    let manufacturing = try #require(milestones.first { $0["id"] as? String == "MANUF" })
    #expect(manufacturing["status"] as? String == "done")
    #expect(manufacturing["slipDays"] as? Int == -96)
    #expect(manufacturing["totalFloatDays"] is NSNull)
  }

  /// RFC 4180: quoted fields may hold commas, quotes ("") and line breaks; records end in CRLF.
  func parseCSV(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var characters = Array(text.unicodeScalars)[...]
    while let c = characters.popFirst() {
      if quoted {
        if c == "\"" {
          if characters.first == "\"" {
            field.unicodeScalars.append(characters.removeFirst())
          } else {
            quoted = false
          }
        } else {
          field.unicodeScalars.append(c)
        }
      } else if c == "\"" {
        quoted = true
      } else if c == "," {
        row.append(field)
        field = ""
      } else if c == "\r" {
        #expect(characters.popFirst() == "\n")
        row.append(field)
        rows.append(row)
        row = []
        field = ""
      } else {
        field.unicodeScalars.append(c)
      }
    }
    #expect(row.isEmpty && field.isEmpty)
    return rows
  }
}
