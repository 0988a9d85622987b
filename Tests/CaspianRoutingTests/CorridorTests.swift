import CaspianGeodata
import CaspianGeometry
import Foundation
import Testing

@testable import CaspianRouting

/// The data set shipped in Geodata/ at the package root.
private let bundled = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent().appendingPathComponent("Geodata", isDirectory: true)
private let bundledGrid = bundled.appendingPathComponent("caspian-etopo1-0.1deg.asc")

/// Metres east and north of `origin` (local flat approximation, for test geometry only).
private func local(_ c: Coordinate, from origin: Coordinate) -> (x: Double, y: Double) {
  (
    (c.longitude - origin.longitude) * 111_320 * cos(origin.latitude * Double.pi / 180),
    (c.latitude - origin.latitude) * 111_320
  )
}

/// Whether segments p1–p2 and q1–q2 (local metres) cross.
private func crosses(
  _ p1: (x: Double, y: Double), _ p2: (x: Double, y: Double), _ q1: (x: Double, y: Double),
  _ q2: (x: Double, y: Double)
) -> Bool {
  func side(_ a: (x: Double, y: Double), _ b: (x: Double, y: Double), _ c: (x: Double, y: Double)) -> Double {
    (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)
  }
  return side(p1, p2, q1) * side(p1, p2, q2) < 0 && side(q1, q2, p1) * side(q1, q2, p2) < 0
}

@Suite("Coarse-to-fine planning in corridors")
struct CorridorTests {
  @Test("A turned frame maps planar points to grid points and back; a corridor frame covers its line")
  func turnedFrame() {
    let frame = RasterFrame(
      origin: PlanarPoint(x: 1000, y: -500), cellSizeMetres: 50, rows: 10, cols: 10, angleRadians: 0.7)
    let p = PlanarPoint(x: 1234.5, y: -987.25)
    let back = frame.planarPoint(frame.gridPoint(p))
    #expect(abs(back.x - p.x) < 1e-9 && abs(back.y - p.y) < 1e-9)
    // One cell along the columns is 50 m in the frame's direction.
    let step = frame.planarPoint(GridPoint(row: 0, col: 1))
    #expect(abs(step.x - (1000 + 50 * cos(0.7))) < 1e-9 && abs(step.y - (-500 + 50 * sin(0.7))) < 1e-9)
    let line = [PlanarPoint(x: 0, y: 0), PlanarPoint(x: 30_000, y: 8_000), PlanarPoint(x: 60_000, y: 40_000)]
    let corridor = RoutePlanner.corridorFrame(along: line, halfWidthM: 10_000, cellSizeM: 100)
    for point in line {
      let g = corridor.gridPoint(point)
      #expect(g.row >= 100 && g.row <= Double(corridor.rows) - 100, "\(g)")
      #expect(g.col >= 100 && g.col <= Double(corridor.cols) - 100, "\(g)")
    }
    // Turned along the line: far fewer cells than the axis-aligned box of the same corridor.
    let box = (60_000.0 + 20_000) * (40_000 + 20_000) / (100 * 100)
    #expect(Double(corridor.cellCount) < 0.8 * box)
  }

  @Test("Block means: each coarse cell is the mean of its fine cells, no data under half valid")
  func blockMeans() {
    let values: [Float] = [1, 3, 5, 7, .nan, .nan, 2, 4, .nan, 9, 6, 8]
    let grid = ElevationGrid(
      columnCount: 4, rowCount: 3, westLongitude: 50, northLatitude: 0.003, cellWidthDegrees: 0.001,
      cellHeightDegrees: 0.001, elevations: values)
    // 0.001° ≈ 111 m: 250 m blocks are 2 × 2 cells; the third row is a partial block, dropped.
    let means = grid.blockMeans(toCellSizeM: 250)
    #expect(means.columnCount == 2 && means.rowCount == 1)
    #expect(means.elevations[0] == 2)  // 1, 3 (two NaN: half valid)
    #expect(means.elevations[1] == 4.5)  // 5, 7, 2, 4
    #expect(abs(means.cellWidthDegrees - 0.002) < 1e-15)
    let few = ElevationGrid(
      columnCount: 2, rowCount: 2, westLongitude: 50, northLatitude: 0.002, cellWidthDegrees: 0.001,
      cellHeightDegrees: 0.001, elevations: [1, .nan, .nan, .nan])
    #expect(few.blockMeans(toCellSizeM: 250).elevations[0].isNaN)
    #expect(grid.blockMeans(toCellSizeM: 50).elevations.count == 12)
  }

  /// Where the coarse route of `model` crosses the middle of the sea, and its direction there.
  private func middleOfCoarseRoute(model: CostModel) throws -> (
    centre: Coordinate, along: (x: Double, y: Double), baseDepthM: Double
  ) {
    let plain = try GeodataSet.load(GeodataSources(directory: bundled))
    let probe = try RoutePlanner(data: plain, model: model)
    let first = try probe.plan(
      from: try probe.landing(named: "Aktau"), to: try probe.landing(named: "Sumgait"), optionCount: 1
    ).options[0]
    let middle = first.measures.routeLengthKm / 2
    let kps = first.measures.vertexKpKm
    let leg = try #require(kps.indices.dropLast().first { kps[$0] <= middle && kps[$0 + 1] >= middle })
    let a = first.vertices[leg]
    let b = first.vertices[leg + 1]
    let t = (middle - kps[leg]) / (kps[leg + 1] - kps[leg])
    let centre = Coordinate(
      longitude: a.longitude + t * (b.longitude - a.longitude),
      latitude: a.latitude + t * (b.latitude - a.latitude))
    let direction = local(b, from: a)
    let norm = (direction.x * direction.x + direction.y * direction.y).squareRoot()
    return (centre, (direction.x / norm, direction.y / norm), try #require(plain.depthMetres(at: centre)))
  }

  /// A patch of the bundled seabed, `cols` × `rows` cells of `cell` degrees (by default 0.001°,
  /// ≈ 80 × 111 m, 500 × 400 cells) centred on `centre`, with elevations
  /// `elevation(s, across, base)` (`s` and `across` in metres along and across the direction
  /// `along` from the centre, `base` the bundled elevation there; nil where the grid has no
  /// value), written as an ESRI ASCII grid `name`; the data set with it mosaicked over the
  /// bundled grid.
  private func patched(
    centre: Coordinate, along: (x: Double, y: Double), folder: URL, cell: Double = 0.001, cols: Int = 500,
    rows: Int = 400, name: String = "ridge-survey.asc", elevation: (Double, Double, Double) -> Double
  ) throws -> GeodataSet {
    let plain = try GeodataSet.load(GeodataSources(directory: bundled))
    let west = centre.longitude - Double(cols) * cell / 2
    let south = centre.latitude - Double(rows) * cell / 2
    var text = "ncols \(cols)\nnrows \(rows)\nxllcorner \(west)\nyllcorner \(south)\ncellsize \(cell)\n"
    text += "NODATA_value -99999\n"
    for row in 0..<rows {
      var line: [String] = []
      for col in 0..<cols {
        let c = Coordinate(
          longitude: west + (Double(col) + 0.5) * cell, latitude: south + (Double(rows - row) - 0.5) * cell)
        let base = try #require(plain.grid.elevation(at: c))
        let p = local(c, from: centre)
        let s = p.x * along.x + p.y * along.y
        let across = -p.x * along.y + p.y * along.x
        line.append(String(format: "%.2f", elevation(s, across, base)))
      }
      text += line.joined(separator: " ") + "\n"
    }
    let patch = folder.appendingPathComponent(name)
    try text.write(to: patch, atomically: true, encoding: .utf8)
    return try GeodataSet.load(
      GeodataSources(directory: bundled, bathymetry: [GridSource(url: bundledGrid), GridSource(url: patch)]))
  }

  /// Whether a route crosses the line `2 × halfLengthM` long across `along` through `centre`.
  private func crossesCrest(
    _ vertices: [Coordinate], centre: Coordinate, along: (x: Double, y: Double), halfLengthM: Double = 6000
  ) -> Bool {
    let h = halfLengthM
    let ends = ((x: -h * -along.y, y: -h * along.x), (x: h * -along.y, y: h * along.x))
    return zip(vertices, vertices.dropFirst()).contains {
      crosses(local($0.0, from: centre), local($0.1, from: centre), ends.0, ends.1)
    }
  }

  private func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "corridor-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  @Test(
    "A 2 km-wide steep ridge present only in a fine patch is avoided by the refined route, crossed by the coarse-only one"
  )
  func fineRidge() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    var model = CostModel()
    model.cellSizeM = 5000
    let (centre, along, baseDepth) = try middleOfCoarseRoute(model: model)
    #expect(baseDepth > 500)
    // A ridge across the route: 400 m high, 2 km wide at its foot (slopes of 22°), 12 km long
    // at full height, tapered over 1 km at each end; its top stays 100 m or more under water.
    let data = try patched(centre: centre, along: along, folder: folder) { s, across, base in
      base + 400 * max(0, 1 - abs(s) / 1000) * min(1, max(0, (7000 - abs(across)) / 1000))
    }

    let planner = try RoutePlanner(data: data, model: model)
    let from = try planner.landing(named: "Aktau")
    let to = try planner.landing(named: "Sumgait")
    let coarse = try planner.plan(from: from, to: to, optionCount: 1, refine: false).options[0]
    let refinedPlan = try planner.plan(from: from, to: to, optionCount: 1)
    let refined = refinedPlan.options[0]
    #expect(
      crossesCrest(coarse.vertices, centre: centre, along: along), "the coarse pass does not see the ridge")
    #expect(!crossesCrest(refined.vertices, centre: centre, along: along), "the refined route avoids it")
    #expect((coarse.measures.maxSlopeDeg ?? 0) > 15)
    #expect((refined.measures.maxSlopeDeg ?? 99) < (coarse.measures.maxSlopeDeg ?? 0) / 2)
    try expectRespectsConstraints(refined.vertices, data: data)
    // Nothing dry: no survey cell overrules the sea polygon.
    #expect(!refinedPlan.notes.contains { $0.contains("planned as land") }, "\(refinedPlan.notes)")

    // Stretches: the whole route, in order; the patch at its own resolution in a 10 km corridor,
    // the rest at the coarse cell size on the bundled grid.
    let stretches = refined.stretches
    #expect(stretches.first?.startKpKm == 0)
    #expect(abs((stretches.last?.endKpKm ?? 0) - refined.measures.routeLengthKm) < 1e-6)
    for (p, q) in zip(stretches, stretches.dropFirst()) { #expect(abs(p.endKpKm - q.startKpKm) < 1e-9) }
    // (The coarse route may run up to half a coarse cell over the patch before the re-plan.)
    let fine = try #require(
      stretches.first { $0.grid == "ridge-survey.asc" && $0.corridorHalfWidthKm != nil })
    #expect(abs(fine.cellSizeM - 111) <= 1)
    #expect(fine.corridorHalfWidthKm == 10)
    #expect(fine.endKpKm - fine.startKpKm > 30)
    #expect(stretches.contains { $0.grid == "caspian-etopo1-0.1deg.asc" && $0.cellSizeM == 5000 })
    #expect(coarse.stretches.allSatisfy { $0.cellSizeM == 5000 && $0.corridorHalfWidthKm == nil })
  }

  @Test("A dry shoal in a survey patch outranks the sea polygon: planned as land, reported with its extent")
  func dryShoal() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    // No soft costs for depth or slope: only the dry rule can steer the route.
    var model = CostModel()
    model.cellSizeM = 5000
    model.shallowWaterPenalty = 0
    model.steepSlopePenaltyPerDeg = 0
    let (centre, along, _) = try middleOfCoarseRoute(model: model)
    // A flat shoal 2 km × 12 km across the route, its top 5 m above the water surface.
    let data = try patched(centre: centre, along: along, folder: folder) { s, across, base in
      abs(s) <= 1000 && abs(across) <= 6000 ? GeodataSet.defaultWaterSurfaceM + 5 : base
    }
    let planner = try RoutePlanner(data: data, model: model)
    let from = try planner.landing(named: "Aktau")
    let to = try planner.landing(named: "Sumgait")
    let coarse = try planner.plan(from: from, to: to, optionCount: 1, refine: false).options[0]
    let refinedPlan = try planner.plan(from: from, to: to, optionCount: 1)
    #expect(crossesCrest(coarse.vertices, centre: centre, along: along))
    // Around its end (the route may graze the corner cells' edges, not their centres).
    #expect(!crossesCrest(refinedPlan.options[0].vertices, centre: centre, along: along, halfLengthM: 5800))
    let note = try #require(
      refinedPlan.notes.first { $0.contains("planned as land") }, "\(refinedPlan.notes)")
    #expect(note.contains("survey grid ridge-survey.asc shows the seabed dry inside the sea polygon"))
    // About 2 km × 12 km at 111 m cells (within what the corridor covers).
    let cells = try #require(Int(note.split(separator: " at ")[1].split(separator: " ")[0]))
    #expect(cells > 500 && cells < 2500, "\(note)")
  }

  @Test(
    "A dry shoal 3 km off Aktau, only in a 1.6 km survey patch, is avoided by the shore-approach pass at the patch's resolution"
  )
  func shoreApproachShoal() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let plain = try GeodataSet.load(GeodataSources(directory: bundled))
    var model = CostModel()
    model.shoreApproachKm = 0
    let probe = try RoutePlanner(data: plain, model: model)
    let first = try probe.plan(
      from: try probe.landing(named: "Aktau"), to: try probe.landing(named: "Sumgait"), optionCount: 1
    ).options[0]
    // 3 km along the first leg (which is longer than 5 km).
    #expect(first.measures.vertexKpKm[1] > 5)
    let leg = Geodesic.wgs84.inverse(first.vertices[0], first.vertices[1])
    let centre = Geodesic.wgs84.direct(
      from: first.vertices[0], azimuthDegrees: leg.azimuth1Degrees, distanceMetres: 3000)
    let along = (
      x: sin(leg.azimuth1Degrees * Double.pi / 180), y: cos(leg.azimuth1Degrees * Double.pi / 180)
    )
    // A 0.0001° patch (≈ 8 × 11 m cells), 200 × 150 cells (≈ 1.6 × 1.7 km): too short a run for
    // a corridor re-plan at 1000 m coarse cells. At least 10 m of water everywhere, but a
    // disc of 150 m radius on the route 5 m above the water surface.
    let surface = GeodataSet.defaultWaterSurfaceM
    let data = try patched(
      centre: centre, along: along, folder: folder, cell: 0.0001, cols: 200, rows: 150,
      name: "shoal-survey.asc"
    ) { s, across, base in
      (s * s + across * across).squareRoot() <= 150 ? surface + 5 : min(base, surface - 10)
    }
    /// Whether a route comes within `metres` of the shoal's centre.
    func passesOver(_ vertices: [Coordinate], within metres: Double) -> Bool {
      zip(vertices, vertices.dropFirst()).contains {
        Geodesic.wgs84.distanceMetres(from: centre, toSegment: $0.0, $0.1) <= metres
      }
    }
    let without = try RoutePlanner(data: data, model: model)
    let from = try without.landing(named: "Aktau")
    let to = try without.landing(named: "Sumgait")
    let straightOn = try without.plan(from: from, to: to, optionCount: 1).options[0]
    #expect(
      passesOver(straightOn.vertices, within: 1), "without the shore pass the route runs over the shoal")

    let planner = try RoutePlanner(data: data, model: CostModel())
    let plan = try planner.plan(from: from, to: to, optionCount: 1)
    let option = plan.options[0]
    #expect(!passesOver(option.vertices, within: 150), "the shore approach goes round it")
    try expectRespectsConstraints(option.vertices, data: data)
    let note = try #require(plan.notes.first { $0.contains("planned as land") }, "\(plan.notes)")
    #expect(note.contains("survey grid shoal-survey.asc shows the seabed dry"), "\(note)")
    // The first 5 km: the shore approach at the patch's 11 m cells in a ±2 km corridor (the
    // patch's own stretch named after it), then the coarse pass; the same at Sumgait at 25 m.
    let stretches = option.stretches
    let shore = stretches.filter(\.isShoreApproach)
    #expect(shore.first?.startKpKm == 0)
    #expect(shore.contains { $0.grid == "shoal-survey.asc" })
    #expect(
      shore.filter { $0.startKpKm < 10 }.allSatisfy {
        abs($0.cellSizeM - 11) <= 1 && $0.corridorHalfWidthKm == 2
      })
    let lastShore = try #require(shore.last)
    #expect(lastShore.cellSizeM == 25 && lastShore.grid == "caspian-etopo1-0.1deg.asc")
    #expect(abs(lastShore.endKpKm - option.measures.routeLengthKm) < 1e-9)
    #expect(abs(option.measures.routeLengthKm - lastShore.startKpKm - 5) < 0.01)
    #expect(
      stretches.contains { !$0.isShoreApproach && $0.cellSizeM == 1000 && $0.corridorHalfWidthKm == nil })
    for (p, q) in zip(stretches, stretches.dropFirst()) { #expect(abs(p.endKpKm - q.startKpKm) < 1e-9) }
  }

  @Test(
    "On the bundled data the shore-approach pass at 25 m keeps the coarse plan's routes where they run straight"
  )
  func shoreApproachOnBundledData() throws {
    let data = try GeodataSet.load(GeodataSources(directory: bundled))
    var off = CostModel()
    off.shoreApproachKm = 0
    let withPass = try RoutePlanner(data: data, model: CostModel())
    let withoutPass = try RoutePlanner(data: data, model: off)
    let from = try withPass.landing(named: "Aktau")
    let to = try withPass.landing(named: "Sumgait")
    let a = try withPass.plan(from: from, to: to)
    let b = try withoutPass.plan(from: from, to: to)
    #expect(a.options.count == b.options.count)
    for (p, q) in zip(a.options, b.options) {
      #expect(abs(p.measures.routeLengthKm - q.measures.routeLengthKm) / q.measures.routeLengthKm < 0.005)
      let shore = p.stretches.filter(\.isShoreApproach)
      #expect(shore.count == 2 && shore.allSatisfy { $0.cellSizeM == 25 && $0.corridorHalfWidthKm == 2 })
      #expect(q.stretches.allSatisfy { !$0.isShoreApproach && $0.corridorHalfWidthKm == nil })
      try expectRespectsConstraints(p.vertices, data: data)
    }
  }

  @Test(
    "On the bundled data, corridors at 1000 m after a 2000 m pass give the 1000 m plan's lengths within 0.5 %"
  )
  func refinedMatchesSingleResolution() throws {
    let data = try GeodataSet.load(GeodataSources(directory: bundled))
    var coarse = CostModel()
    coarse.cellSizeM = 2000
    coarse.refineCellSizeM = 1000
    let refinedPlanner = try RoutePlanner(data: data, model: coarse)
    let singlePlanner = try RoutePlanner(data: data, model: CostModel())
    let refined = try refinedPlanner.plan(
      from: try refinedPlanner.landing(named: "Aktau"), to: try refinedPlanner.landing(named: "Sumgait"))
    let single = try singlePlanner.plan(
      from: try singlePlanner.landing(named: "Aktau"), to: try singlePlanner.landing(named: "Sumgait"))
    #expect(refined.options.map(\.kind) == single.options.map(\.kind))
    for (r, s) in zip(refined.options, single.options) {
      let ratio = r.measures.routeLengthKm / s.measures.routeLengthKm
      #expect(
        abs(ratio - 1) < 0.005,
        "option \(r.id): \(r.measures.routeLengthKm) vs \(s.measures.routeLengthKm) km")
      #expect(
        r.stretches.allSatisfy {
          $0.corridorHalfWidthKm != nil && $0.cellSizeM == ($0.isShoreApproach ? 25 : 1000)
        })
      try expectRespectsConstraints(r.vertices, data: data)
    }
    // The bundled grid alone is coarser than 1000 m: the default plan re-plans only the shore
    // approaches.
    #expect(
      single.options.allSatisfy {
        $0.stretches.allSatisfy { $0.isShoreApproach || $0.corridorHalfWidthKm == nil }
      })
  }
}
