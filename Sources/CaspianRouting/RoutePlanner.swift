import CaspianAnalysis
import CaspianGeodata
import CaspianGeometry
import CaspianSupport
import Foundation

/// Plans cable route options between two points of a data set.
///
/// The sea, the hazards and the relief are laid on a cost grid in the Caspian equidistant
/// projection (`Projection.caspianEquidistant()`: azimuthal equidistant centred on 50.5° E,
/// 42° N, metres); a least-cost search over 16-connected cells finds each option; the raster
/// path is straightened into legs between alter-course points by line of sight, each leg
/// checked against the vector geometry of the sea and the no-go zones; the result is measured
/// on the WGS84 ellipsoid.
///
/// Owns a GEOS context: not `Sendable`, use one planner per task.
public final class RoutePlanner {
  public let data: GeodataSet
  public let model: CostModel
  /// The whole sea's cost surface at `model.cellSizeM` (the coarse pass).
  let sea: SearchSurface
  /// The sea's raster.
  public var raster: SeabedRaster { sea.raster }
  /// The along-route analysis the options are measured with (the same one engineering uses).
  public let analyzer: RouteAnalyzer
  let relief: SeabedRelief
  let shapes: [HazardShape]
  let checker: ConstraintChecker
  let projection: Projection
  let memoryBudget: MemoryBudget
  /// The relief of corridor passes by how they aggregate the grid's finer layers (the block
  /// factors of each layer): passes at cell sizes that read every layer alike share one.
  private var reliefs: [[Int]: SeabedRelief] = [:]

  /// Radius, in cells, within which a point is joined to every open cell that a checked
  /// straight leg reaches (all of them, not the nearest few: near a coast the nearest open
  /// cells may lie in a pocket cut off at this cell size).
  static let connectionRadiusCells = 8.0

  /// Prepares the cost surface of a data set.
  /// - Parameters:
  ///   - analyzer: measures the options; by default the data set's with the default engineering.
  ///   - memoryBudget: what the cost grid may take; the cell size is bounded by it.
  /// - Throws: `RoutingError.badConfig` for an unusable model, `RoutingError.overMemoryBudget`
  ///   (before allocating) for a cell size whose grid does not fit, GEOS/PROJ errors.
  public init(
    data: GeodataSet, model: CostModel = CostModel(), analyzer: RouteAnalyzer? = nil,
    memoryBudget: MemoryBudget = .default
  ) throws {
    if let problem = model.problem() { throw RoutingError.badConfig(path: "cost model", problem: problem) }
    self.data = data
    self.model = model
    self.analyzer = try analyzer ?? RouteAnalyzer(data: data, engineering: .defaults, model: model)
    let engine = try GeometryEngine()
    projection = try Projection.caspianEquidistant()
    self.memoryBudget = memoryBudget
    relief = SeabedRelief(grid: data.grid, waterSurfaceM: data.waterSurfaceM, cellSizeM: model.cellSizeM)
    shapes = try HazardShape.shapes(of: data.hazards, model: model, engine: engine)
    checker = try ConstraintChecker(engine: engine, sea: data.sea.geometry, shapes: shapes)
    let raster = try SeabedRaster(
      sea: data.sea.polygons, shapes: shapes, relief: relief, model: model, projection: projection,
      budget: memoryBudget)
    sea = try SearchSurface(raster: raster, model: model, checker: checker, projection: projection)
  }

  // MARK: - Points

  /// The landing with this name (ignoring case).
  /// - Throws: `RoutingError.unknownLanding` listing the known names and close matches.
  public func landing(named name: String) throws -> RoutePoint {
    if let landing = data.landings.first(where: { $0.name.lowercased() == name.lowercased() }) {
      var point = try point(landing.coordinate, name: landing.name, label: "landing \"\(landing.name)\"")
      point.approachBearingDegrees = landing.approachBearingDegrees
      return point
    }
    let known = data.landings.map(\.name)
    throw RoutingError.unknownLanding(
      path: data.files.landings.relativePath, name: name, suggestions: CloseMatches.of(name, in: known),
      known: known)
  }

  /// A user's point, checked: in the sea, inside the bathymetry grid, outside every no-go zone.
  /// - Parameters:
  ///   - name: the name the route output uses for it.
  ///   - label: how an error names it, e.g. `--from-point`.
  public func point(_ c: Coordinate, name: String, label: String) throws -> RoutePoint {
    guard c.isInRange else {
      throw RoutingError.pointOutsideGrid(label: label, point: c, path: data.files.bathymetry.relativePath)
    }
    guard try checker.isInSea(c) else {
      let km = try checker.engine.distanceMetres(.point(c), data.sea.geometry) / 1000
      throw RoutingError.pointOnLand(
        label: label, point: c, seaPath: data.files.seaPolygon.relativePath, distanceToWaterKm: km)
    }
    guard data.grid.coverage.contains(c) else {
      throw RoutingError.pointOutsideGrid(label: label, point: c, path: data.files.bathymetry.relativePath)
    }
    if let zone = try checker.noGoZone(containing: c) {
      let path = data.files.hazards?.relativePath ?? "hazards"
      let kind = zone.hazard.kind == .platform ? "platform safety zone" : zone.hazard.kind.rawValue
      throw RoutingError.pointInNoGo(
        label: label, point: c, hazardsPath: path, hazard: zone.hazard.name, kind: kind)
    }
    return RoutePoint(name: name, coordinate: c)
  }

  // MARK: - Planning

  /// Plans `optionCount` options from `from` to `to` through the waypoints `via`, in order.
  ///
  /// Option 1 is the least-cost route; option 2 the shortest route that respects every hard
  /// constraint (soft costs ignored); options 3 and on are least-cost routes steered out of a
  /// corridor `model.corridorHalfWidthKm` wide on each side of every earlier option. Each is
  /// found over the whole sea at `model.cellSizeM`, then, with `refine`, re-planned in a
  /// corridor at the resolution of finer data under it (`refineInCorridors`); each
  /// option states which resolution each stretch was planned at.
  /// - Throws: `RoutingError.noRoute` naming the constraint that closes the way,
  ///   `RoutingError.constraintViolated` if a route failed the final vector check.
  /// - Parameter progress: called before each search, with the option number and kind.
  public func plan(
    from: RoutePoint, to: RoutePoint, via: [RoutePoint] = [], optionCount: Int = 3, refine: Bool = true,
    progress: (_ step: (option: Int, kind: RouteOptionKind)) -> Void = { _ in }
  ) throws -> PlannedRoute {
    for (a, b) in zip([from] + via, via + [to]) where a.coordinate == b.coordinate {
      throw RoutingError.noRoute(from: a.name, to: b.name, reason: "they are the same point")
    }
    // A landing with an approach bearing is left (and reached) straight on it; the search runs
    // between the approaches' seaward ends.
    let departure = try straightApproach(from)
    let arrival = try straightApproach(to)
    let stops = [departure?.end ?? from] + via + [arrival?.end ?? to]
    let costingGrid = sea.opened(sea.evaluationGrid, around: stops + [from, to])
    var options: [RouteOption] = []
    var routes: [[GridPoint]] = []
    var notes: [String] = []
    var attempt = 0
    while options.count < optionCount && attempt < optionCount + 2 {
      attempt += 1
      let kind: RouteOptionKind =
        attempt == 1 ? .leastCost : attempt == 2 ? .shortestSafe : .alternativeCorridor
      let id = options.count + 1
      progress((id, kind))
      let grids = try sea.grids(for: kind) {
        corridorPenalty(around: routes, stops: stops, penalty: Float32(model.corridorPenalty), on: sea)
      }
      let route = try sea.planRoute(through: stops, search: grids.search, evaluation: grids.evaluation) {
        try whyNoRoute(from: $0, to: $1)
      }
      var pieces = [PlannedPiece(coordinates: route.coordinates, cellSizeM: model.cellSizeM)]
      var gridPoints = route.gridPoints
      if refine {
        let refined = try refineInCorridors(
          route.coordinates, stops: stops, kind: kind, option: id, earlier: options.map(\.vertices))
        if refined.pieces.contains(where: { $0.corridorHalfWidthKm != nil }) { pieces = refined.pieces }
        for note in refined.notes where !notes.contains(note) { notes.append(note) }
      }
      if let departure {
        pieces.insert(
          PlannedPiece(
            coordinates: [from.coordinate, departure.end.coordinate], cellSizeM: 0,
            approachBearingDegrees: departure.bearingDegrees), at: 0)
      }
      if let arrival {
        pieces.append(
          PlannedPiece(
            coordinates: [arrival.end.coordinate, to.coordinate], cellSizeM: 0,
            approachBearingDegrees: arrival.bearingDegrees))
      }
      let vertices = try routeVertices(of: pieces)
      if vertices != route.coordinates { gridPoints = try vertices.map { try sea.gridPoint($0) } }
      for (leg, (a, b)) in zip(vertices, vertices.dropFirst()).enumerated() {
        if let problem = try checker.problem(leg: a, b) {
          throw RoutingError.constraintViolated(option: id, leg: leg + 1, problem: problem)
        }
      }
      let measures = RouteMeasures(try analyzer.analyse(vertices))
      var option = RouteOption(
        id: id, kind: kind, summary: "", vertices: vertices,
        costKm: sea.cost(of: gridPoints, on: costingGrid) / 1000, measures: measures, comparison: nil,
        stretches: stretches(of: pieces, routeLengthKm: measures.routeLengthKm))
      if let twin = options.indices.first(where: {
        compare(option, with: options[$0], routes[$0]).sharedPercent >= Self.sameRouteSharedPercent
      }) {
        let note = "the \(kind.description) route is option \(twin + 1) again (not repeated)"
        if !notes.contains(note) { notes.append(note) }
        continue
      }
      // Raster search and straightening are not exact: a "shortest" route that comes out
      // longer than an earlier option is not shown as such.
      if kind == .shortestSafe,
        let shorter = options.first(where: {
          $0.measures.routeLengthKm <= option.measures.routeLengthKm
        })
      {
        notes.append("the shortest safe route found is no shorter than option \(shorter.id) (not repeated)")
        continue
      }
      if !options.isEmpty { option.comparison = compare(option, with: options[0], routes[0]) }
      options.append(option)
      routes.append(gridPoints)
    }
    if options.count < optionCount {
      notes.append("only \(options.count) distinct option(s) found")
    }
    for i in options.indices { options[i].summary = summary(of: options[i], all: options) }
    return PlannedRoute(
      from: from, to: to, via: via, options: options, notes: notes, model: model, gridRows: raster.frame.rows,
      gridCols: raster.frame.cols)
  }

  /// The relief a corridor pass at `cellSizeM` reads.
  func fineRelief(cellSizeM: Double) -> SeabedRelief {
    let key = data.grid.refinements.flatMap { layer in
      let factors = layer.blockFactors(toCellSizeM: cellSizeM)
      return [factors.kx, factors.ky]
    }
    if let relief = reliefs[key] { return relief }
    let relief = SeabedRelief(grid: data.grid, waterSurfaceM: data.waterSurfaceM, cellSizeM: cellSizeM)
    reliefs[key] = relief
    return relief
  }

  /// Two options are the same route when this share of one lies within
  /// `OptionComparison.sharedWithinKm` of the other, percent.
  static let sameRouteSharedPercent = 90.0

  /// `penalty` (extra cost per metre) on a surface's cells in a corridor `corridorHalfWidthKm`
  /// around earlier routes (grid points of that surface), except near the stops.
  func corridorPenalty(
    around routes: [[GridPoint]], stops: [RoutePoint], penalty: Float32, on surface: SearchSurface
  ) -> [Float32] {
    let frame = surface.raster.frame
    var extra = [Float32](repeating: 0, count: frame.cellCount)
    let radius = model.corridorHalfWidthKm * 1000 / frame.cellSizeMetres
    for route in routes {
      Rasterizer.near(route, radius: radius, rows: frame.rows, cols: frame.cols) { cell, _ in
        extra[cell.row * frame.cols + cell.col] = penalty
      }
    }
    for stop in stops {
      guard let centre = try? surface.gridPoint(stop.coordinate) else { continue }
      Rasterizer.near([centre], radius: radius, rows: frame.rows, cols: frame.cols) { cell, _ in
        extra[cell.row * frame.cols + cell.col] = 0
      }
    }
    return extra
  }

  /// Why no route joins two points: land (the sea polygon at this cell size), or the no-go
  /// zones that close the passages. Passages are found one by one: the route through the sea
  /// that crosses the least no-go area, then the same steered out of a corridor around the
  /// passages already found, until no new zone turns up.
  private func whyNoRoute(from a: RoutePoint, to b: RoutePoint) throws -> String {
    let seaOnly = try raster.costGrid(lengthOnly: true, openStates: [.open, .noGo])
    let costing = sea.opened(seaOnly, around: [a, b])
    let sources = try sea.connections(of: a, search: seaOnly, evaluation: costing)
    let targets = try sea.connections(of: b, search: seaOnly, evaluation: costing)
    guard sea.search.findPath(in: seaOnly, from: sources, to: targets) != nil else {
      return
        "land closes the way: the sea polygon (\(data.files.seaPolygon.relativePath)) has no passage between them at \(Int(raster.frame.cellSizeMetres)) m cells"
    }
    var zones: [HazardShape] = []
    var passages: [[GridPoint]] = []
    for _ in 0..<Self.maxPassagesExplained {
      var extra = corridorPenalty(around: passages, stops: [a, b], penalty: Self.noGoDetourCost, on: sea)
      for i in extra.indices where raster.states[i] == SeabedRaster.CellState.noGo.rawValue {
        extra[i] += Self.noGoDetourCost
      }
      let grid = try raster.costGrid(lengthOnly: true, openStates: [.open, .noGo], extra: extra)
      guard let path = sea.search.findPath(in: grid, from: sources, to: targets) else { break }
      let line = try [a.coordinate] + path.cells.map { try sea.coordinate(of: $0) } + [b.coordinate]
      let found = try checker.zonesCrossed(by: line).filter { zone in
        !zones.contains { $0.hazard == zone.hazard }
      }
      if found.isEmpty { break }
      zones += found
      passages.append(path.cells.map { GridPoint(row: Double($0.row), col: Double($0.col)) })
    }
    let names = zones.map { zone in
      "\"\(zone.hazard.name)\" (\(zone.hazard.kind == .platform ? "platform safety zone" : zone.hazard.kind.rawValue))"
    }
    return
      "the no-go zones \(names.joined(separator: ", ")) close every passage (\(data.files.hazards?.relativePath ?? "hazards"))"
  }

  /// How many passages `whyNoRoute` looks for.
  static let maxPassagesExplained = 6
  /// Extra cost per metre, while explaining a closed way, of entering a no-go cell or of
  /// following a passage already explained.
  static let noGoDetourCost: Float32 = 100

  // MARK: - Describing options

  /// How `option` differs from `other` (whose straightened route in grid points is `otherRoute`).
  private func compare(_ option: RouteOption, with other: RouteOption, _ otherRoute: [GridPoint])
    -> OptionComparison
  {
    let samples = option.measures.profile
    var maxSeparation = 0.0
    var direction = "-"
    var shared = 0.0
    var previous: (kp: Double, near: Bool)?
    for s in samples {
      guard let p = try? sea.gridPoint(s.coordinate) else { continue }
      var nearest = p
      var d = Double.infinity
      for (a, b) in zip(otherRoute, otherRoute.dropFirst()) {
        let q = Rasterizer.nearestPoint(to: p, onSegment: a, b)
        if p.distance(to: q) < d {
          d = p.distance(to: q)
          nearest = q
        }
      }
      let km = d * raster.frame.cellSizeMetres / 1000
      if km > maxSeparation {
        maxSeparation = km
        direction = Self.compassPoint(east: p.col - nearest.col, north: nearest.row - p.row)
      }
      let near = km <= OptionComparison.sharedWithinKm
      if let previous, previous.near && near { shared += s.kpKm - previous.kp }
      previous = (s.kpKm, near)
    }
    let length = option.measures.routeLengthKm
    return OptionComparison(
      lengthDeltaKm: length - other.measures.routeLengthKm, maxSeparationKm: maxSeparation,
      maxSeparationDirection: direction, sharedPercent: length > 0 ? 100 * shared / length : 0)
  }

  /// The 8-point compass name of a direction given by its east and north components (grid
  /// north of the equidistant projection, within a degree of true north over the Caspian).
  static func compassPoint(east: Double, north: Double) -> String {
    let names = ["N", "NE", "E", "SE", "S", "SW", "W", "NW"]
    var bearing = atan2(east, north) * 180 / Double.pi
    if bearing < 0 { bearing += 360 }
    return names[Int((bearing + 22.5) / 45) % 8]
  }

  private func summary(of option: RouteOption, all options: [RouteOption]) -> String {
    let first = options[0]
    let costDelta = first.costKm > 0 ? 100 * (option.costKm - first.costKm) / first.costKm : 0
    let versus: String
    if let c = option.comparison {
      let longer = c.lengthDeltaKm >= 0 ? "longer" : "shorter"
      versus = String(
        format: "; %.1f km %@ than option 1, cost %+.1f%%, up to %.1f km %@ of it, %.0f%% shared",
        abs(c.lengthDeltaKm), longer, costDelta, c.maxSeparationKm, c.maxSeparationDirection, c.sharedPercent)
    } else {
      versus = ""
    }
    switch option.kind {
    case .leastCost:
      return "least cost under the cost model (shallow water, slope, soft areas, crossings, length)"
    case .shortestSafe:
      return "shortest route that respects every hard constraint, soft costs ignored" + versus
    case .alternativeCorridor:
      let earlier = option.id == 2 ? "option 1" : "options 1–\(option.id - 1)"
      return String(format: "steered out of a %.0f km corridor around %@", model.corridorHalfWidthKm, earlier)
        + versus
    }
  }
}

extension RoutePlanner {
  /// The search behind option 1 between two points, as a bare grid problem: the full-model
  /// cost grid and, at each end, the cheapest-to-reach open cell next to the point. For
  /// benchmarking the search alone against other least-cost-path tools.
  public func searchProblem(from: RoutePoint, to: RoutePoint) throws -> (
    grid: CostGrid, start: GridCell, end: GridCell
  ) {
    func nearest(_ p: RoutePoint) throws -> GridCell {
      let origin = try sea.gridPoint(p.coordinate)
      return try sea.connectionCells(of: p, origin: origin).map(\.cell).min {
        (origin.distance(to: GridPoint(row: Double($0.row), col: Double($0.col))), $0)
          < (origin.distance(to: GridPoint(row: Double($1.row), col: Double($1.col))), $1)
      }!
    }
    return (sea.searchGrid, try nearest(from), try nearest(to))
  }
}
