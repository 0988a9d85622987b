import Foundation

/// Renderings of a schedule for other programs: JSON, CSV, Mermaid gantt, iCalendar.
public enum ScheduleExport {
  // MARK: JSON

  /// The status as a JSON document (`asOf`, `deadline`, `forecastFinish`, `marginDays`,
  /// `percentComplete`, `spi`, and per activity `id`, `status`, `baselineFinish`, `actualFinish`,
  /// `forecastFinish`, `slipDays`, `totalFloatDays`, `critical`, ...). Absent values are null.
  public static func json(_ status: ScheduleStatus) -> Data {
    let document: [String: Any] = [
      "project": status.plan.project,
      "plan": status.plan.file,
      "asOf": status.asOf.description,
      "deadline": status.plan.deadline.description,
      "forecastFinish": status.forecastFinish.description,
      "marginDays": status.marginDays,
      "percentComplete": rounded(status.percentComplete, 2),
      "plannedPercentComplete": rounded(status.plannedPercent, 2),
      "spi": status.spi.map { rounded($0, 3) as Any } ?? NSNull(),
      "criticalPath": status.criticalPath,
      "lastRecorded": value(status.lastRecorded),
      "routeLengthKm": status.plan.routeLengthKm.map { $0 as Any } ?? NSNull(),
      "cableLaidKm": status.cableLaidKm.map { rounded($0, 3) as Any } ?? NSNull(),
      "milestones": status.activities.map(activityObject),
    ]
    return serialize(document)
  }

  /// The trend as a JSON document: per activity its points (`recorded`, `kind`, `finish`,
  /// `moveDays`, `computedFinish`, `source`, `note`) and `currentFinish`.
  public static func json(trend: [ActivityTrend], asOf: CalendarDate) -> Data {
    let document: [String: Any] = [
      "asOf": asOf.description,
      "milestones": trend.map { item -> [String: Any] in
        [
          "id": item.activity.id, "name": item.activity.name,
          "baselineFinish": item.activity.baselineFinish.description,
          "currentFinish": item.currentFinish.description,
          "points": item.points.map { point -> [String: Any] in
            [
              "recorded": point.recorded.description, "kind": point.kind.rawValue,
              "finish": point.finish.description, "moveDays": point.moveDays.map { $0 as Any } ?? NSNull(),
              "computedFinish": value(point.computedFinish), "source": point.source ?? NSNull(),
              "note": point.note ?? NSNull(),
            ]
          },
        ]
      },
    ]
    return serialize(document)
  }

  private static func activityObject(_ item: ActivityStatus) -> [String: Any] {
    let activity = item.activity
    return [
      "id": activity.id, "name": activity.name, "phase": activity.phase, "milestone": activity.isMilestone,
      "status": item.state.rawValue,
      "baselineStart": activity.baselineStart.description,
      "baselineFinish": activity.baselineFinish.description,
      "actualStart": value(item.actualStart), "actualFinish": value(item.actualFinish),
      "forecastStart": item.forecastStart.description, "forecastFinish": item.forecastFinish.description,
      "slipDays": item.slipDays, "totalFloatDays": item.totalFloatDays.map { $0 as Any } ?? NSNull(),
      "critical": item.critical, "percentComplete": rounded(item.percentComplete, 2),
      "percentBasis": item.percentBasis.rawValue, "weight": activity.weight,
      "dependsOn": activity.dependsOn.map { ["id": $0.id, "lagDays": $0.lagDays] as [String: Any] },
      "kp": item.kp.map { $0 as Any } ?? NSNull(), "statedFinish": value(item.statedFinish),
      "responsible": activity.responsible ?? NSNull(), "source": activity.source ?? NSNull(),
      "assumed": activity.assumption ?? NSNull(),
    ]
  }

  private static func value(_ date: CalendarDate?) -> Any { date.map { $0.description as Any } ?? NSNull() }

  static func rounded(_ value: Double, _ places: Int) -> Double {
    let scale = pow(10, Double(places))
    return (value * scale).rounded() / scale
  }

  private static func serialize(_ document: [String: Any]) -> Data {
    var data = try! JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys])
    data.append(UInt8(ascii: "\n"))
    return data
  }

  // MARK: CSV

  /// One row per activity (RFC 4180: comma-separated, fields with `,` `"` or line breaks quoted,
  /// CRLF line endings); dates `YYYY-MM-DD`, finish dates inclusive.
  public static func csv(_ status: ScheduleStatus) -> String {
    let header = [
      "id", "name", "phase", "milestone", "status", "baselineStart", "baselineFinish", "actualStart",
      "actualFinish", "forecastStart", "forecastFinish", "slipDays", "totalFloatDays", "critical",
      "percentComplete", "weight", "dependsOn", "responsible", "source", "assumed",
    ]
    var rows = [header]
    for item in status.activities {
      let activity = item.activity
      rows.append([
        activity.id, activity.name, activity.phase, String(activity.isMilestone), item.state.rawValue,
        activity.baselineStart.description, activity.baselineFinish.description,
        item.actualStart?.description ?? "", item.actualFinish?.description ?? "",
        item.forecastStart.description, item.forecastFinish.description, String(item.slipDays),
        item.totalFloatDays.map(String.init) ?? "", String(item.critical),
        String(rounded(item.percentComplete, 2)), String(activity.weight),
        activity.dependsOn.map { $0.lagDays == 0 ? $0.id : "\($0.id)+\($0.lagDays)d" }.joined(separator: " "),
        activity.responsible ?? "", activity.source ?? "", activity.assumption ?? "",
      ])
    }
    return rows.map { $0.map(csvField).joined(separator: ",") + "\r\n" }.joined()
  }

  private static func csvField(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  // MARK: Mermaid

  /// A Mermaid `gantt` chart of the forecast (actual dates where known), one section per phase,
  /// tasks as `start, Nd` (N = inclusive days), milestones as `milestone, date, 0d`; tags `done`,
  /// `active`, `crit`.
  public static func mermaid(_ status: ScheduleStatus) -> String {
    var lines = [
      "gantt",
      "    title \(mermaidText(status.plan.project)) (as of \(status.asOf))",
      "    dateFormat YYYY-MM-DD",
      "    axisFormat %Y-%m",
    ]
    var phases: [String] = []
    for item in status.activities where !phases.contains(item.activity.phase) {
      phases.append(item.activity.phase)
    }
    for phase in phases {
      lines.append("    section \(mermaidText(phase.isEmpty ? "Activities" : phase))")
      for item in status.activities where item.activity.phase == phase {
        var tags: [String] = []
        if item.state == .done { tags.append("done") }
        if item.state == .inProgress { tags.append("active") }
        if item.critical { tags.append("crit") }
        if item.activity.isMilestone { tags.append("milestone") }
        let days = item.activity.isMilestone ? 0 : item.forecastFinish.days(from: item.forecastStart) + 1
        let fields = tags + [mermaidID(item.activity.id), item.forecastStart.description, "\(days)d"]
        lines.append("    \(mermaidText(item.activity.name)) :\(fields.joined(separator: ", "))")
      }
    }
    lines.append("    section Deadline")
    lines.append("    Deadline \(status.plan.deadline) :milestone, deadline, \(status.plan.deadline), 0d")
    return lines.joined(separator: "\n") + "\n"
  }

  /// Mermaid gantt ids are letters, digits and `_`.
  static func mermaidID(_ id: String) -> String {
    String(id.map { $0.isLetter || $0.isNumber ? $0 : "_" })
  }

  /// Task names end at `:`, and `#` and `;` start comments or entities: replace them.
  private static func mermaidText(_ text: String) -> String {
    String(text.map { ":#;".contains($0) ? " " : $0 }).trimmingCharacters(in: .whitespaces)
  }

  // MARK: iCalendar

  /// An iCalendar (RFC 5545) file: one all-day VEVENT per activity over its forecast (or actual)
  /// days — `DTSTART;VALUE=DATE` the first day, `DTEND;VALUE=DATE` the day after the last
  /// (exclusive, as RFC 5545 requires) — CRLF line endings, lines folded at 75 octets.
  /// `DTSTAMP` is the as-of date at 00:00 UTC (the library never reads the clock).
  public static func icalendar(_ status: ScheduleStatus) -> String {
    let domain = "caspian-link." + slug(status.plan.project)
    var lines = [
      "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//caspian-link//schedule//EN", "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH", "X-WR-CALNAME:\(icsText(status.plan.project))",
    ]
    for item in status.activities {
      let activity = item.activity
      var description = [
        "Status: \(item.state.label)", "Baseline finish: \(activity.baselineFinish)",
        "Slip: \(item.slipDays) days",
      ]
      if let float = item.totalFloatDays { description.append("Total float: \(float) days") }
      if item.critical { description.append("On the critical path") }
      if let source = activity.source { description.append("Source: \(source)") }
      if let assumption = activity.assumption { description.append("Assumed: \(assumption)") }
      lines += [
        "BEGIN:VEVENT",
        "UID:\(slug(activity.id))@\(domain)",
        "DTSTAMP:\(status.asOf.basicFormat)T000000Z",
        "DTSTART;VALUE=DATE:\(item.forecastStart.basicFormat)",
        "DTEND;VALUE=DATE:\(item.forecastFinish.adding(days: 1).basicFormat)",
        "SUMMARY:\(icsText((activity.isMilestone ? "◆ " : "") + activity.name))",
        "DESCRIPTION:\(icsText(description.joined(separator: "\n")))",
        "CATEGORIES:\(icsText(activity.phase.isEmpty ? "Activity" : activity.phase))",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
      ]
    }
    lines.append("END:VCALENDAR")
    return lines.map(fold).joined()
  }

  private static func slug(_ text: String) -> String {
    let mapped = text.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" }
    return String(mapped).split(separator: "-").joined(separator: "-")
  }

  /// RFC 5545 TEXT escaping.
  private static func icsText(_ text: String) -> String {
    var result = ""
    for character in text {
      switch character {
      case "\\": result += "\\\\"
      case ";": result += "\\;"
      case ",": result += "\\,"
      case "\n": result += "\\n"
      case "\r": continue
      default: result.append(character)
      }
    }
    return result
  }

  /// Folds a content line at 75 octets (never inside a UTF-8 sequence) and ends it with CRLF.
  private static func fold(_ line: String) -> String {
    var result = ""
    var octets = 0
    for scalar in line.unicodeScalars {
      let size = String(scalar).utf8.count
      if octets + size > 75 {
        result += "\r\n "
        octets = 1
      }
      result.unicodeScalars.append(scalar)
      octets += size
    }
    return result + "\r\n"
  }
}
