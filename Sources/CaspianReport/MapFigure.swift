import CaspianGeometry

/// A map projection from lon/lat degrees (WGS84) to a plane in metres (x east, y north).
public protocol PlanarProjection {
  func forward(_ coordinates: [Coordinate]) throws -> [(x: Double, y: Double)]
}

/// Water depths on a regular lon/lat grid, for the relief shading.
public struct ReliefGrid: Sendable {
  public var columnCount: Int
  public var rowCount: Int
  /// Longitude of the grid's west edge and latitude of its north edge, degrees.
  public var westLongitude: Double
  public var northLatitude: Double
  /// Cell size, degrees.
  public var cellWidthDegrees: Double
  public var cellHeightDegrees: Double
  /// Water depth of each cell, metres positive down, row-major from the north-west cell; nil
  /// (or ≤ 0) where there is no water or no data.
  public var depthsM: [Double?]

  public init(
    columnCount: Int, rowCount: Int, westLongitude: Double, northLatitude: Double, cellWidthDegrees: Double,
    cellHeightDegrees: Double, depthsM: [Double?]
  ) {
    precondition(depthsM.count == columnCount * rowCount, "one depth per cell")
    self.columnCount = columnCount
    self.rowCount = rowCount
    self.westLongitude = westLongitude
    self.northLatitude = northLatitude
    self.cellWidthDegrees = cellWidthDegrees
    self.cellHeightDegrees = cellHeightDegrees
    self.depthsM = depthsM
  }
}

extension ReliefGrid {
  /// The grid with blocks of cells merged so that it has at most `maximumCells` columns and rows:
  /// a survey grid of millions of cells is drawn no finer than the map shows it. A block is water
  /// when at least half of its cells are, with their mean depth. Returns the grid itself when it
  /// is small enough.
  public func coarsened(toAtMost maximumCells: Int) -> ReliefGrid {
    let step = (max(columnCount, rowCount) + maximumCells - 1) / max(maximumCells, 1)
    guard step > 1 else { return self }
    let columns = (columnCount + step - 1) / step
    let rows = (rowCount + step - 1) / step
    var depths = [Double?](repeating: nil, count: columns * rows)
    for blockRow in 0..<rows {
      for blockColumn in 0..<columns {
        var sum = 0.0
        var wet = 0
        var cells = 0
        for row in (blockRow * step)..<min((blockRow + 1) * step, rowCount) {
          for column in (blockColumn * step)..<min((blockColumn + 1) * step, columnCount) {
            cells += 1
            if let depth = depthsM[row * columnCount + column], depth > 0 {
              sum += depth
              wet += 1
            }
          }
        }
        if wet * 2 >= cells { depths[blockRow * columns + blockColumn] = sum / Double(wet) }
      }
    }
    return ReliefGrid(
      columnCount: columns, rowCount: rows, westLongitude: westLongitude, northLatitude: northLatitude,
      cellWidthDegrees: cellWidthDegrees * Double(step), cellHeightDegrees: cellHeightDegrees * Double(step),
      depthsM: depths)
  }
}

/// A named point on the map (a landing).
public struct MapPlace: Sendable, Hashable {
  public var name: String
  public var coordinate: Coordinate

  public init(name: String, coordinate: Coordinate) {
    self.name = name
    self.coordinate = coordinate
  }
}

/// A hazard or seabed user drawn on the map, styled by its kind.
public struct MapHazard: Sendable, Hashable {
  /// The data-set kind: field, platform, pipeline, cable, port, ferry-lane, protected-area,
  /// sector-boundary (others get a plain style).
  public var kind: String
  public var name: String
  public var geometry: Geometry
  /// Never to be entered: drawn with a red outline.
  public var noGo: Bool

  public init(kind: String, name: String, geometry: Geometry, noGo: Bool) {
    self.kind = kind
    self.name = name
    self.geometry = geometry
    self.noGo = noGo
  }
}

/// A route option: alter-course points joined by geodesics.
public struct MapRoute: Sendable, Hashable {
  public var name: String
  public var points: [Coordinate]

  public init(name: String, points: [Coordinate]) {
    self.name = name
    self.points = points
  }
}

/// Everything the map shows.
public struct MapLayers: Sendable {
  public var title: String
  /// The sea's polygons; islands are holes.
  public var sea: [Polygon]
  public var relief: ReliefGrid?
  public var landings: [MapPlace]
  public var hazards: [MapHazard]
  public var routes: [MapRoute]
  /// Spacing of the KP ticks on the routes, km.
  public var kpTickSpacingKm: Double
  /// The lay vessel's fixes in time order (`lay import`), drawn as laid over the planned routes.
  public var asLaid: [Coordinate] = []

  public init(
    title: String, sea: [Polygon], relief: ReliefGrid? = nil, landings: [MapPlace] = [],
    hazards: [MapHazard] = [],
    routes: [MapRoute] = [], kpTickSpacingKm: Double = 50
  ) {
    self.title = title
    self.sea = sea
    self.relief = relief
    self.landings = landings
    self.hazards = hazards
    self.routes = routes
    self.kpTickSpacingKm = kpTickSpacingKm
  }
}

/// The map figure: coastline and islands, relief shaded by water depth, hazards by kind,
/// landings, route options with KP ticks, graticule and scale bar.
public struct MapFigure {
  public var layers: MapLayers
  /// Says which projection the map is drawn in (printed on the figure).
  public var projectionName: String

  /// Width of the map frame, pixels; its height follows from the sea's shape.
  static let frameWidth = 600.0
  static let legendWidth = 300.0
  /// Relief cells drawn along the longer side of the grid, at most (about a pixel each).
  static let maximumReliefCells = 500
  /// Height of the map frame over its width, at most.
  static let maximumAspect = 1.8
  static let margin = (left: 44.0, top: 40.0, gap: 24.0, right: 12.0, bottom: 62.0)

  public init(layers: MapLayers, projectionName: String) {
    self.layers = layers
    self.projectionName = projectionName
  }

  /// Draws the map.
  /// - Throws: `ReportError` when there is no sea to draw; the projection's errors.
  public func render(projection: some PlanarProjection) throws -> SVG {
    guard layers.sea.contains(where: { $0.exterior.count >= 3 }) else {
      throw ReportError("map: the sea polygon has no rings to draw")
    }
    let frame = try MapFrame(layers: layers, projection: projection)
    let legend = legendItems()
    let legendHeight = Double(legend.count) * 20 + 200
    let height = Self.margin.top + max(frame.height, legendHeight) + Self.margin.bottom
    let width = Self.margin.left + Self.frameWidth + Self.margin.gap + Self.legendWidth + Self.margin.right
    var svg = SVG(width: width, height: height, title: layers.title)
    svg.add(
      SVG.text(layers.title, x: Self.margin.left, y: 24, [("font-size", "17"), ("font-weight", "bold")]))

    let seaPath = SVG.pathData(try layers.sea.flatMap { try frame.rings(of: $0) }, closed: true)
    svg.add(
      .element(
        "defs", [:],
        [
          .element("clipPath", ["id": "map-frame"], [frame.rectangle([:])]),
          .element(
            "clipPath", ["id": "map-sea"], [SVG.shape("path", [("d", seaPath), ("clip-rule", "evenodd")])]),
        ]))
    var content: [Markup] = [frame.rectangle(["fill": Style.land])]
    content.append(SVG.shape("path", [("d", seaPath), ("fill", Style.sea), ("fill-rule", "evenodd")]))
    if let relief = layers.relief?.coarsened(toAtMost: Self.maximumReliefCells) {
      content.append(SVG.group([("clip-path", "url(#map-sea)")], try reliefShading(relief, frame: frame)))
    }
    content.append(
      SVG.shape(
        "path",
        [
          ("d", seaPath), ("fill", "none"), ("fill-rule", "evenodd"), ("stroke", Style.coastline),
          ("stroke-width", "0.8"),
        ]))
    content += try graticule(frame: frame)
    content += try layers.hazards.map { try hazard($0, frame: frame) }
    // Labels are placed where they overlap nothing placed before: landing markers, then landing
    // names, then KP numbers (a KP number that fits nowhere is left out; its tick stays).
    var labels = LabelPlacer()
    let landingPoints = try frame.project(layers.landings.map(\.coordinate))
    for p in landingPoints { labels.occupy(LabelPlacer.Box(x: p.x - 5, y: p.y - 5, width: 10, height: 10)) }
    let landings = zip(layers.landings, landingPoints).flatMap { landing($0, at: $1, labels: &labels) }
    let tracks = try layers.routes.map {
      try frame.project(Geodesic.wgs84.densify($0.points, maxSpacingMetres: 2000))
    }
    for p in tracks.joined() { labels.occupy(LabelPlacer.Box(x: p.x - 2, y: p.y - 2, width: 4, height: 4)) }
    for (index, route) in layers.routes.enumerated() {
      content += try self.route(
        route, track: tracks[index], colour: Style.routeColour(index), frame: frame, labels: &labels)
    }
    if layers.asLaid.count >= 2 {
      content.append(
        SVG.shape(
          "path",
          [
            ("d", SVG.pathData([try frame.project(layers.asLaid)], closed: false)), ("fill", "none"),
            ("stroke", Style.ink), ("stroke-width", "1.4"), ("stroke-dasharray", "5 2"),
          ], tooltip: "as laid: \(layers.asLaid.count) vessel fixes"))
    }
    content += landings
    svg.add(SVG.group([("clip-path", "url(#map-frame)")], content))
    svg.add(frame.rectangle(["fill": "none", "stroke": Style.ink, "stroke-width": "1"]))
    svg.add(try graticuleLabels(frame: frame))
    svg.add(scaleBar(frame: frame))
    svg.add(
      SVG.text(
        "Projection: \(projectionName).", x: Self.margin.left, y: Self.margin.top + frame.height + 34,
        [("fill", Style.muted), ("font-size", "11")]))
    svg.add(
      SVG.text(
        "Route lengths are measured on the WGS84 ellipsoid; KP ticks every"
          + " \(SVG.number(layers.kpTickSpacingKm)) km from the first landing.",
        x: Self.margin.left, y: Self.margin.top + frame.height + 50,
        [("fill", Style.muted), ("font-size", "11")]))
    svg.add(legendMarkup(legend, x: Self.margin.left + Self.frameWidth + Self.margin.gap, y: Self.margin.top))
    return svg
  }

  // MARK: Layers

  /// The relief: grid cells of one depth class merged into runs along each row, one path per
  /// class. Run edges follow the parallels in steps of at most 0.5°.
  private func reliefShading(_ relief: ReliefGrid, frame: MapFrame) throws -> [Markup] {
    var runs = [[[PlanarPoint]]](repeating: [], count: Style.depthClasses.count)
    for row in 0..<relief.rowCount {
      let north = relief.northLatitude - Double(row) * relief.cellHeightDegrees
      let south = north - relief.cellHeightDegrees
      var column = 0
      while column < relief.columnCount {
        guard let depth = relief.depthsM[row * relief.columnCount + column],
          let depthClass = Style.depthClass(depth)
        else {
          column += 1
          continue
        }
        var end = column + 1
        while end < relief.columnCount,
          let next = relief.depthsM[row * relief.columnCount + end], Style.depthClass(next) == depthClass
        {
          end += 1
        }
        let west = relief.westLongitude + Double(column) * relief.cellWidthDegrees
        let east = relief.westLongitude + Double(end) * relief.cellWidthDegrees
        let steps = max(1, Int(((east - west) / 0.5).rounded(.up)))
        let top = (0...steps).map {
          Coordinate(longitude: west + (east - west) * Double($0) / Double(steps), latitude: north)
        }
        let bottom = top.reversed().map { Coordinate(longitude: $0.longitude, latitude: south) }
        runs[depthClass].append(try frame.project(top + bottom))
        column = end
      }
    }
    return runs.enumerated().compactMap { depthClass, rings in
      guard !rings.isEmpty else { return nil }
      let colour = Style.depthClasses[depthClass].colour
      // A hairline stroke of the same colour hides the seams between neighbouring runs.
      return SVG.shape(
        "path",
        [
          ("d", SVG.pathData(rings, closed: true)), ("fill", colour), ("stroke", colour),
          ("stroke-width", "0.6"),
        ])
    }
  }

  /// Parallels and meridians every degree over the sea's extent.
  private func graticule(frame: MapFrame) throws -> [Markup] {
    var lines: [[PlanarPoint]] = []
    for latitude in frame.latitudes {
      let points = stride(
        from: frame.longitudeRange.lowerBound, through: frame.longitudeRange.upperBound, by: 0.1
      )
      .map { Coordinate(longitude: $0, latitude: Double(latitude)) }
      lines.append(try frame.project(points))
    }
    for longitude in frame.longitudes {
      let points = stride(
        from: frame.latitudeRange.lowerBound, through: frame.latitudeRange.upperBound, by: 0.1
      )
      .map { Coordinate(longitude: Double(longitude), latitude: $0) }
      lines.append(try frame.project(points))
    }
    return [
      SVG.shape(
        "path",
        [
          ("d", SVG.pathData(lines, closed: false)), ("fill", "none"), ("stroke", Style.graticule),
          ("stroke-width", "0.5"), ("stroke-opacity", "0.7"),
        ])
    ]
  }

  /// Degree labels where the parallels meet the frame's left edge and the meridians its bottom.
  private func graticuleLabels(frame: MapFrame) throws -> Markup {
    var labels: [Markup] = []
    for latitude in frame.latitudes {
      let y = try frame.project([
        Coordinate(longitude: frame.westmostOnFrame(latitude: latitude), latitude: Double(latitude))
      ])[0].y
      guard y > frame.top + 8, y < frame.bottom - 4 else { continue }
      labels.append(
        SVG.text("\(latitude)°N", x: frame.left - 4, y: y + 4, [("text-anchor", "end"), ("font-size", "11")]))
    }
    for longitude in frame.longitudes {
      let x = try frame.project([
        Coordinate(longitude: Double(longitude), latitude: frame.southmostOnFrame(longitude: longitude))
      ])[0].x
      guard x > frame.left + 12, x < frame.right - 12 else { continue }
      labels.append(
        SVG.text(
          "\(longitude)°E", x: x, y: frame.bottom + 14, [("text-anchor", "middle"), ("font-size", "11")]))
    }
    return SVG.group([("fill", Style.muted)], labels)
  }

  private func hazard(_ hazard: MapHazard, frame: MapFrame) throws -> Markup {
    let look = Style.hazardLook(kind: hazard.kind)
    let tooltip = "\(hazard.kind): \(hazard.name)" + (hazard.noGo ? " (no-go)" : "")
    let noGo: [(String, String)] =
      hazard.noGo ? [("stroke", Style.noGoOutline), ("stroke-width", "1.6")] : []
    var shapes: [Markup] = []
    for part in hazard.geometry.drawableParts {
      switch part {
      case .point(let c):
        let p = try frame.project([c])[0]
        shapes.append(
          SVG.shape(
            "circle",
            [("cx", SVG.number(p.x)), ("cy", SVG.number(p.y)), ("r", "3.5")] + look.attributes + noGo))
      case .line(let points):
        shapes.append(
          SVG.shape(
            "path", [("d", SVG.pathData([try frame.project(points)], closed: false))] + look.attributes))
      case .area(let polygon):
        shapes.append(
          SVG.shape(
            "path",
            [("d", SVG.pathData(try frame.rings(of: polygon), closed: true)), ("fill-rule", "evenodd")]
              + look.attributes + noGo))
      }
    }
    return .element(
      name: "g", attributes: [.init("class", "hazard")],
      children: [.element("title", text: tooltip)] + shapes)
  }

  private func route(
    _ route: MapRoute, track: [PlanarPoint], colour: String, frame: MapFrame, labels: inout LabelPlacer
  ) throws -> [Markup] {
    guard route.points.count >= 2 else { return [] }
    var shapes: [Markup] = [
      SVG.shape(
        "path",
        [
          ("d", SVG.pathData([track], closed: false)), ("fill", "none"), ("stroke", "#ffffff"),
          ("stroke-width", "5"), ("stroke-linejoin", "round"), ("stroke-opacity", "0.8"),
        ]),
      SVG.shape(
        "path",
        [
          ("d", SVG.pathData([track], closed: false)), ("fill", "none"), ("stroke", colour),
          ("stroke-width", "2.6"),
          ("stroke-linejoin", "round"),
        ], tooltip: "route option \(route.name)"),
    ]
    for tick in KilometrePoint.every(layers.kpTickSpacingKm, along: route.points) {
      // The tick is drawn across the route: the direction comes from a point 1 km further on.
      let ahead = Geodesic.wgs84.direct(
        from: tick.coordinate, azimuthDegrees: tick.azimuthDegrees, distanceMetres: 1000)
      let ends = try frame.project([tick.coordinate, ahead])
      let dx = ends[1].x - ends[0].x
      let dy = ends[1].y - ends[0].y
      let length = max((dx * dx + dy * dy).squareRoot(), 1e-9)
      let (nx, ny) = (-dy / length, dx / length)
      let p = ends[0]
      shapes.append(
        SVG.line(
          p.x - nx * 6, p.y - ny * 6, p.x + nx * 6, p.y + ny * 6, [("stroke", colour), ("stroke-width", "2")])
      )
      let text = SVG.number(tick.kpKm)
      // Either side of the route, close first, then further out (where other routes run near).
      var sides: [LabelPlacer.Candidate] = []
      for offset in [9.0, 16, 24] {
        for (sx, sy) in [(nx, ny), (-nx, -ny)] {
          let anchor = sx < 0 ? "end" : "start"
          sides.append(LabelPlacer.Candidate(x: p.x + sx * offset, y: p.y + sy * offset + 4, anchor: anchor))
        }
      }
      if let spot = labels.place(text, fontSize: 10, candidates: sides) {
        shapes.append(
          SVG.text(
            text, x: spot.x, y: spot.y,
            [("font-size", "10"), ("fill", colour), ("text-anchor", spot.anchor)] + Style.halo))
      }
    }
    return shapes
  }

  private func landing(_ place: MapPlace, at p: PlanarPoint, labels: inout LabelPlacer) -> [Markup] {
    let candidates = [
      LabelPlacer.Candidate(x: p.x + 7, y: p.y - 5, anchor: "start"),
      LabelPlacer.Candidate(x: p.x + 7, y: p.y + 15, anchor: "start"),
      LabelPlacer.Candidate(x: p.x - 7, y: p.y - 5, anchor: "end"),
      LabelPlacer.Candidate(x: p.x - 7, y: p.y + 15, anchor: "end"),
    ]
    // A landing's name is always shown: where every place overlaps, the first is used.
    let spot = labels.place(place.name, fontSize: 12, candidates: candidates) ?? candidates[0]
    return [
      SVG.shape(
        "circle",
        [
          ("cx", SVG.number(p.x)), ("cy", SVG.number(p.y)), ("r", "4.5"), ("fill", "#ffffff"),
          ("stroke", Style.ink), ("stroke-width", "2"),
        ], tooltip: "landing: \(place.name)"),
      SVG.text(
        place.name, x: spot.x, y: spot.y,
        [("font-size", "12"), ("font-weight", "bold"), ("text-anchor", spot.anchor)] + Style.halo),
    ]
  }

  /// A bar of a round number of kilometres near the bottom-left corner of the frame. The
  /// equidistant projection is true to scale along lines through its centre; elsewhere the
  /// bar is a close guide (within 1 % across the Caspian).
  private func scaleBar(frame: MapFrame) -> Markup {
    let pixelsPerKm = frame.pixelsPerMetre * 1000
    let km = [25.0, 50, 100, 200, 250, 500].last { $0 * pixelsPerKm <= Self.frameWidth / 4 } ?? 25
    let length = km * pixelsPerKm
    let x = frame.left + 14
    let y = frame.bottom - 18
    return SVG.group(
      [],
      [
        SVG.rect(
          x: x - 6, y: y - 20, width: length + 60, height: 30,
          [("fill", "#ffffff"), ("fill-opacity", "0.85")]),
        SVG.rect(x: x, y: y, width: length / 2, height: 5, [("fill", Style.ink)]),
        SVG.rect(
          x: x + length / 2, y: y, width: length / 2, height: 5, [("fill", "#ffffff"), ("stroke", Style.ink)]),
        SVG.text("0", x: x, y: y - 4, [("font-size", "10"), ("text-anchor", "middle")]),
        SVG.text(
          SVG.number(km) + " km", x: x + length, y: y - 4, [("font-size", "10"), ("text-anchor", "middle")]),
      ])
  }

  // MARK: Legend

  private struct LegendItem {
    var swatch: String
    var attributes: [(String, String)]
    var label: String
  }

  private func legendItems() -> [LegendItem] {
    var items: [LegendItem] = []
    for (index, route) in layers.routes.enumerated() {
      items.append(
        LegendItem(
          swatch: "line", attributes: [("stroke", Style.routeColour(index)), ("stroke-width", "3")],
          label: "route option \(route.name)"))
    }
    if layers.asLaid.count >= 2 {
      items.append(
        LegendItem(
          swatch: "line",
          attributes: [("stroke", Style.ink), ("stroke-width", "1.4"), ("stroke-dasharray", "5 2")],
          label: "as laid (vessel fixes)"))
    }
    if !layers.landings.isEmpty {
      items.append(
        LegendItem(
          swatch: "point", attributes: [("fill", "#ffffff"), ("stroke", Style.ink), ("stroke-width", "2")],
          label: "landing"))
    }
    var kinds: [String] = []
    for hazard in layers.hazards where !kinds.contains(hazard.kind) { kinds.append(hazard.kind) }
    for kind in kinds {
      let look = Style.hazardLook(kind: kind)
      items.append(LegendItem(swatch: look.shape, attributes: look.attributes, label: look.label))
    }
    if layers.hazards.contains(where: \.noGo) {
      items.append(
        LegendItem(
          swatch: "area",
          attributes: [("fill", "none"), ("stroke", Style.noGoOutline), ("stroke-width", "1.6")],
          label: "no-go (red outline)"))
    }
    return items
  }

  private func legendMarkup(_ items: [LegendItem], x: Double, y: Double) -> Markup {
    var shapes: [Markup] = [SVG.text("Legend", x: x, y: y + 12, [("font-weight", "bold")])]
    var rowY = y + 32
    for item in items {
      switch item.swatch {
      case "point":
        shapes.append(
          SVG.shape(
            "circle",
            [("cx", SVG.number(x + 14)), ("cy", SVG.number(rowY - 4)), ("r", "4")] + item.attributes))
      case "area":
        shapes.append(SVG.rect(x: x, y: rowY - 11, width: 28, height: 13, item.attributes))
      default:
        shapes.append(SVG.line(x, rowY - 4, x + 28, rowY - 4, item.attributes + [("fill", "none")]))
      }
      shapes.append(SVG.text(item.label, x: x + 36, y: rowY))
      rowY += 20
    }
    rowY += 10
    shapes.append(SVG.text("Water depth (m)", x: x, y: rowY, [("font-weight", "bold")]))
    rowY += 8
    let classes = Style.depthClasses
    let boxWidth = (Self.legendWidth - 20) / Double(classes.count)
    for (index, depthClass) in classes.enumerated() {
      shapes.append(
        SVG.rect(
          x: x + Double(index) * boxWidth, y: rowY, width: boxWidth, height: 14, [("fill", depthClass.colour)]
        ))
      shapes.append(
        SVG.text(
          SVG.number(depthClass.lowerM), x: x + Double(index) * boxWidth, y: rowY + 28,
          [("font-size", "9"), ("text-anchor", "middle")]))
    }
    shapes.append(
      SVG.rect(
        x: x, y: rowY, width: boxWidth * Double(classes.count), height: 14,
        [("fill", "none"), ("stroke", Style.muted)]))
    rowY += 50
    shapes.append(
      SVG.rect(x: x, y: rowY - 11, width: 28, height: 13, [("fill", Style.land), ("stroke", Style.muted)]))
    shapes.append(SVG.text("land", x: x + 36, y: rowY))
    return SVG.group([], shapes)
  }
}

/// Places labels so that they do not overlap, by trying candidate positions in turn.
struct LabelPlacer {
  struct Box {
    var x, y, width, height: Double

    func overlaps(_ other: Box) -> Bool {
      x < other.x + other.width && other.x < x + width && y < other.y + other.height && other.y < y + height
    }
  }

  /// A text position: the baseline's anchor point and the SVG `text-anchor`.
  struct Candidate {
    var x: Double
    var y: Double
    var anchor: String
  }

  private(set) var boxes: [Box] = []

  mutating func occupy(_ box: Box) { boxes.append(box) }

  /// The first candidate where `text` overlaps nothing placed so far (which it then occupies),
  /// or nil. The text's extent is estimated at 0.62 em per character.
  mutating func place(_ text: String, fontSize: Double, candidates: [Candidate]) -> Candidate? {
    let width = Double(text.count) * fontSize * 0.62
    for candidate in candidates {
      let left = candidate.anchor == "end" ? candidate.x - width : candidate.x
      let box = Box(x: left, y: candidate.y - fontSize, width: width, height: fontSize * 1.2)
      if !boxes.contains(where: { $0.overlaps(box) }) {
        boxes.append(box)
        return candidate
      }
    }
    return nil
  }
}

/// The projected extent of the map and its placement on the canvas.
private struct MapFrame {
  let projection: any PlanarProjection
  let minX: Double
  let maxY: Double
  let pixelsPerMetre: Double
  let left: Double
  let top: Double
  let width: Double
  let height: Double
  /// The lon/lat box the graticule covers, degrees.
  let longitudeRange: ClosedRange<Double>
  let latitudeRange: ClosedRange<Double>

  init(layers: MapLayers, projection: some PlanarProjection) throws {
    self.projection = projection
    var coordinates = layers.sea.flatMap(\.exterior)
    coordinates += layers.landings.map(\.coordinate) + layers.routes.flatMap(\.points)
    let xy = try projection.forward(coordinates)
    var minX = xy.map(\.x).min()!
    var maxX = xy.map(\.x).max()!
    var minY = xy.map(\.y).min()!
    var maxY = xy.map(\.y).max()!
    let pad = 0.03 * max(maxX - minX, maxY - minY)
    // A tall, narrow extent is widened so the frame is at most `maximumAspect` times as high
    // as it is wide.
    let widen = max(0, (maxY - minY) / MapFigure.maximumAspect - (maxX - minX)) / 2
    minX -= pad + widen
    maxX += pad + widen
    minY -= pad
    maxY += pad
    self.minX = minX
    self.maxY = maxY
    pixelsPerMetre = MapFigure.frameWidth / (maxX - minX)
    left = MapFigure.margin.left
    top = MapFigure.margin.top
    width = MapFigure.frameWidth
    height = (maxY - minY) * pixelsPerMetre
    let longitudes = coordinates.map(\.longitude)
    let latitudes = coordinates.map(\.latitude)
    longitudeRange = (longitudes.min()!.rounded(.down) - 2)...(longitudes.max()!.rounded(.up) + 2)
    latitudeRange = (latitudes.min()!.rounded(.down) - 2)...(latitudes.max()!.rounded(.up) + 2)
  }

  var right: Double { left + width }
  var bottom: Double { top + height }

  /// Whole degrees of latitude and longitude for the graticule.
  var latitudes: [Int] { Array(Int(latitudeRange.lowerBound)...Int(latitudeRange.upperBound)) }
  var longitudes: [Int] { Array(Int(longitudeRange.lowerBound)...Int(longitudeRange.upperBound)) }

  func project(_ coordinates: [Coordinate]) throws -> [PlanarPoint] {
    try projection.forward(coordinates).map {
      PlanarPoint(x: left + ($0.x - minX) * pixelsPerMetre, y: top + (maxY - $0.y) * pixelsPerMetre)
    }
  }

  func rings(of polygon: Polygon) throws -> [[PlanarPoint]] {
    try ([polygon.exterior] + polygon.holes).map { try project($0) }
  }

  func rectangle(_ attributes: KeyValuePairs<String, String>) -> Markup {
    SVG.rect(
      x: left, y: top, width: width, height: height, attributes.map { ($0.key, $0.value) })
  }

  /// The westmost longitude (to 0.05°) on a parallel that lies inside the frame.
  func westmostOnFrame(latitude: Int) throws -> Double {
    let longitudes = Array(
      stride(from: longitudeRange.lowerBound, through: longitudeRange.upperBound, by: 0.05))
    let points = try project(longitudes.map { Coordinate(longitude: $0, latitude: Double(latitude)) })
    return longitudes[points.firstIndex { $0.x >= left } ?? 0]
  }

  /// The southmost latitude (to 0.05°) on a meridian that lies inside the frame.
  func southmostOnFrame(longitude: Int) throws -> Double {
    let latitudes = Array(stride(from: latitudeRange.lowerBound, through: latitudeRange.upperBound, by: 0.05))
    let points = try project(latitudes.map { Coordinate(longitude: Double(longitude), latitude: $0) })
    return latitudes[points.firstIndex { $0.y <= bottom } ?? 0]
  }
}

/// A geometry broken into what the map draws: points, lines and areas.
enum DrawablePart {
  case point(Coordinate)
  case line([Coordinate])
  case area(Polygon)
}

extension Geometry {
  var drawableParts: [DrawablePart] {
    switch self {
    case .point(let c): [.point(c)]
    case .multiPoint(let cs): cs.map { .point($0) }
    case .lineString(let cs): [.line(cs)]
    case .multiLineString(let lines): lines.map { .line($0) }
    case .polygon(let p): [.area(p)]
    case .multiPolygon(let ps): ps.map { .area($0) }
    case .geometryCollection(let gs): gs.flatMap(\.drawableParts)
    }
  }
}
