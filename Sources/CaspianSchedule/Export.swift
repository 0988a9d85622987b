import CaspianSupport
import Foundation

/// Renderings of a schedule for other programs: JSON, CSV, Mermaid gantt, iCalendar.
public enum ScheduleExport {
  // MARK: JSON

  /// The status as a JSON document (`asOf`, `deadline`, `forecastFinish`, `marginDays`,
  /// `percentComplete`, `spi`, and per activity `id`, `status`, `baselineFinish`, `actualFinish`,
  /// `forecastFinish`, `slipDays`, `totalFloatDays`, `critical`, ...). Absent values are null.
  public static func json(_ status: ScheduleStatus) -> Data {
    let document: JSONValue = [
      "project": .string(status.plan.project),
      "plan": .string(status.plan.file),
      "asOf": .string(status.asOf.description),
      "deadline": .string(status.plan.deadline.description),
      "forecastFinish": .string(status.forecastFinish.description),
      "marginDays": JSONValue(status.marginDays),
      "percentComplete": .number(rounded(status.percentComplete, 2)),
      "plannedPercentComplete": .number(rounded(status.plannedPercent, 2)),
      "spi": JSONValue(status.spi.map { rounded($0, 3) }),
      "criticalPath": .array(status.criticalPath.map(JSONValue.string)),
      "lastRecorded": JSONValue(describing: status.lastRecorded),
      "routeLengthKm": JSONValue(status.plan.routeLengthKm),
      "cableLaidKm": JSONValue(status.cableLaidKm.map { rounded($0, 3) }),
      "milestones": .array(status.activities.map(activityObject)),
    ]
    return Data(document.prettyPrinted().utf8)
  }

  /// The trend as a JSON document: per activity its points (`recorded`, `kind`, `finish`,
  /// `moveDays`, `computedFinish`, `source`, `note`), its computed points (`recorded`, `finish`,
  /// `moveDays`, `done`) and `currentFinish`.
  public static func json(trend: [ActivityTrend], asOf: CalendarDate) -> Data {
    let document: JSONValue = [
      "asOf": .string(asOf.description),
      "milestones": .array(
        trend.map { item -> JSONValue in
          [
            "id": .string(item.activity.id), "name": .string(item.activity.name),
            "baselineFinish": .string(item.activity.baselineFinish.description),
            "currentFinish": .string(item.currentFinish.description),
            "points": .array(
              item.points.map { point -> JSONValue in
                [
                  "recorded": .string(point.recorded.description), "kind": .string(point.kind.rawValue),
                  "finish": .string(point.finish.description), "moveDays": JSONValue(point.moveDays),
                  "computedFinish": JSONValue(describing: point.computedFinish),
                  "source": JSONValue(point.source), "note": JSONValue(point.note),
                ]
              }),
            "computed": .array(
              item.computed.map { point -> JSONValue in
                [
                  "recorded": .string(point.recorded.description),
                  "finish": .string(point.finish.description),
                  "moveDays": JSONValue(point.moveDays), "done": .bool(point.done),
                ]
              }),
          ]
        }),
    ]
    return Data(document.prettyPrinted().utf8)
  }

  private static func activityObject(_ item: ActivityStatus) -> JSONValue {
    let activity = item.activity
    return [
      "id": .string(activity.id), "name": .string(activity.name), "phase": .string(activity.phase),
      "milestone": .bool(activity.isMilestone), "status": .string(item.state.rawValue),
      "baselineStart": .string(activity.baselineStart.description),
      "baselineFinish": .string(activity.baselineFinish.description),
      "actualStart": JSONValue(describing: item.actualStart),
      "actualFinish": JSONValue(describing: item.actualFinish),
      "forecastStart": .string(item.forecastStart.description),
      "forecastFinish": .string(item.forecastFinish.description),
      "slipDays": JSONValue(item.slipDays), "totalFloatDays": JSONValue(item.totalFloatDays),
      "critical": .bool(item.critical), "percentComplete": .number(rounded(item.percentComplete, 2)),
      "percentBasis": .string(item.percentBasis.rawValue), "weight": .number(activity.weight),
      "dependsOn": .array(
        activity.dependsOn.map { dependency in
          var link: [String: JSONValue] = [
            "id": .string(dependency.id), "lagDays": JSONValue(dependency.lagDays),
          ]
          if dependency.kind != .finishToStart { link["type"] = .string(dependency.kind.rawValue) }
          return .object(link)
        }),
      "kp": JSONValue(item.kp), "statedFinish": JSONValue(describing: item.statedFinish),
      "responsible": JSONValue(activity.responsible), "source": JSONValue(activity.source),
      "assumed": JSONValue(activity.assumption),
    ]
  }

  public static func rounded(_ value: Double, _ places: Int) -> Double {
    let scale = pow(10, Double(places))
    return (value * scale).rounded() / scale
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
        activity.dependsOn.map(\.label).joined(separator: " "),
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
