import Foundation

/// One depth sample along a route.
public struct DepthSample: Sendable, Hashable {
  /// Kilometres from the first landing.
  public var kpKm: Double
  /// Water depth, metres positive down; nil where unknown.
  public var depthM: Double?

  public init(kpKm: Double, depthM: Double?) {
    self.kpKm = kpKm
    self.depthM = depthM
  }
}

/// A stretch of route laid with one cable construction.
public struct CableBand: Sendable, Hashable {
  /// Kilometres from the first landing.
  public var startKm: Double
  public var endKm: Double
  /// The construction's short name: LAND, DA, SA, LWP (others get a neutral colour).
  public var cableType: String

  public init(startKm: Double, endKm: Double, cableType: String) {
    self.startKm = startKm
    self.endKm = endKm
    self.cableType = cableType
  }
}

/// A stretch of route with one burial target.
public struct BurialBand: Sendable, Hashable {
  /// Kilometres from the first landing.
  public var startKm: Double
  public var endKm: Double
  /// Target depth of lowering below the seabed, metres; nil for surface lay.
  public var depthM: Double?

  public init(startKm: Double, endKm: Double, depthM: Double?) {
    self.startKm = startKm
    self.endKm = endKm
    self.depthM = depthM
  }
}

/// Something located along the route: a crossing or an engineering warning.
public struct KPMarker: Sendable, Hashable {
  /// Kilometres from the first landing; `endKm` for a stretch, nil for a point.
  public var kpKm: Double
  public var endKm: Double?
  /// Short label (the asset's name, the warning's kind).
  public var label: String
  /// The full text (angle, message).
  public var detail: String

  public init(kpKm: Double, endKm: Double? = nil, label: String, detail: String) {
    self.kpKm = kpKm
    self.endKm = endKm
    self.label = label
    self.detail = detail
  }
}

/// What the straight line diagram of one route option shows.
public struct ProfileSeries: Sendable {
  /// The route option's name.
  public var name: String
  /// Names of the first and the last landing.
  public var startName: String
  public var endName: String
  /// Route length, km (geodesic).
  public var lengthKm: Double
  public var samples: [DepthSample]
  public var cableBands: [CableBand]
  public var burialBands: [BurialBand]
  public var crossings: [KPMarker]
  public var warnings: [KPMarker]
  /// The stretch laid so far (KPs of the lay vessel's fixes on the route), drawn over the cable row.
  public var asLaidKm: ClosedRange<Double>?

  public init(
    name: String, startName: String, endName: String, lengthKm: Double, samples: [DepthSample],
    cableBands: [CableBand] = [], burialBands: [BurialBand] = [], crossings: [KPMarker] = [],
    warnings: [KPMarker] = []
  ) {
    self.name = name
    self.startName = startName
    self.endName = endName
    self.lengthKm = lengthKm
    self.samples = samples
    self.cableBands = cableBands
    self.burialBands = burialBands
    self.crossings = crossings
    self.warnings = warnings
  }
}

/// The straight line diagram (SLD) of a route option: the route unrolled along KP, with the
/// depth profile, cable-type and burial bands, crossings (C1, C2, …) and warnings (W1, W2, …).
public struct StraightLineDiagram {
  public var series: ProfileSeries
  /// Colour of the option (its index among the options, as on the map).
  public var optionIndex: Int

  static let width = 1000.0
  static let plot = (left: 78.0, right: 980.0, top: 64.0, bottom: 250.0)
  static let cableRow = 280.0
  static let burialRow = 306.0
  static let warningRow = 332.0
  static let rowHeight = 18.0

  public init(series: ProfileSeries, optionIndex: Int) {
    self.series = series
    self.optionIndex = optionIndex
  }

  /// Draws the diagram.
  /// - Throws: `ReportError` for a route of no length.
  public func render() throws -> SVG {
    guard series.lengthKm > 0, series.lengthKm.isFinite else {
      throw ReportError("straight line diagram \(series.name): the route has no length")
    }
    let maxDepth = max(series.samples.compactMap(\.depthM).max() ?? 0, 1)
    let depthAxis = Axis(maximum: maxDepth, targetTicks: 6)
    let kpAxis = Axis(maximum: series.lengthKm, targetTicks: 10)
    let p = Self.plot
    let xScale = (p.right - p.left) / series.lengthKm
    let yScale = (p.bottom - p.top) / depthAxis.maximum
    func x(_ kpKm: Double) -> Double { p.left + min(max(kpKm, 0), series.lengthKm) * xScale }
    func y(_ depthM: Double) -> Double { p.top + max(depthM, 0) * yScale }

    var svg = SVG(
      width: Self.width, height: Self.warningRow + 80,
      title: "Straight line diagram, route option \(series.name): \(series.startName) to \(series.endName)")
    svg.add(
      SVG.text(
        "Route option \(series.name): \(series.startName) → \(series.endName), "
          + "\(Self.kilometres(series.lengthKm)) km", x: p.left, y: 22,
        [("font-size", "16"), ("font-weight", "bold"), ("fill", Style.routeColour(optionIndex))]))
    let exaggeration = yScale / (xScale / 1000)
    svg.add(
      SVG.text(
        "Water depth along the route (m) against KP (km); vertical exaggeration ×\(SVG.number(exaggeration.rounded()))",
        x: p.left, y: 40, [("fill", Style.muted)]))

    // Water, then the seabed below the profile; gaps where the depth is unknown.
    svg.add(
      SVG.rect(x: p.left, y: p.top, width: p.right - p.left, height: p.bottom - p.top, [("fill", Style.sea)]))
    var runs: [[DepthSample]] = [[]]
    for sample in series.samples.sorted(by: { $0.kpKm < $1.kpKm }) {
      if sample.depthM == nil {
        if !runs[runs.count - 1].isEmpty { runs.append([]) }
      } else {
        runs[runs.count - 1].append(sample)
      }
    }
    for run in runs where run.count >= 2 {
      let line = run.map { PlanarPoint(x: x($0.kpKm), y: y($0.depthM!)) }
      let seabed =
        line + [PlanarPoint(x: line[line.count - 1].x, y: p.bottom), PlanarPoint(x: line[0].x, y: p.bottom)]
      svg.add(SVG.shape("path", [("d", SVG.pathData([seabed], closed: true)), ("fill", "#cdb48c")]))
      svg.add(
        SVG.shape(
          "path",
          [
            ("d", SVG.pathData([line], closed: false)), ("fill", "none"), ("stroke", "#5d4a2e"),
            ("stroke-width", "1.4"),
          ]))
    }
    for run in zip(runs, runs.dropFirst()) where !run.0.isEmpty {
      let start = run.0[run.0.count - 1].kpKm
      let end = run.1.first?.kpKm ?? series.lengthKm
      svg.add(
        SVG.rect(
          x: x(start), y: p.top, width: x(end) - x(start), height: p.bottom - p.top,
          [("fill", "#ffffff"), ("fill-opacity", "0.7")], tooltip: "depth unknown"))
    }

    // Axes and grid.
    var grid: [Markup] = []
    for tick in depthAxis.ticks {
      grid.append(
        SVG.line(p.left, y(tick), p.right, y(tick), [("stroke", "#ffffff"), ("stroke-opacity", "0.6")]))
      grid.append(SVG.text(SVG.number(tick), x: p.left - 6, y: y(tick) + 4, [("text-anchor", "end")]))
    }
    for tick in kpAxis.ticks where tick <= series.lengthKm {
      grid.append(SVG.line(x(tick), p.bottom, x(tick), p.bottom + 4, [("stroke", Style.ink)]))
      grid.append(SVG.text(SVG.number(tick), x: x(tick), y: p.bottom + 15, [("text-anchor", "middle")]))
    }
    grid.append(
      SVG.text("km", x: p.right + 4, y: p.bottom + 15, [("fill", Style.muted)]))
    svg.add(SVG.group([("font-size", "11")], grid))
    svg.add(
      SVG.rect(
        x: p.left, y: p.top, width: p.right - p.left, height: p.bottom - p.top,
        [("fill", "none"), ("stroke", Style.ink)]))
    svg.add(SVG.text("m", x: p.left - 6, y: p.top - 6, [("text-anchor", "end"), ("fill", Style.muted)]))
    svg.add(SVG.text(series.startName, x: p.left, y: p.top - 6, [("font-weight", "bold")]))
    svg.add(
      SVG.text(series.endName, x: p.right, y: p.top - 6, [("font-weight", "bold"), ("text-anchor", "end")]))

    // Crossings: a dashed line through the profile, numbered C1, C2, … at the top.
    for (index, crossing) in series.crossings.enumerated() {
      let cx = x(crossing.kpKm)
      svg.add(
        SVG.group(
          [],
          [
            .element(
              "title",
              text:
                "C\(index + 1) KP \(Self.kilometres(crossing.kpKm)): \(crossing.label) — \(crossing.detail)"),
            SVG.line(
              cx, p.top, cx, p.bottom,
              [("stroke", "#6d3b12"), ("stroke-width", "1.5"), ("stroke-dasharray", "4 3")]),
            SVG.text(
              "C\(index + 1)", x: cx, y: p.top + 12,
              [("text-anchor", "middle"), ("font-size", "10"), ("font-weight", "bold")] + Style.halo),
          ]))
    }

    // Bands.
    svg.add(rowLabel("Cable", y: Self.cableRow))
    for band in series.cableBands {
      let colour = Style.cableColour(band.cableType)
      svg.add(
        SVG.rect(
          x: x(band.startKm), y: Self.cableRow, width: x(band.endKm) - x(band.startKm),
          height: Self.rowHeight,
          [("fill", colour), ("stroke", "#ffffff"), ("stroke-width", "0.5")],
          tooltip: "\(band.cableType) KP \(Self.kilometres(band.startKm))–\(Self.kilometres(band.endKm))"))
      if x(band.endKm) - x(band.startKm) > 24 {
        svg.add(
          SVG.text(
            band.cableType, x: (x(band.startKm) + x(band.endKm)) / 2, y: Self.cableRow + 13,
            [("text-anchor", "middle"), ("font-size", "11"), ("fill", "#ffffff"), ("font-weight", "bold")]))
      }
    }
    if let laid = series.asLaidKm {
      svg.add(
        SVG.rect(
          x: x(laid.lowerBound), y: Self.cableRow - 6, width: max(1, x(laid.upperBound) - x(laid.lowerBound)),
          height: 4, [("fill", Style.ink)],
          tooltip: "as laid KP \(Self.kilometres(laid.lowerBound))–\(Self.kilometres(laid.upperBound))"))
      svg.add(
        SVG.text(
          "as laid to KP \(Self.kilometres(laid.upperBound))", x: x(laid.upperBound) + 4,
          y: Self.cableRow - 2,
          [("font-size", "10"), ("fill", Style.ink)] + Style.halo))
    }
    svg.add(rowLabel("Burial", y: Self.burialRow))
    for band in series.burialBands {
      let text = band.depthM.map { "buried \(SVG.number($0)) m" } ?? "surface lay"
      svg.add(
        SVG.rect(
          x: x(band.startKm), y: Self.burialRow, width: x(band.endKm) - x(band.startKm),
          height: Self.rowHeight,
          [("fill", Style.burialColour(band.depthM)), ("stroke", "#ffffff"), ("stroke-width", "0.5")],
          tooltip: "\(text) KP \(Self.kilometres(band.startKm))–\(Self.kilometres(band.endKm))"))
      if x(band.endKm) - x(band.startKm) > 80 {
        svg.add(
          SVG.text(
            text, x: (x(band.startKm) + x(band.endKm)) / 2, y: Self.burialRow + 13,
            [
              ("text-anchor", "middle"), ("font-size", "11"),
              ("fill", band.depthM == nil ? Style.ink : "#ffffff"),
            ]))
      }
    }

    // Warnings: a span or a triangle, numbered W1, W2, …
    svg.add(rowLabel("Warnings", y: Self.warningRow))
    for (index, warning) in series.warnings.enumerated() {
      let wx = x(warning.kpKm)
      let title = Markup.element("title", text: "W\(index + 1) \(warning.label): \(warning.detail)")
      var shapes: [Markup] = [title]
      if let end = warning.endKm, x(end) - wx > 3 {
        shapes.append(
          SVG.rect(
            x: wx, y: Self.warningRow + 4, width: x(end) - wx, height: 10,
            [("fill", "#f9a825"), ("stroke", "#e65100")]))
      }
      let tri = [
        PlanarPoint(x: wx, y: Self.warningRow), PlanarPoint(x: wx - 6, y: Self.warningRow + Self.rowHeight),
        PlanarPoint(x: wx + 6, y: Self.warningRow + Self.rowHeight),
      ]
      shapes.append(
        SVG.shape(
          "path", [("d", SVG.pathData([tri], closed: true)), ("fill", "#fbc02d"), ("stroke", "#e65100")]))
      shapes.append(
        SVG.text(
          "W\(index + 1)", x: wx, y: Self.warningRow + Self.rowHeight + 12,
          [("text-anchor", "middle"), ("font-size", "9")]))
      svg.add(SVG.group([], shapes))
    }
    if series.warnings.isEmpty {
      svg.add(SVG.text("none", x: p.left + 4, y: Self.warningRow + 13, [("fill", Style.muted)]))
    }
    svg.add(legend(y: Self.warningRow + 52))
    return svg
  }

  private func rowLabel(_ text: String, y: Double) -> Markup {
    SVG.text(text, x: Self.plot.left - 6, y: y + 13, [("text-anchor", "end"), ("font-size", "11")])
  }

  /// The cable types and burial targets that occur, and the crossing and warning symbols.
  private func legend(y: Double) -> Markup {
    var shapes: [Markup] = []
    var x = Self.plot.left
    var types: [String] = []
    for band in series.cableBands where !types.contains(band.cableType) { types.append(band.cableType) }
    for type in types {
      shapes.append(SVG.rect(x: x, y: y - 10, width: 14, height: 12, [("fill", Style.cableColour(type))]))
      shapes.append(SVG.text(Style.cableLabel(type), x: x + 18, y: y))
      x += 26 + Double(Style.cableLabel(type).count) * 6.5
    }
    shapes.append(
      SVG.line(
        x, y - 10, x, y + 2, [("stroke", "#6d3b12"), ("stroke-width", "1.5"), ("stroke-dasharray", "4 3")]))
    shapes.append(SVG.text("C: crossing", x: x + 6, y: y))
    x += 90
    shapes.append(SVG.text("W: warning (details below)", x: x, y: y))
    return SVG.group([("font-size", "11")], shapes)
  }

  /// Kilometres to the metre.
  static func kilometres(_ km: Double) -> String { String(format: "%.3f", km) }
}

/// A linear axis from 0 with round tick steps (1, 2, 2.5 or 5 × a power of ten).
struct Axis {
  let step: Double
  let maximum: Double

  init(maximum value: Double, targetTicks: Int) {
    let raw = value / Double(targetTicks)
    let magnitude = pow(10, floor(log10(raw)))
    let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? 10 * magnitude
    self.step = step
    self.maximum = (value / step).rounded(.up) * step
  }

  var ticks: [Double] { stride(from: 0, through: maximum + step / 2, by: step).map { $0 } }
}
