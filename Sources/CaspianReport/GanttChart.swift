import Foundation

/// One activity or milestone of the schedule, as the Gantt chart draws it.
///
/// Dates are calendar days (midnight UTC); a finish date is inclusive: an activity from
/// 2026-05-01 to 2026-05-31 fills the whole of May. A row whose start equals its finish is a
/// milestone (a diamond).
public struct GanttRow: Sendable, Hashable {
  public var id: String
  public var name: String
  public var baselineStart: Date?
  public var baselineFinish: Date?
  /// Actual dates where they are recorded, else the forecast.
  public var start: Date?
  public var finish: Date?
  public var startIsActual: Bool
  public var finishIsActual: Bool
  /// On the critical path: drawn in red.
  public var critical: Bool
  /// Status as of the chart's date, as text ("done", "in progress", "not started", "late").
  public var status: String

  public init(
    id: String, name: String, baselineStart: Date?, baselineFinish: Date?, start: Date?, finish: Date?,
    startIsActual: Bool, finishIsActual: Bool, critical: Bool, status: String
  ) {
    self.id = id
    self.name = name
    self.baselineStart = baselineStart
    self.baselineFinish = baselineFinish
    self.start = start
    self.finish = finish
    self.startIsActual = startIsActual
    self.finishIsActual = finishIsActual
    self.critical = critical
    self.status = status
  }
}

/// The schedule as a Gantt chart: baseline against actual/forecast bars, the as-of ("today")
/// line, the deadline, the critical path in red.
public struct GanttChart {
  public var title: String
  public var rows: [GanttRow]
  /// The day the status is computed at (as of its end).
  public var asOf: Date
  public var deadline: Date?

  static let width = 1000.0
  static let labelWidth = 300.0
  static let right = 980.0
  static let top = 70.0
  static let rowHeight = 26.0
  static let day = 86_400.0

  public init(title: String, rows: [GanttRow], asOf: Date, deadline: Date?) {
    self.title = title
    self.rows = rows
    self.asOf = asOf
    self.deadline = deadline
  }

  /// Draws the chart.
  /// - Throws: `ReportError` when no row has a date.
  public func render() throws -> SVG {
    let dates =
      rows.flatMap { [$0.baselineStart, $0.baselineFinish, $0.start, $0.finish].compactMap { $0 } }
    guard let first = dates.min(), let last = dates.max() else {
      throw ReportError("gantt chart: no milestone has a date")
    }
    let calendar = Self.calendar
    let startMonth = calendar.date(from: calendar.dateComponents([.year, .month], from: min(first, asOf)))!
    let end = [last, asOf, deadline ?? last].max()!.addingTimeInterval(Self.day)
    let endMonth = calendar.date(
      byAdding: .month, value: 1,
      to: calendar.date(from: calendar.dateComponents([.year, .month], from: end))!)!
    let span = endMonth.timeIntervalSince(startMonth)
    let left = Self.labelWidth
    func x(_ date: Date) -> Double { left + date.timeIntervalSince(startMonth) / span * (Self.right - left) }
    /// The end of an inclusive finish day.
    func xEnd(_ date: Date) -> Double { x(date.addingTimeInterval(Self.day)) }

    let bottom = Self.top + Double(rows.count) * Self.rowHeight
    var svg = SVG(width: Self.width, height: bottom + 70, title: title)
    svg.add(SVG.text(title, x: 10, y: 22, [("font-size", "16"), ("font-weight", "bold")]))

    // Months: a light band every other month, the month's initial, the year at January.
    var month = startMonth
    var odd = false
    var grid: [Markup] = []
    while month < endMonth {
      let next = calendar.date(byAdding: .month, value: 1, to: month)!
      let parts = calendar.dateComponents([.year, .month], from: month)
      if odd {
        grid.append(
          SVG.rect(
            x: x(month), y: Self.top, width: x(next) - x(month), height: bottom - Self.top,
            [("fill", "#f3f5f7")]))
      }
      grid.append(
        SVG.text(
          Self.monthInitials[parts.month! - 1],
          x: (x(month) + x(next)) / 2, y: Self.top - 6,
          [("text-anchor", "middle"), ("font-size", "10"), ("fill", Style.muted)]))
      if parts.month == 1 || month == startMonth {
        grid.append(SVG.line(x(month), Self.top - 30, x(month), bottom, [("stroke", "#b0bec5")]))
        grid.append(
          SVG.text(String(parts.year!), x: x(month) + 3, y: Self.top - 20, [("font-weight", "bold")]))
      }
      odd.toggle()
      month = next
    }
    svg.add(SVG.group([], grid))

    for (index, row) in rows.enumerated() {
      svg.add(rowMarkup(row, y: Self.top + Double(index) * Self.rowHeight, x: x, xEnd: xEnd))
    }

    // The as-of and deadline lines.
    // Status is as of the end of the as-of day.
    let today = xEnd(asOf)
    svg.add(
      SVG.line(today, Self.top - 12, today, bottom + 6, [("stroke", "#1565c0"), ("stroke-width", "2")]))
    svg.add(
      SVG.text(
        "as of \(Self.isoDay(asOf))", x: today, y: bottom + 20,
        [("text-anchor", "middle"), ("fill", "#1565c0"), ("font-weight", "bold")]))
    if let deadline {
      let dx = xEnd(deadline)
      svg.add(
        SVG.line(
          dx, Self.top - 12, dx, bottom + 6,
          [("stroke", Style.critical), ("stroke-width", "2"), ("stroke-dasharray", "6 3")]))
      svg.add(
        SVG.text(
          "deadline \(Self.isoDay(deadline))", x: dx, y: bottom + 34,
          [("text-anchor", "end"), ("fill", Style.critical), ("font-weight", "bold")]))
    }
    svg.add(legend(y: bottom + 58))
    return svg
  }

  private func rowMarkup(_ row: GanttRow, y: Double, x: (Date) -> Double, xEnd: (Date) -> Double) -> Markup {
    let colour = row.critical ? Style.critical : "#1e88e5"
    var shapes: [Markup] = [
      .element(
        "title",
        text: "\(row.id) \(row.name): \(row.status)"
          + " · baseline \(Self.range(row.baselineStart, row.baselineFinish))"
          + " · actual/forecast \(Self.range(row.start, row.finish))" + (row.critical ? " · critical" : "")),
      SVG.text(
        Self.fitted(row.name, characters: Self.nameCharacters), x: 10, y: y + 16,
        [
          ("font-weight", row.critical ? "bold" : "normal"),
          ("fill", row.critical ? Style.critical : Style.ink),
        ]),
      SVG.line(10, y + Self.rowHeight, Self.right, y + Self.rowHeight, [("stroke", "#e0e4e8")]),
    ]
    if let start = row.baselineStart, let finish = row.baselineFinish {
      if start == finish {
        shapes.append(diamond(at: x(start), y: y + 7, size: 5, [("fill", "#9e9e9e")]))
      } else {
        shapes.append(
          SVG.rect(x: x(start), y: y + 4, width: xEnd(finish) - x(start), height: 6, [("fill", "#9e9e9e")]))
      }
    }
    if let start = row.start, let finish = row.finish {
      if start == finish {
        shapes.append(
          diamond(
            at: x(start), y: y + 17, size: 7,
            [("fill", row.finishIsActual ? colour : "#ffffff"), ("stroke", colour), ("stroke-width", "2")]))
      } else {
        // Actual part solid, forecast part pale with a dashed outline.
        let actualEnd: Double =
          row.finishIsActual
          ? xEnd(finish) : row.startIsActual ? min(max(xEnd(asOf), x(start)), xEnd(finish)) : x(start)
        if actualEnd > x(start) {
          shapes.append(
            SVG.rect(x: x(start), y: y + 12, width: actualEnd - x(start), height: 10, [("fill", colour)]))
        }
        if xEnd(finish) > actualEnd {
          shapes.append(
            SVG.rect(
              x: actualEnd, y: y + 12, width: xEnd(finish) - actualEnd, height: 10,
              [("fill", colour), ("fill-opacity", "0.3"), ("stroke", colour), ("stroke-dasharray", "3 2")]))
        }
      }
    }
    return SVG.group([], shapes)
  }

  private func diamond(at x: Double, y: Double, size: Double, _ attributes: [(String, String)]) -> Markup {
    let points = [
      PlanarPoint(x: x, y: y - size), PlanarPoint(x: x + size, y: y), PlanarPoint(x: x, y: y + size),
      PlanarPoint(x: x - size, y: y),
    ]
    return SVG.shape("path", [("d", SVG.pathData([points], closed: true))] + attributes)
  }

  private func legend(y: Double) -> Markup {
    SVG.group(
      [("font-size", "11")],
      [
        SVG.rect(x: 10, y: y - 8, width: 24, height: 6, [("fill", "#9e9e9e")]),
        SVG.text("baseline", x: 40, y: y),
        SVG.rect(x: 110, y: y - 10, width: 24, height: 10, [("fill", "#1e88e5")]),
        SVG.text("actual", x: 140, y: y),
        SVG.rect(
          x: 195, y: y - 10, width: 24, height: 10,
          [("fill", "#1e88e5"), ("fill-opacity", "0.3"), ("stroke", "#1e88e5"), ("stroke-dasharray", "3 2")]),
        SVG.text("forecast", x: 225, y: y),
        SVG.rect(x: 290, y: y - 10, width: 24, height: 10, [("fill", Style.critical)]),
        SVG.text("critical path", x: 320, y: y),
        diamond(
          at: 420, y: y - 5, size: 6, [("fill", "#ffffff"), ("stroke", "#1e88e5"), ("stroke-width", "2")]),
        SVG.text("milestone (filled when reached)", x: 432, y: y),
      ])
  }

  /// Characters of a name that fit the label column (bold, 12 px); longer names end in "…" and
  /// show in full in the row's tooltip.
  static let nameCharacters = 40

  static func fitted(_ text: String, characters: Int) -> String {
    text.count <= characters ? text : String(text.prefix(characters - 1)) + "…"
  }

  static let monthInitials = ["J", "F", "M", "A", "M", "J", "J", "A", "S", "O", "N", "D"]

  static let calendar: Calendar = {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    return calendar
  }()

  /// "2026-12-31" (UTC).
  public static func isoDay(_ date: Date) -> String {
    let parts = calendar.dateComponents([.year, .month, .day], from: date)
    return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
  }

  private static func range(_ start: Date?, _ finish: Date?) -> String {
    guard let start, let finish else { return "—" }
    return start == finish ? isoDay(start) : "\(isoDay(start)) to \(isoDay(finish))"
  }
}
