import CaspianGeodata
import CaspianGeometry
import Foundation

/// A stretch of an option and the resolution it was planned at.
public struct PlannedStretch: Sendable, Hashable {
  public var startKpKm: Double
  public var endKpKm: Double
  /// Side of the cost-grid cells the stretch was planned on, metres.
  public var cellSizeM: Double
  /// The grid whose depths the stretch was planned on (the finest grid with data there; at a
  /// cell size coarser than that grid, its block means).
  public var grid: String
  /// Half-width of the corridor the stretch was re-planned in, km; nil for the coarse pass
  /// over the whole sea.
  public var corridorHalfWidthKm: Double?
  /// For a landing's straight approach (not searched): the bearing it was held on, degrees
  /// true; `cellSizeM` is then 0.
  public var approachBearingDegrees: Double? = nil
  /// Re-planned by the shore-approach pass (`CostModel.shoreApproachKm` from a landing).
  public var isShoreApproach = false
}

/// A piece of an option's route and how it was planned.
struct PlannedPiece {
  /// From the piece's first point to its last (the next piece starts where this one ends).
  var coordinates: [Coordinate]
  var cellSizeM: Double
  var corridorHalfWidthKm: Double? = nil
  /// A landing's straight approach, held on this bearing (degrees true), not searched.
  var approachBearingDegrees: Double? = nil
  /// Re-planned by the shore-approach pass.
  var isShoreApproach = false
}

extension RoutePlanner {
  /// A joint between two pieces is no alter-course point when it lies within this of the
  /// geodesic between its neighbours, metres (a re-plan that runs straight on).
  static let straightJointM = 0.5

  /// The route's vertices with every joint between two searched pieces dropped where the route
  /// runs straight through it (within `straightJointM`, the leg that replaces the two checked
  /// against the sea and the no-go zones): a re-planned stretch that found the coarse route's
  /// own leg leaves no alter-course point behind.
  func routeVertices(of pieces: [PlannedPiece]) throws -> [Coordinate] {
    var vertices = pieces.first?.coordinates ?? []
    for (previous, piece) in zip(pieces, pieces.dropFirst()) {
      if previous.approachBearingDegrees == nil, piece.approachBearingDegrees == nil, vertices.count >= 2,
        piece.coordinates.count >= 2
      {
        let before = vertices[vertices.count - 2]
        let after = piece.coordinates[1]
        let joint = vertices[vertices.count - 1]
        if Geodesic.wgs84.distanceMetres(from: joint, toSegment: before, after) <= Self.straightJointM,
          try checker.problem(leg: before, after) == nil
        {
          vertices.removeLast()
        }
      }
      vertices += piece.coordinates.dropFirst()
    }
    return vertices
  }
}

extension RoutePlanner {
  /// How many times a corridor is widened (doubled) when it is too narrow for a route.
  static let corridorWidenings = 2
  /// A stretch over finer data shorter than this many coarse cells is not re-planned.
  static let shortestRefinedStretchCells = 2.0
  /// Survey grids finer than this, metres, outrank the sea polygon in corridor re-plans
  /// (decisions: dry cells outrank it only where the grid is finer than about 1 km).
  static let surveyOutranksCoastlineBelowM = 1000.0
  /// Around each stop (the landing approaches) no survey cell closes the way, metres.
  static let landingApproachM = 2000.0

  /// The data set's grids, finest first, by file name (the layers of an in-memory mosaic are
  /// named after the first grid listed).
  var gridSources: [(name: String, grid: ElevationGrid)] {
    let named: [(String, ElevationGrid)] =
      data.grids.isEmpty
      ? data.grid.layers.map { (data.files.bathymetry.lastPathComponent, $0) }
      : data.grids.map { ($0.source.url.lastPathComponent, $0.grid) }
    return named.sorted { $0.1.cellSizeMetres < $1.1.cellSizeMetres }
  }

  /// The finest grid with a value at `c` (its index in `sources`), or nil.
  static func source(at c: Coordinate, in sources: [(name: String, grid: ElevationGrid)]) -> Int? {
    sources.firstIndex { $0.grid.elevation(at: c) != nil }
  }

  /// Re-plans an option's coarse route in corridors at the resolution of the data under it.
  ///
  /// The coarse route is cut at the via points; each section is walked in steps of half a
  /// coarse cell. With `model.refineCellSizeM` set, a whole section is re-planned at that cell
  /// size; otherwise every run of steps over a grid finer than the coarse cells is re-planned
  /// at that grid's resolution, between the points where the coarse route enters and leaves it.
  /// Each re-plan searches a corridor `model.refineHalfWidthKm` either side of the coarse
  /// stretch, in a frame turned along it (memory grows with the corridor, not the sea); where
  /// no route passes, or the route runs along the corridor's edge, the corridor is doubled and
  /// the search retried (`corridorWidenings` times). A stretch that still fails keeps its
  /// coarse route, with a note.
  ///
  /// The shore approaches come first: the first and last `model.shoreApproachKm` of the route
  /// (from the landings, or the seaward ends of their straight approaches) are re-planned at
  /// `model.shoreApproachCellSizeM`, or at the finest grid's (or `refineCellSizeM`) where that
  /// is finer, in a corridor `model.shoreApproachHalfWidthKm` either side.
  /// - Returns: the pieces, in order; notes on widenings and failures.
  /// - Parameter earlier: the routes of the earlier options, which an alternative-corridor
  ///   option keeps paying `corridorPenalty` near, as in the coarse pass.
  func refineInCorridors(
    _ coarse: [Coordinate], stops: [RoutePoint], kind: RouteOptionKind, option: Int, earlier: [[Coordinate]]
  ) throws -> (pieces: [PlannedPiece], notes: [String]) {
    let sources = gridSources
    let coarseCell = model.cellSizeM
    var pieces: [PlannedPiece] = []
    var notes: [String] = []
    func appendCoarse(_ line: [Coordinate]) {
      guard line.count >= 2 else { return }
      if let last = pieces.last, last.corridorHalfWidthKm == nil {
        pieces[pieces.count - 1].coordinates += line.dropFirst()
      } else {
        pieces.append(PlannedPiece(coordinates: line, cellSizeM: coarseCell, corridorHalfWidthKm: nil))
      }
    }
    // Sections between consecutive stops (the coarse route holds each stop's coordinate).
    var sectionStarts = [0]
    for stop in stops.dropFirst().dropLast() {
      if let i = coarse.indices.first(where: { $0 > sectionStarts.last! && coarse[$0] == stop.coordinate }) {
        sectionStarts.append(i)
      }
    }
    sectionStarts.append(coarse.count - 1)
    /// The finer cell size at distance `d` along a track: `refineCellSizeM`, else the finest
    /// grid's where it is finer than the coarse cells, else nil.
    func finerCell(_ track: SectionTrack, at d: Double) -> Double? {
      if model.refineCellSizeM > 0 { return model.refineCellSizeM }
      guard let i = Self.source(at: track.point(at: d), in: sources),
        sources[i].grid.cellSizeMetres < coarseCell
      else { return nil }
      return max(sources[i].grid.cellSizeMetres.rounded(), 1)
    }
    let shoreM = model.shoreApproachKm * 1000
    for (s0, s1) in zip(sectionStarts, sectionStarts.dropLast().dropFirst() + [coarse.count - 1]) {
      let section = Array(coarse[s0...s1])
      let track = SectionTrack(section)
      // The shore approaches at the route's two ends (each at most half the section).
      let lead = s0 == 0 ? min(shoreM, track.lengthM / 2) : 0
      let tail = s1 == coarse.count - 1 ? min(shoreM, track.lengthM / 2) : 0
      func shoreRun(from d0: Double, to d1: Double) -> Run {
        let samples = max(1, Int(((d1 - d0) / Self.shoreSampleM).rounded(.up)))
        let finest = (0...samples).compactMap {
          finerCell(track, at: d0 + (d1 - d0) * Double($0) / Double(samples))
        }
        return Run(
          from: d0, to: d1, cellSizeM: min(model.shoreApproachCellSizeM, finest.min() ?? .infinity),
          shore: true)
      }
      var runs: [Run] = []
      if lead > 0 { runs.append(shoreRun(from: 0, to: lead)) }
      // In between, (distance along, finer cell size or nil) every half coarse cell.
      let start = lead
      let end = track.lengthM - tail
      if end > start {
        let step = coarseCell / 2
        let count = max(1, Int(((end - start) / step).rounded(.up)))
        var middle: [Run] = []
        for k in 0...count {
          let d = min(start + Double(k) * step, end)
          let cell = finerCell(track, at: d)
          if let last = middle.last, last.cellSizeM == cell {
            middle[middle.count - 1].to = d
          } else {
            if !middle.isEmpty { middle[middle.count - 1].to = d }
            middle.append(Run(from: d, to: d, cellSizeM: cell, shore: false))
          }
        }
        runs += middle.filter { $0.to > $0.from }
      }
      if tail > 0 { runs.append(shoreRun(from: track.lengthM - tail, to: track.lengthM)) }
      for run in runs {
        let line = track.line(from: run.from, to: run.to)
        guard let cell = run.cellSizeM, line.count >= 2,
          run.shore || run.to - run.from >= Self.shortestRefinedStretchCells * coarseCell
            || model.refineCellSizeM > 0
        else {
          appendCoarse(line)
          continue
        }
        let ends = (
          run.from == 0 ? stops.first { $0.coordinate == line[0] } : nil,
          run.to == track.lengthM ? stops.first { $0.coordinate == line.last! } : nil
        )
        func joint(_ c: Coordinate) -> RoutePoint {
          RoutePoint(name: "option \(option)'s coarse route at \(c.longitude),\(c.latitude)", coordinate: c)
        }
        let a = ends.0 ?? joint(line[0])
        let b = ends.1 ?? joint(line.last!)
        if let piece = try replan(
          line, from: a, to: b, cellSizeM: cell,
          shoreApproachAt: run.shore ? (run.from == 0 ? a : b).name : nil,
          kind: kind, stops: stops, earlier: earlier, notes: &notes, option: option)
        {
          pieces.append(piece)
        } else {
          appendCoarse(line)
        }
      }
    }
    return (pieces, notes)
  }

  /// A run of a section to re-plan (or not, without a cell size), metres along it.
  private struct Run {
    var from: Double
    var to: Double
    var cellSizeM: Double?
    /// A shore approach: always re-planned, in the shore-approach corridor.
    var shore: Bool
  }

  /// How often a shore approach is looked at for the finest grid under it, metres.
  static let shoreSampleM = 100.0

  /// One stretch re-planned in a widening corridor; nil (with a note) when no corridor passes.
  /// - Parameter landing: for a shore approach, the landing's name (its corridor is the
  ///   shore-approach corridor).
  private func replan(
    _ line: [Coordinate], from a: RoutePoint, to b: RoutePoint, cellSizeM: Double,
    shoreApproachAt landing: String?, kind: RouteOptionKind, stops: [RoutePoint], earlier: [[Coordinate]],
    notes: inout [String], option: Int
  ) throws -> PlannedPiece? {
    let shore = landing != nil
    let what = landing.map { "the shore approach at \($0)" } ?? "a stretch"
    var halfWidthKm = shore ? model.shoreApproachHalfWidthKm : model.refineHalfWidthKm
    var model = self.model
    model.cellSizeM = cellSizeM
    let relief = fineRelief(cellSizeM: cellSizeM)
    func projected(_ c: Coordinate) throws -> PlanarPoint {
      let p = try projection.forward(c)
      return PlanarPoint(x: p.x, y: p.y)
    }
    let planar = try line.map(projected)
    let seaBytes = MemoryBudget.bytes(rows: raster.frame.rows, cols: raster.frame.cols)
    var failure = ""
    for attempt in 0...Self.corridorWidenings {
      if attempt > 0 { halfWidthKm *= 2 }
      let frame = Self.corridorFrame(along: planar, halfWidthM: halfWidthKm * 1000, cellSizeM: cellSizeM)
      guard memoryBudget.fits(rows: frame.rows, cols: frame.cols),
        seaBytes + MemoryBudget.bytes(rows: frame.rows, cols: frame.cols) <= memoryBudget.bytes
      else {
        failure =
          "its \(String(format: "%g", halfWidthKm)) km corridor at \(Int(cellSizeM)) m cells (\(frame.cols) × \(frame.rows)) does not fit the memory budget (\(memoryBudget.origin))"
        break
      }
      let survey = SeabedRaster.SurveyRule(
        layers: gridSources.filter { $0.grid.cellSizeMetres < Self.surveyOutranksCoastlineBelowM },
        waterSurfaceM: data.waterSurfaceM, minimumDepthM: model.surveyMinimumDepthM,
        clear: try stops.map { frame.gridPoint(try projected($0.coordinate)) },
        clearRadiusCells: Self.landingApproachM / cellSizeM)
      let corridor = try SeabedRaster(
        sea: data.sea.polygons, shapes: shapes, relief: relief, model: model, projection: projection,
        frame: frame, corridor: planar.map { frame.gridPoint($0) },
        radiusCells: halfWidthKm * 1000 / cellSizeM,
        survey: survey.layers.isEmpty ? nil : survey)
      let surface = try SearchSurface(
        raster: corridor, model: model, checker: checker, projection: projection)
      let grids = try surface.grids(for: kind) {
        let routes = try earlier.map { try $0.map { try surface.gridPoint($0) } }
        return corridorPenalty(
          around: routes, stops: stops, penalty: Float32(model.corridorPenalty), on: surface)
      }
      let route: (gridPoints: [GridPoint], coordinates: [Coordinate])
      do {
        route = try surface.planRoute(through: [a, b], search: grids.search, evaluation: grids.evaluation) {
          _, _ in
          "the corridor closes the way"
        }
      } catch RoutingError.noRoute(_, _, let reason) {
        failure = reason
        continue
      }
      var pressed = false
      Rasterizer.touched(by: route.gridPoints, margin: 1, rows: frame.rows, cols: frame.cols) { cell in
        if corridor.state(of: cell) == .outside { pressed = true }
      }
      if pressed && attempt < Self.corridorWidenings { continue }
      for o in corridor.overruled {
        let e = o.extent
        notes.append(
          String(
            format:
              "option %d: survey grid %@ shows the seabed %@ inside the sea polygon at %d cells of %g m (%.2f km², lon %.4f–%.4f, lat %.4f–%.4f): planned as land",
            option, o.grid,
            model.surveyMinimumDepthM > 0
              ? String(format: "shallower than %g m", model.surveyMinimumDepthM) : "dry",
            o.cells, o.cellSizeM, o.areaKm2, e.minLongitude, e.maxLongitude, e.minLatitude, e.maxLatitude))
      }
      if attempt > 0 || pressed {
        notes.append(
          "option \(option): \(shore ? "a shore-approach corridor" : "a corridor") was widened to \(String(format: "%g", halfWidthKm)) km either side"
            + (pressed ? " and the route still runs along its edge" : ""))
      }
      return PlannedPiece(
        coordinates: route.coordinates, cellSizeM: cellSizeM, corridorHalfWidthKm: halfWidthKm,
        isShoreApproach: shore)
    }
    notes.append(
      "option \(option): \(what) was not re-planned at \(String(format: "%g", cellSizeM)) m (\(failure)); it keeps its \(Int(self.model.cellSizeM)) m route"
    )
    return nil
  }

  /// A frame turned along a line (planar points), covering every point within `halfWidthM` of it.
  static func corridorFrame(along line: [PlanarPoint], halfWidthM: Double, cellSizeM: Double) -> RasterFrame {
    let first = line[0]
    let last = line[line.count - 1]
    let angle = atan2(last.y - first.y, last.x - first.x)
    let turned = RasterFrame(origin: first, cellSizeMetres: cellSizeM, rows: 1, cols: 1, angleRadians: angle)
    let points = line.map { turned.gridPoint($0) }
    let margin = halfWidthM / cellSizeM + Double(SeabedRaster.marginCells)
    let minRow = points.map(\.row).min()! - margin
    let maxRow = points.map(\.row).max()! + margin
    let minCol = points.map(\.col).min()! - margin
    let maxCol = points.map(\.col).max()! + margin
    let origin = turned.planarPoint(GridPoint(row: minRow.rounded(.down), col: minCol.rounded(.down)))
    return RasterFrame(
      origin: origin, cellSizeMetres: cellSizeM, rows: Int((maxRow - minRow).rounded(.up)) + 2,
      cols: Int((maxCol - minCol).rounded(.up)) + 2, angleRadians: angle)
  }

  /// Every stretch of a route with the cell size it was planned at and the grid under it: each
  /// piece cut where the finest grid with data changes (looked up every half cell). KPs are the
  /// pieces' own geodesic lengths, the last stretch ending at `routeLengthKm` (joints the route
  /// runs straight through are not among its vertices).
  func stretches(of pieces: [PlannedPiece], routeLengthKm: Double) -> [PlannedStretch] {
    let sources = gridSources
    var result: [PlannedStretch] = []
    var kp = 0.0
    for piece in pieces {
      let legKm = zip(piece.coordinates, piece.coordinates.dropFirst()).map {
        Geodesic.wgs84.distanceMetres($0, $1) / 1000
      }
      defer { kp += legKm.reduce(0, +) }
      if let bearing = piece.approachBearingDegrees {
        result.append(
          PlannedStretch(
            startKpKm: kp, endKpKm: kp + legKm.reduce(0, +), cellSizeM: 0, grid: "straight approach",
            corridorHalfWidthKm: nil, approachBearingDegrees: bearing))
        continue
      }
      let spacing = min(piece.cellSizeM, model.cellSizeM) / 2
      var kp1 = kp
      for (k, (p, q)) in zip(piece.coordinates, piece.coordinates.dropFirst()).enumerated() {
        let kp0 = kp1
        kp1 += legKm[k]
        let n = max(1, Int(((kp1 - kp0) * 1000 / spacing).rounded(.up)))
        for j in 0..<n {
          let t = (Double(j) + 0.5) / Double(n)
          let c = Coordinate(
            longitude: p.longitude + t * (q.longitude - p.longitude),
            latitude: p.latitude + t * (q.latitude - p.latitude))
          let name = Self.source(at: c, in: sources).map { sources[$0].name } ?? "no grid"
          let from = kp0 + Double(j) / Double(n) * (kp1 - kp0)
          let to = kp0 + Double(j + 1) / Double(n) * (kp1 - kp0)
          if var last = result.last, last.grid == name, last.cellSizeM == piece.cellSizeM,
            last.corridorHalfWidthKm == piece.corridorHalfWidthKm,
            last.isShoreApproach == piece.isShoreApproach
          {
            last.endKpKm = to
            result[result.count - 1] = last
          } else {
            result.append(
              PlannedStretch(
                startKpKm: from, endKpKm: to, cellSizeM: piece.cellSizeM, grid: name,
                corridorHalfWidthKm: piece.corridorHalfWidthKm, isShoreApproach: piece.isShoreApproach))
          }
        }
      }
    }
    if !result.isEmpty { result[result.count - 1].endKpKm = routeLengthKm }
    return result
  }
}

/// A section of a route as a line with distances along it (legs and lengths on the
/// ellipsoid), for walking it in steps.
private struct SectionTrack {
  let vertices: [Coordinate]
  /// Distance from the first vertex to each vertex, metres.
  let distances: [Double]

  init(_ vertices: [Coordinate]) {
    self.vertices = vertices
    var distances = [0.0]
    for (a, b) in zip(vertices, vertices.dropFirst()) {
      distances.append(distances.last! + Geodesic.wgs84.distanceMetres(a, b))
    }
    self.distances = distances
  }

  var lengthM: Double { distances.last! }

  private func position(at d: Double) -> (leg: Int, t: Double) {
    let leg = max(0, min((distances.lastIndex { $0 <= d } ?? 0), vertices.count - 2))
    let span = distances[leg + 1] - distances[leg]
    return (leg, span > 0 ? min(1, max(0, (d - distances[leg]) / span)) : 0)
  }

  /// The point at distance `d` along the track, on the geodesic of its leg.
  func point(at d: Double) -> Coordinate {
    let (leg, t) = position(at: d)
    if t == 0 { return vertices[leg] }
    if t == 1 { return vertices[leg + 1] }
    let a = vertices[leg]
    let inverse = Geodesic.wgs84.inverse(a, vertices[leg + 1])
    return Geodesic.wgs84.direct(
      from: a, azimuthDegrees: inverse.azimuth1Degrees, distanceMetres: t * inverse.distanceMetres)
  }

  /// The line from distance `d0` to `d1`: the points there and the vertices between.
  func line(from d0: Double, to d1: Double) -> [Coordinate] {
    let start = point(at: d0)
    let end = point(at: d1)
    let inner = vertices.indices.filter { distances[$0] > d0 && distances[$0] < d1 }.map { vertices[$0] }
    var line = [start] + inner + [end]
    if line.count >= 2, line[line.count - 2] == end { line.removeLast() }
    if line.count >= 2, line[0] == line[1] { line.removeFirst() }
    return line
  }
}
