import CaspianGeometry
import Foundation
import Testing

@testable import CaspianReport

/// Plate carrée in metres at 42° N: enough to test the drawing without PROJ.
struct TestProjection: PlanarProjection {
  func forward(_ coordinates: [Coordinate]) throws -> [(x: Double, y: Double)] {
    coordinates.map { (x: $0.longitude * 111_320 * cos(42 * .pi / 180), y: $0.latitude * 110_574) }
  }
}

/// A small square sea with an island, a relief grid, hazards of every kind and two routes.
func sampleLayers() -> MapLayers {
  func ring(_ w: Double, _ s: Double, _ e: Double, _ n: Double) -> [Coordinate] {
    [(w, s), (e, s), (e, n), (w, n), (w, s)].map { Coordinate(longitude: $0.0, latitude: $0.1) }
  }
  let sea = Polygon(exterior: ring(49, 40, 52, 44), holes: [ring(50.2, 41.2, 50.5, 41.5)])
  // No data in the west column, then one depth of each class in turn.
  let classDepths = [5.0, 15, 30, 70, 150, 300, 500, 700, 900, 1100]
  let depths: [Double?] = (0..<(30 * 40)).map { index in
    let column = index % 30
    return column == 0 ? nil : classDepths[(column - 1) % classDepths.count]
  }
  let relief = ReliefGrid(
    columnCount: 30, rowCount: 40, westLongitude: 49, northLatitude: 44, cellWidthDegrees: 0.1,
    cellHeightDegrees: 0.1, depthsM: depths)
  let hazards = [
    MapHazard(
      kind: "field", name: hostileName, geometry: .polygon(Polygon(exterior: ring(50.8, 40.3, 51.3, 40.6))),
      noGo: true),
    MapHazard(
      kind: "platform", name: "Platform A", geometry: .point(Coordinate(longitude: 51, latitude: 40.45)),
      noGo: true),
    MapHazard(
      kind: "pipeline", name: "Pipeline 1",
      geometry: .lineString([
        Coordinate(longitude: 49.5, latitude: 40.5), Coordinate(longitude: 51.5, latitude: 41),
      ]),
      noGo: false),
    MapHazard(
      kind: "sector-boundary", name: "KZ/AZ",
      geometry: .lineString([
        Coordinate(longitude: 49, latitude: 42.5), Coordinate(longitude: 52, latitude: 42),
      ]),
      noGo: false),
    MapHazard(
      kind: "protected-area", name: "Reserve",
      geometry: .polygon(Polygon(exterior: ring(49.2, 43.5, 49.6, 43.8))), noGo: false),
  ]
  let start = Coordinate(longitude: 51.2, latitude: 43.6)
  let end = Coordinate(longitude: 49.7, latitude: 40.6)
  return MapLayers(
    title: "Test sea", sea: [sea], relief: relief,
    landings: [MapPlace(name: "Aktau", coordinate: start), MapPlace(name: hostileName, coordinate: end)],
    hazards: hazards,
    routes: [
      MapRoute(name: "A", points: [start, Coordinate(longitude: 50.6, latitude: 42), end]),
      MapRoute(name: hostileName, points: [start, Coordinate(longitude: 51.6, latitude: 41.5), end]),
    ])
}

@Suite struct MapFigureTests {
  @Test func kilometrePointsLieOnTheRouteAtTheirKP() {
    let route = [
      Coordinate(longitude: 51.2, latitude: 43.6), Coordinate(longitude: 50.6, latitude: 42),
      Coordinate(longitude: 49.7, latitude: 40.6),
    ]
    let geodesic = Geodesic.wgs84
    let length = geodesic.length(of: route)
    let ticks = KilometrePoint.every(50, along: route)
    #expect(ticks.map(\.kpKm) == (1...Int(length / 50_000)).map { Double($0) * 50 })
    let firstLeg = geodesic.distanceMetres(route[0], route[1])
    for tick in ticks {
      let (a, b, before) =
        tick.kpKm * 1000 < firstLeg ? (route[0], route[1], 0.0) : (route[1], route[2], firstLeg)
      // On the leg's geodesic, at the right distance from its start.
      let toTick = geodesic.distanceMetres(a, tick.coordinate)
      #expect(abs(before + toTick - tick.kpKm * 1000) < 0.001)
      #expect(
        abs(toTick + geodesic.distanceMetres(tick.coordinate, b) - geodesic.distanceMetres(a, b)) < 0.001)
    }
    #expect(KilometrePoint.every(50, along: [route[0]]).isEmpty)
  }

  @Test func mapIsWellFormedAndShowsEveryLayer() throws {
    let layers = sampleLayers()
    let svg = try MapFigure(layers: layers, projectionName: "test plate carrée").render(
      projection: TestProjection())
    let parsed = parse(svg.document)
    #expect(parsed.count("script") == 0)
    // Hostile names show as text: a hazard tooltip, a landing label, a route in the legend.
    #expect(parsed.hasText("field: \(hostileName) (no-go)"))
    #expect(parsed.texts.contains { $0.element == "text" && $0.text == hostileName })
    #expect(parsed.hasText("route option \(hostileName)"))
    // One legend line per hazard kind, and the no-go outline.
    for label in [
      "oil/gas field", "platform", "pipeline", "sector boundary", "protected area",
      "no-go (red outline)",
    ] {
      #expect(parsed.texts.contains { $0.element == "text" && $0.text == label }, "legend: \(label)")
    }
    #expect(parsed.count("g") >= layers.hazards.count)
    #expect(parsed.hasText("Projection: test plate carrée"))
    #expect(parsed.hasText("Water depth (m)"))
    // Relief: the grid has a depth in every class; one path per class.
    let fills = Set(parsed.elements.compactMap { $0.name == "path" ? $0.attributes["fill"] : nil })
    #expect(Style.depthClasses.allSatisfy { fills.contains($0.colour) })
    // KP ticks: one per whole 50 km step on each route, most of them numbered.
    for (index, route) in layers.routes.enumerated() {
      let expected = Int(Geodesic.wgs84.length(of: route.points) / 50_000)
      let colour = Style.routeColour(index)
      let ticks = parsed.elements.filter {
        $0.name == "line" && $0.attributes["stroke"] == colour && $0.attributes["stroke-width"] == "2"
      }
      let labels = parsed.elements.filter { $0.name == "text" && $0.attributes["fill"] == colour }
      #expect(ticks.count == expected)
      // A number that would overlap another label is left out, never more than the ticks.
      #expect(labels.count <= expected && labels.count >= expected - 2)
    }
    // Graticule labels every degree that meets the frame.
    #expect(parsed.hasText("42°N") && parsed.hasText("50°E"))
    #expect(parsed.texts.contains { $0.text.hasSuffix(" km") && $0.element == "text" })
  }

  @Test func aFineGridIsCoarsenedToBlocks() throws {
    // 5 × 3 cells, blocks of 2 × 2: the last column and row form partial blocks.
    let grid = ReliefGrid(
      columnCount: 5, rowCount: 3, westLongitude: 49, northLatitude: 43, cellWidthDegrees: 0.01,
      cellHeightDegrees: 0.01,
      depthsM: [
        10, 20, nil, nil, 5,
        30, 40, 100, nil, 7,
        nil, nil, 1, 2, nil,
      ])
    let coarse = grid.coarsened(toAtMost: 3)
    #expect(coarse.columnCount == 3 && coarse.rowCount == 2)
    #expect(abs(coarse.cellWidthDegrees - 0.02) < 1e-12 && coarse.westLongitude == 49)
    // Means of the wet cells where at least half the block is wet; the 2 × 2 block with one wet cell is dry.
    #expect(coarse.depthsM == [25, nil, 6, nil, 1.5, nil])
    #expect(grid.coarsened(toAtMost: 5).depthsM == grid.depthsM)
  }

  @Test func aMapNeedsASea() {
    var layers = sampleLayers()
    layers.sea = []
    #expect(throws: ReportError.self) {
      try MapFigure(layers: layers, projectionName: "x").render(projection: TestProjection())
    }
  }
}

/// A V-shaped profile, 5 m at the ends and 749 m deepest, with no depth at KP 200.
func sampleSamples() -> [DepthSample] {
  (0...372).map { (kp: Int) -> DepthSample in
    let depth: Double? = kp == 200 ? nil : 5 + Double(min(kp, 372 - kp)) * 4
    return DepthSample(kpKm: Double(kp), depthM: depth)
  }
}

func sampleSeries(name: String = "A") -> ProfileSeries {
  ProfileSeries(
    name: name, startName: "Aktau", endName: hostileName, lengthKm: 372.4, samples: sampleSamples(),
    cableBands: [
      CableBand(startKm: 0, endKm: 12, cableType: "DA"), CableBand(startKm: 12, endKm: 130, cableType: "SA"),
      CableBand(startKm: 130, endKm: 300, cableType: "LWP"),
      CableBand(startKm: 300, endKm: 372.4, cableType: "SA"),
    ],
    burialBands: [
      BurialBand(startKm: 0, endKm: 150, depthM: 1), BurialBand(startKm: 150, endKm: 151, depthM: 2),
      BurialBand(startKm: 151, endKm: 372.4, depthM: nil),
    ],
    crossings: [KPMarker(kpKm: 150.5, label: hostileName, detail: "pipeline, 72°")],
    warnings: [
      KPMarker(kpKm: 80, endKm: 95, label: "suspension", detail: "slope 12° along the route"),
      KPMarker(kpKm: 150.5, label: "crossing-angle", detail: hostileName),
    ])
}

@Suite struct StraightLineDiagramTests {
  @Test func diagramIsWellFormedWithBandsCrossingsAndWarnings() throws {
    let svg = try StraightLineDiagram(series: sampleSeries(), optionIndex: 1).render()
    let parsed = parse(svg.document)
    #expect(parsed.count("script") == 0)
    #expect(parsed.hasText("Route option A: Aktau → \(hostileName), 372.400 km"))
    #expect(parsed.hasText("C1 KP 150.500: \(hostileName) — pipeline, 72°"))
    #expect(parsed.hasText("W1 suspension: slope 12° along the route"))
    #expect(parsed.hasText("W2 crossing-angle: \(hostileName)"))
    for label in ["DA", "SA", "LWP", "buried 1 m", "surface lay", "DA: double armour"] {
      #expect(parsed.texts.contains { $0.element == "text" && $0.text == label }, "label \(label)")
    }
    // Depth axis to 800 m (deepest sample 749 m), KP axis labels to 350 km (none beyond the route).
    #expect(parsed.texts.contains { $0.text == "800" })
    let kpLabels = parsed.elements.filter { $0.name == "text" && $0.attributes["y"] == "265" }
    #expect(kpLabels.count == 9)  // 0, 50, …, 350 and "km" under the plot
    // The unknown depth at KP 200 splits the profile and is marked.
    #expect(parsed.hasText("depth unknown"))
    #expect(parsed.elements.filter { $0.name == "path" && $0.attributes["fill"] == "#cdb48c" }.count == 2)
  }

  @Test func aRouteOfNoLengthIsRefused() {
    var series = sampleSeries()
    series.lengthKm = 0
    #expect(throws: ReportError.self) { try StraightLineDiagram(series: series, optionIndex: 0).render() }
  }
}

func day(_ text: String) -> Date {
  let parts = text.split(separator: "-").map { Int($0)! }
  return GanttChart.calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))!
}

func sampleGantt() -> GanttChart {
  GanttChart(
    title: "Schedule as of 2026-02-24",
    rows: [
      GanttRow(
        id: "contract", name: "Construction agreement", baselineStart: day("2025-03-04"),
        baselineFinish: day("2025-03-04"),
        start: day("2025-03-04"), finish: day("2025-03-04"), startIsActual: true, finishIsActual: true,
        critical: false,
        status: "done"),
      GanttRow(
        id: "mfg", name: "Cable manufacturing", baselineStart: day("2025-11-01"),
        baselineFinish: day("2026-05-31"),
        start: day("2025-11-01"), finish: day("2026-02-24"), startIsActual: true, finishIsActual: true,
        critical: false,
        status: "done"),
      GanttRow(
        id: "lay", name: hostileName, baselineStart: day("2026-04-01"), baselineFinish: day("2026-09-30"),
        start: day("2026-01-15"), finish: day("2026-10-15"), startIsActual: true, finishIsActual: false,
        critical: true,
        status: "in progress"),
      GanttRow(
        id: "rfs", name: "Ready for service", baselineStart: day("2026-12-31"),
        baselineFinish: day("2026-12-31"),
        start: day("2026-12-15"), finish: day("2026-12-15"), startIsActual: false, finishIsActual: false,
        critical: true,
        status: "not started"),
    ],
    asOf: day("2026-02-24"), deadline: day("2026-12-31"))
}

@Suite struct GanttChartTests {
  @Test func chartIsWellFormedWithTodayDeadlineAndCriticalPath() throws {
    let chart = sampleGantt()
    let parsed = parse(try chart.render().document)
    #expect(parsed.count("script") == 0)
    #expect(parsed.hasText("as of 2026-02-24"))
    #expect(parsed.hasText("deadline 2026-12-31"))
    #expect(parsed.hasText("lay \(hostileName): in progress"))
    // Critical rows' names are red; the others are not.
    let names = parsed.elements.filter { $0.name == "text" && $0.attributes["x"] == "10" }.dropFirst()
    #expect(names.map { $0.attributes["fill"] == Style.critical } == [false, false, true, true])
    #expect(parsed.hasText("2025") && parsed.hasText("2026"))
    // The hostile name is longer than the label column: cut with "…", whole in the tooltip.
    #expect(parsed.hasText(String(hostileName.prefix(GanttChart.nameCharacters - 1)) + "…"))
  }

  @Test func barsSitOnTheirDates() throws {
    let chart = sampleGantt()
    let parsed = parse(try chart.render().document)
    // The chart runs from March 2025 to January 2027 inclusive: 23 months over 680 px.
    let start = day("2025-03-01")
    let span = day("2027-02-01").timeIntervalSince(start)
    func x(_ date: Date) -> Double { 300 + date.timeIntervalSince(start) / span * 680 }
    // Manufacturing, done: one solid bar from 2025-11-01 to the end of 2026-02-24.
    let solid = parsed.elements.filter {
      $0.name == "rect" && $0.attributes["fill"] == "#1e88e5" && $0.attributes["height"] == "10"
    }
    .filter { $0.attributes["fill-opacity"] == nil }
    #expect(solid.count == 2)  // manufacturing and the legend's sample
    let bar = try #require(solid.first)
    #expect(abs(Double(bar.attributes["x"]!)! - x(day("2025-11-01"))) <= 0.05)
    #expect(abs(Double(bar.attributes["width"]!)! - (x(day("2026-02-25")) - x(day("2025-11-01")))) <= 0.1)
    // Main lay, in progress since 2026-01-15: actual to the end of the as-of day, then forecast.
    let lay = parsed.elements.filter { $0.name == "rect" && $0.attributes["fill"] == Style.critical }
    let actual = try #require(
      lay.first { $0.attributes["fill-opacity"] == nil && $0.attributes["height"] == "10" })
    #expect(abs(Double(actual.attributes["x"]!)! - x(day("2026-01-15"))) <= 0.05)
    #expect(abs(Double(actual.attributes["width"]!)! - (x(day("2026-02-25")) - x(day("2026-01-15")))) <= 0.1)
    let today = parsed.elements.first { $0.name == "line" && $0.attributes["stroke"] == "#1565c0" }
    #expect(abs(Double(today?.attributes["x1"] ?? "")! - x(day("2026-02-25"))) <= 0.05)
  }

  @Test func aChartNeedsDates() {
    let chart = GanttChart(title: "x", rows: [], asOf: day("2026-01-01"), deadline: nil)
    #expect(throws: ReportError.self) { try chart.render() }
  }
}

@Suite struct ReportDocumentTests {
  func document(schedule: Bool = true) throws -> ReportDocument {
    let series = [sampleSeries(), sampleSeries(name: hostileName)]
    return ReportDocument(
      title: "Caspian link: \(hostileName)", facts: [SummaryItem("Data set", hostileName)],
      map: try MapFigure(layers: sampleLayers(), projectionName: "test").render(projection: TestProjection()),
      mapCaption: "Azimuthal equidistant",
      diagrams: try series.enumerated().map {
        DiagramPart(series: $1, svg: try StraightLineDiagram(series: $1, optionIndex: $0).render())
      },
      schedule: schedule
        ? SchedulePart(gantt: try sampleGantt().render(), progress: [SummaryItem("Margin", "16 days")]) : nil,
      figures: FiguresTable(
        options: ["A", hostileName], rows: [FiguresTable.Row("Route length (km)", ["372.4", "380.1"])]),
      assumptions: ["Slack 2% on the shelf", hostileName])
  }

  @Test func htmlIsWellFormedWithFourSectionsAndNoMarkupFromData() throws {
    let html = try document().html
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html"))
    let parsed = parse(html)
    // The only script element is the JSON data block (data, never run).
    #expect(parsed.count("script") == 1)
    #expect(
      parsed.elements.filter { $0.name == "script" }.map { $0.attributes["type"] } == ["application/json"])
    let sections = parsed.elements.filter { $0.name == "section" }.compactMap { $0.attributes["id"] }
    #expect(sections == ReportDocument.sectionIDs)
    #expect(parsed.count("svg") == 4)  // map, two diagrams, Gantt
    #expect(parsed.hasText("Caspian link: \(hostileName)"))
    #expect(parsed.texts.contains { $0.element == "th" && $0.text == hostileName })
    #expect(parsed.texts.contains { $0.element == "li" && $0.text == hostileName })
    #expect(parsed.texts.contains { $0.element == "td" && $0.text == "C1" })
    #expect(parsed.texts.contains { $0.element == "td" && $0.text == "80.000–95.000" })
    #expect(parsed.hasText("Margin"))
    // Self-contained: nothing fetched, no script, no event handler.
    let links = parsed.elements.flatMap { $0.attributes.values.filter { $0.contains("//") } }
    #expect(Set(links) == ["http://www.w3.org/2000/svg", "http://www.w3.org/1999/xhtml"])
    #expect(!parsed.elements.contains { $0.attributes.keys.contains { $0.hasPrefix("on") } })
  }

  @Test func withoutASchedulePartTheSectionSaysSo() throws {
    let parsed = parse(try document(schedule: false).html)
    #expect(parsed.hasText("No schedule was given."))
    #expect(parsed.count("svg") == 3)
  }

  @Test func styleSheetNeedsNoEscaping() {
    #expect(Markup.escaped(ReportDocument.css, inAttribute: false) == ReportDocument.css)
  }
}

@Suite struct CaspianProjectionMapTests {
  @Test func mapInTheCaspianEquidistantProjection() throws {
    let projection = try Projection.caspianEquidistant()
    let centre = try projection.forward([Coordinate(longitude: 50.5, latitude: 42)])[0]
    #expect(abs(centre.x) < 1e-6 && abs(centre.y) < 1e-6)
    let svg = try MapFigure(layers: sampleLayers(), projectionName: MapFigure.caspianProjectionName)
      .render(projection: projection)
    let parsed = parse(svg.document)
    #expect(parsed.hasText("Projection: azimuthal equidistant centred at 42°N 50.5°E"))
    // North is up on the central meridian: Aktau (43.6° N) is drawn above the southern landing.
    let labels = parsed.elements.filter {
      $0.name == "text" && $0.attributes["font-weight"] == "bold" && $0.attributes["font-size"] == "12"
    }
    let ys = labels.compactMap { $0.attributes["y"].flatMap(Double.init) }
    #expect(ys.count == 2 && ys[0] < ys[1])
  }
}
