import Foundation

/// One milestone's forecasts over the reporting dates, as the milestone trend chart draws it.
public struct MilestoneTrendSeries: Sendable, Hashable {
  public struct Point: Sendable, Hashable {
    /// The reporting date (a day something was recorded).
    public var reported: Date
    /// The finish forecast (or reached) as of that day.
    public var forecast: Date
    /// True once the milestone was reached (the point lies on the diagonal).
    public var done: Bool

    public init(reported: Date, forecast: Date, done: Bool) {
      self.reported = reported
      self.forecast = forecast
      self.done = done
    }
  }

  public var id: String
  public var name: String
  public var points: [Point]

  public init(id: String, name: String, points: [Point]) {
    self.id = id
    self.name = name
    self.points = points
  }
}

/// Milestone trend analysis: the forecast date of each milestone (up) against the reporting date
/// (across), one line per milestone, each step held until the next report; the diagonal is where
/// forecast = reporting date, reached by a milestone when it is done. A line that rises is a slip.
public struct MilestoneTrendChart {
  public var title: String
  public var series: [MilestoneTrendSeries]
  public var asOf: Date

  static let size = 560.0
  static let left = 90.0
  static let top = 50.0
  static let day = 86_400.0
  static let colours = [
    "#1e88e5", "#c62828", "#2e7d32", "#6a1b9a", "#ef6c00", "#00838f", "#5d4037", "#ad1457",
  ]

  public init(title: String, series: [MilestoneTrendSeries], asOf: Date) {
    self.title = title
    self.series = series
    self.asOf = asOf
  }

  /// Draws the chart.
  /// - Throws: `ReportError` when no milestone has a point.
  public func render() throws -> SVG {
    let points = series.flatMap(\.points)
    let dates = points.flatMap { [$0.reported, $0.forecast] } + [asOf]
    guard !points.isEmpty, let first = dates.min(), let last = dates.max() else {
      throw ReportError("milestone trend chart: no milestone has a forecast")
    }
    let span = max(Self.day, last.timeIntervalSince(first) + Self.day)
    let side = Self.size - Self.left - 20
    func x(_ date: Date) -> Double { Self.left + date.timeIntervalSince(first) / span * side }
    func y(_ date: Date) -> Double { Self.top + side - date.timeIntervalSince(first) / span * side }
    let legendTop = Self.top + side + 40
    var svg = SVG(width: Self.size, height: legendTop + Double(series.count) * 16 + 10, title: title)
    svg.add(SVG.text(title, x: 10, y: 22, [("font-size", "16"), ("font-weight", "bold")]))

    // Axes, a year grid, the diagonal.
    var grid: [Markup] = [
      SVG.rect(
        x: Self.left, y: Self.top, width: side, height: side, [("fill", "none"), ("stroke", "#b0bec5")]),
      SVG.line(x(first), y(first), x(last), y(last), [("stroke", "#9e9e9e"), ("stroke-dasharray", "4 3")]),
      SVG.text("reporting date →", x: Self.left + side, y: Self.top + side + 30, [("text-anchor", "end")]),
      SVG.text("forecast ↑", x: 10, y: Self.top - 8),
    ]
    let calendar = GanttChart.calendar
    var year = calendar.date(from: calendar.dateComponents([.year], from: first))!
    while year <= last {
      if year >= first {
        let label = String(calendar.component(.year, from: year))
        grid += [
          SVG.line(x(year), Self.top, x(year), Self.top + side, [("stroke", "#e0e4e8")]),
          SVG.line(Self.left, y(year), Self.left + side, y(year), [("stroke", "#e0e4e8")]),
          SVG.text(
            label, x: x(year), y: Self.top + side + 14, [("text-anchor", "middle"), ("font-size", "10")]),
          SVG.text(label, x: Self.left - 6, y: y(year) + 4, [("text-anchor", "end"), ("font-size", "10")]),
        ]
      }
      year = calendar.date(byAdding: .year, value: 1, to: year)!
    }
    let today = x(asOf)
    grid.append(
      SVG.line(today, Self.top, today, Self.top + side, [("stroke", "#1565c0"), ("stroke-width", "1.5")]))
    svg.add(SVG.group([], grid))

    for (index, item) in series.enumerated() where !item.points.isEmpty {
      let colour = Self.colours[index % Self.colours.count]
      // Each forecast holds until the next report (a step line), the last one until as-of.
      var path: [PlanarPoint] = []
      for (k, point) in item.points.enumerated() {
        let next =
          k + 1 < item.points.count ? item.points[k + 1].reported : (point.done ? point.reported : asOf)
        path.append(PlanarPoint(x: x(point.reported), y: y(point.forecast)))
        path.append(PlanarPoint(x: x(next), y: y(point.forecast)))
      }
      var shapes: [Markup] = [
        SVG.shape(
          "path",
          [
            ("d", SVG.pathData([path], closed: false)), ("fill", "none"), ("stroke", colour),
            ("stroke-width", "2"),
          ])
      ]
      for point in item.points {
        shapes.append(
          SVG.shape(
            "circle",
            [
              ("cx", SVG.number(x(point.reported))), ("cy", SVG.number(y(point.forecast))), ("r", "3.5"),
              ("fill", point.done ? colour : "#ffffff"), ("stroke", colour), ("stroke-width", "1.5"),
            ],
            tooltip:
              "\(item.id): as of \(GanttChart.isoDay(point.reported)) forecast \(GanttChart.isoDay(point.forecast))"
              + (point.done ? " (reached)" : "")))
      }
      let legendY = legendTop + Double(index) * 16
      shapes.append(SVG.line(10, legendY - 4, 34, legendY - 4, [("stroke", colour), ("stroke-width", "2")]))
      shapes.append(SVG.text("\(item.id) \(item.name)", x: 40, y: legendY, [("font-size", "11")]))
      svg.add(SVG.group([], shapes))
    }
    return svg
  }
}
