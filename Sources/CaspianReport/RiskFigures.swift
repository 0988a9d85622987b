/// A day on a risk chart: its day number (days since 1970-01-01) and its label (YYYY-MM-DD).
public struct ChartDay: Sendable, Hashable {
  public var day: Int
  public var label: String

  public init(day: Int, label: String) {
    self.day = day
    self.label = label
  }
}

/// The S-curve of a schedule risk analysis: the cumulative probability of finishing by each
/// date, with the deadline and the deterministic finish marked.
public struct SCurveChart {
  public var title: String
  /// Cumulative share finished by each day, earliest first (days with no finish may be left out).
  public var points: [(day: ChartDay, probability: Double)]
  public var deadline: ChartDay
  public var deterministic: ChartDay
  /// Share finished by the deadline.
  public var onTime: Double

  static let width = 1000.0
  static let left = 70.0
  static let right = 970.0
  static let top = 50.0
  static let bottom = 330.0

  public init(
    title: String, points: [(day: ChartDay, probability: Double)], deadline: ChartDay,
    deterministic: ChartDay,
    onTime: Double
  ) {
    self.title = title
    self.points = points
    self.deadline = deadline
    self.deterministic = deterministic
    self.onTime = onTime
  }

  /// Draws the chart. - Throws: `ReportError` without points.
  public func render() throws -> SVG {
    guard let firstPoint = points.first, let lastPoint = points.last else {
      throw ReportError("S-curve: no finish dates")
    }
    let first = min(firstPoint.day.day, deadline.day, deterministic.day) - 1
    let last = max(lastPoint.day.day, deadline.day, deterministic.day) + 1
    func x(_ day: Int) -> Double {
      Self.left + Double(day - first) / Double(last - first) * (Self.right - Self.left)
    }
    func y(_ share: Double) -> Double { Self.bottom - share * (Self.bottom - Self.top) }
    var svg = SVG(width: Self.width, height: Self.bottom + 60, title: title)
    svg.add(SVG.text(title, x: 10, y: 22, [("font-size", "16"), ("font-weight", "bold")]))
    var grid: [Markup] = []
    for tick in stride(from: 0.0, through: 1.0, by: 0.2) {
      grid.append(SVG.line(Self.left, y(tick), Self.right, y(tick), [("stroke", "#e0e4e8")]))
      grid.append(
        SVG.text(
          "\(Int((tick * 100).rounded())) %", x: Self.left - 6, y: y(tick) + 4,
          [("text-anchor", "end"), ("font-size", "10"), ("fill", Style.muted)]))
    }
    grid.append(
      SVG.text(
        firstPoint.day.label, x: x(firstPoint.day.day), y: Self.bottom + 16,
        [("font-size", "10"), ("fill", Style.muted)]))
    grid.append(
      SVG.text(
        lastPoint.day.label, x: x(lastPoint.day.day), y: Self.bottom + 16,
        [("text-anchor", "end"), ("font-size", "10"), ("fill", Style.muted)]))
    svg.add(SVG.group([], grid))
    // A step curve: the share holds until the next day with a finish.
    var outline = [PlanarPoint(x: x(firstPoint.day.day), y: y(0))]
    var previous = 0.0
    for point in points {
      outline.append(PlanarPoint(x: x(point.day.day), y: y(previous)))
      outline.append(PlanarPoint(x: x(point.day.day), y: y(point.probability)))
      previous = point.probability
    }
    outline.append(PlanarPoint(x: Self.right, y: y(previous)))
    svg.add(
      SVG.shape(
        "path",
        [
          ("d", SVG.pathData([outline], closed: false)), ("fill", "none"), ("stroke", "#1e88e5"),
          ("stroke-width", "2"),
        ]
      ))
    let dx = x(deadline.day)
    svg.add(
      SVG.line(
        dx, Self.top - 10, dx, Self.bottom,
        [("stroke", Style.critical), ("stroke-width", "2"), ("stroke-dasharray", "6 3")]))
    svg.add(
      SVG.text(
        "deadline \(deadline.label): \(Int((onTime * 100).rounded())) %", x: dx + 4, y: Self.top - 14,
        [("fill", Style.critical), ("font-weight", "bold")]))
    let sx = x(deterministic.day)
    svg.add(SVG.line(sx, Self.top, sx, Self.bottom, [("stroke", Style.muted), ("stroke-dasharray", "2 3")]))
    svg.add(
      SVG.text(
        "deterministic \(deterministic.label)", x: sx < Self.left + 200 ? sx + 4 : sx - 4,
        y: Self.bottom + 34,
        [("text-anchor", sx < Self.left + 200 ? "start" : "end"), ("font-size", "11"), ("fill", Style.muted)])
    )
    svg.add(SVG.line(Self.left, Self.bottom, Self.right, Self.bottom, [("stroke", Style.ink)]))
    return svg
  }
}

/// A tornado chart: one horizontal bar per driver, longest first, around a zero axis.
public struct TornadoChart {
  public var title: String
  /// Label, value in −1...1 (a rank correlation) and a note shown after the bar.
  public var bars: [(label: String, value: Double, note: String)]

  static let width = 1000.0
  static let labelWidth = 320.0
  static let right = 860.0
  static let top = 50.0
  static let rowHeight = 24.0

  public init(title: String, bars: [(label: String, value: Double, note: String)]) {
    self.title = title
    self.bars = bars.sorted { abs($0.value) > abs($1.value) }
  }

  public func render() -> SVG {
    let bottom = Self.top + Double(max(1, bars.count)) * Self.rowHeight
    var svg = SVG(width: Self.width, height: bottom + 30, title: title)
    svg.add(SVG.text(title, x: 10, y: 22, [("font-size", "16"), ("font-weight", "bold")]))
    let zero = (Self.labelWidth + Self.right) / 2
    let half = (Self.right - Self.labelWidth) / 2
    svg.add(SVG.line(zero, Self.top - 6, zero, bottom, [("stroke", Style.ink)]))
    for (value, text) in [(-1.0, "−1"), (1.0, "+1")] {
      svg.add(
        SVG.text(
          text, x: zero + value * half, y: Self.top - 10,
          [("text-anchor", "middle"), ("font-size", "10"), ("fill", Style.muted)]))
    }
    if bars.isEmpty {
      svg.add(SVG.text("No duration varies.", x: 10, y: Self.top + 16, [("fill", Style.muted)]))
    }
    for (index, bar) in bars.enumerated() {
      let y = Self.top + Double(index) * Self.rowHeight
      let length = abs(bar.value) * half
      svg.add(
        SVG.group(
          [],
          [
            SVG.text(
              bar.label.count > 44 ? bar.label.prefix(43) + "…" : bar.label, x: 10, y: y + 16,
              [("fill", Style.ink)]),
            SVG.rect(
              x: bar.value >= 0 ? zero : zero - length, y: y + 5, width: length, height: 14,
              [("fill", bar.value >= 0 ? Style.critical : "#1e88e5")], tooltip: "\(bar.label): \(bar.note)"),
            SVG.text(bar.note, x: Self.right + 8, y: y + 16, [("font-size", "11"), ("fill", Style.muted)]),
          ]))
    }
    return svg
  }
}
