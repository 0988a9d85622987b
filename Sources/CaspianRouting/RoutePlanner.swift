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
  public let raster: SeabedRaster
  /// The along-route analysis the options are measured with (the same one engineering uses).
  public let analyzer: RouteAnalyzer
  let relief: SeabedRelief
  let shapes: [HazardShape]
  let checker: ConstraintChecker
  let projection: Projection
  private let search: LeastCostSearch
  /// Full cost model, open cells only: what the search runs on.
  private let searchGrid: CostGrid
  /// Full cost model, open and coast cells: what legs are costed on (the vector check, not
  /// the raster, decides whether a leg that passes a coast cell stays in the sea).
  private let evaluationGrid: CostGrid
  private var connectionCache: [RoutePoint: [(cell: GridCell, coordinate: Coordinate)]] = [:]

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
    relief = SeabedRelief(grid: data.grid, waterSurfaceM: data.waterSurfaceM)
    shapes = try HazardShape.shapes(of: data.hazards, model: model, engine: engine)
    checker = try ConstraintChecker(engine: engine, sea: data.sea.geometry, shapes: shapes)
    raster = try SeabedRaster(
      sea: data.sea.polygons, shapes: shapes, relief: relief, model: model, projection: projection,
      budget: memoryBudget)
    search = LeastCostSearch(connectivity: model.connectivity == 8 ? .eight : .sixteen)
    searchGrid = try raster.costGrid(lengthOnly: false, openStates: [.open])
    evaluationGrid = try raster.costGrid(lengthOnly: false, openStates: [.open, .coast])
  }

  // MARK: - Points

  /// The landing with this name (ignoring case).
  /// - Throws: `RoutingError.unknownLanding` listing the known names and close matches.
  public func landing(named name: String) throws -> RoutePoint {
    if let landing = data.landings.first(where: { $0.name.lowercased() == name.lowercased() }) {
      return try point(landing.coordinate, name: landing.name, label: "landing \"\(landing.name)\"")
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
  /// corridor `model.corridorHalfWidthKm` wide on each side of every earlier option.
  /// - Throws: `RoutingError.noRoute` naming the constraint that closes the way,
  ///   `RoutingError.constraintViolated` if a route failed the final vector check.
  /// - Parameter progress: called before each search, with the option number and kind.
  public func plan(
    from: RoutePoint, to: RoutePoint, via: [RoutePoint] = [], optionCount: Int = 3,
    progress: (_ step: (option: Int, kind: RouteOptionKind)) -> Void = { _ in }
  ) throws -> PlannedRoute {
    let stops = [from] + via + [to]
    for (a, b) in zip(stops, stops.dropFirst()) where a.coordinate == b.coordinate {
      throw RoutingError.noRoute(from: a.name, to: b.name, reason: "they are the same point")
    }
    let costingGrid = opened(evaluationGrid, around: stops)
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
      let grids: (search: CostGrid, evaluation: CostGrid)
      switch kind {
      case .leastCost:
        grids = (searchGrid, evaluationGrid)
      case .shortestSafe:
        grids = (
          try raster.costGrid(lengthOnly: true, openStates: [.open]),
          try raster.costGrid(lengthOnly: true, openStates: [.open, .coast])
        )
      case .alternativeCorridor:
        let extra = corridorPenalty(around: routes, stops: stops, penalty: Float32(model.corridorPenalty))
        grids = (
          try raster.costGrid(lengthOnly: false, openStates: [.open], extra: extra),
          try raster.costGrid(lengthOnly: false, openStates: [.open, .coast], extra: extra)
        )
      }
      let route = try planRoute(through: stops, search: grids.search, evaluation: grids.evaluation)
      for (leg, (a, b)) in zip(route.coordinates, route.coordinates.dropFirst()).enumerated() {
        if let problem = try checker.problem(leg: a, b) {
          throw RoutingError.constraintViolated(option: id, leg: leg + 1, problem: problem)
        }
      }
      var option = RouteOption(
        id: id, kind: kind, summary: "", vertices: route.coordinates,
        costKm: cost(of: route.gridPoints, on: costingGrid) / 1000,
        measures: RouteMeasures(try analyzer.analyse(route.coordinates)), comparison: nil)
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
      routes.append(route.gridPoints)
    }
    if options.count < optionCount {
      notes.append("only \(options.count) distinct option(s) found")
    }
    for i in options.indices { options[i].summary = summary(of: options[i], all: options) }
    return PlannedRoute(
      from: from, to: to, via: via, options: options, notes: notes, model: model, gridRows: raster.frame.rows,
      gridCols: raster.frame.cols)
  }

  /// Two options are the same route when this share of one lies within
  /// `OptionComparison.sharedWithinKm` of the other, percent.
  static let sameRouteSharedPercent = 90.0

  /// Searches, then straightens, each stretch between consecutive stops.
  private func planRoute(through stops: [RoutePoint], search grid: CostGrid, evaluation: CostGrid) throws
    -> (gridPoints: [GridPoint], coordinates: [Coordinate])
  {
    let evaluation = opened(evaluation, around: stops)
    var points: [GridPoint] = []
    var coordinates: [Coordinate] = []
    for (a, b) in zip(stops, stops.dropFirst()) {
      let sources = try connections(of: a, search: grid, evaluation: evaluation)
      let targets = try connections(of: b, search: grid, evaluation: evaluation)
      guard let path = search.findPath(in: grid, from: sources, to: targets) else {
        throw RoutingError.noRoute(from: a.name, to: b.name, reason: try whyNoRoute(from: a, to: b))
      }
      var stretchPoints = [try gridPoint(a.coordinate)]
      var stretchCoordinates = [a.coordinate]
      for cell in path.cells {
        stretchPoints.append(GridPoint(row: Double(cell.row), col: Double(cell.col)))
        stretchCoordinates.append(try coordinate(of: cell))
      }
      stretchPoints.append(try gridPoint(b.coordinate))
      stretchCoordinates.append(b.coordinate)
      let kept = try straighten(stretchPoints, stretchCoordinates, evaluation: evaluation)
      let start = points.isEmpty ? 0 : 1
      points += kept[start...].map { stretchPoints[$0] }
      coordinates += kept[start...].map { stretchCoordinates[$0] }
    }
    return (points, coordinates)
  }

  /// `grid` with every closed cell within `connectionRadiusCells` of a stop opened at cost 1:
  /// for costing legs only (a landing's own cell may be closed because its centre is ashore;
  /// whether a leg near the stop stays in the sea is decided by the vector check).
  private func opened(_ grid: CostGrid, around stops: [RoutePoint]) -> CostGrid {
    var grid = grid
    let frame = raster.frame
    for stop in stops {
      guard let centre = try? gridPoint(stop.coordinate) else { continue }
      Rasterizer.near([centre], radius: Self.connectionRadiusCells, rows: frame.rows, cols: frame.cols) {
        cell, _ in
        if !grid.isPassable(cell) { grid.setCost(1, at: cell) }
      }
    }
    return grid
  }

  /// Open cells near a point that a checked straight leg joins to it, with that leg's cost.
  private func connections(of point: RoutePoint, search grid: CostGrid, evaluation: CostGrid) throws
    -> [SearchEndpoint]
  {
    let origin = try gridPoint(point.coordinate)
    let cells = try connectionCells(of: point, origin: origin)
    return cells.compactMap { entry in
      guard grid.isPassable(entry.cell) else { return nil }
      let cost = evaluation.segmentCost(
        fromRow: origin.row, col: origin.col, toRow: Double(entry.cell.row), col: Double(entry.cell.col))
      return cost.isFinite ? SearchEndpoint(cell: entry.cell, connectionCost: cost) : nil
    }
  }

  /// The open cells within `connectionRadiusCells` whose straight leg from the point passes
  /// the vector check (cached per point).
  private func connectionCells(of point: RoutePoint, origin: GridPoint) throws
    -> [(cell: GridCell, coordinate: Coordinate)]
  {
    if let cached = connectionCache[point] { return cached }
    var found: [(cell: GridCell, coordinate: Coordinate)] = []
    let radius = Self.connectionRadiusCells
    let r = Int(radius.rounded(.up))
    let centre = origin.cell
    for row in (centre.row - r)...(centre.row + r) {
      for col in (centre.col - r)...(centre.col + r) {
        let cell = GridCell(row: row, col: col)
        guard raster.frame.contains(cell), raster.state(of: cell) == .open,
          origin.distance(to: GridPoint(row: Double(row), col: Double(col))) <= radius
        else { continue }
        let c = try coordinate(of: cell)
        if try checker.problem(leg: point.coordinate, c) == nil { found.append((cell, c)) }
      }
    }
    guard !found.isEmpty else {
      let km = Self.connectionRadiusCells * raster.frame.cellSizeMetres / 1000
      throw RoutingError.noRoute(
        from: point.name, to: "open water",
        reason:
          "no open cell within \(km) km can be reached in a straight line at \(Int(raster.frame.cellSizeMetres)) m cells (try a smaller --cell-size)"
      )
    }
    connectionCache[point] = found
    return found
  }

  /// Replaces runs of raster steps by single legs: from each alter-course point, the farthest
  /// later vertex whose straight leg crosses no closed cell, costs at most
  /// `straighteningTolerance` more than the steps it replaces, and passes the vector check.
  /// - Returns: indices of the vertices kept, first and last included.
  private func straighten(_ points: [GridPoint], _ coordinates: [Coordinate], evaluation: CostGrid) throws
    -> [Int]
  {
    var prefix = [0.0]
    for (a, b) in zip(points, points.dropFirst()) {
      prefix.append(
        prefix.last! + evaluation.segmentCost(fromRow: a.row, col: a.col, toRow: b.row, col: b.col))
    }
    let last = points.count - 1
    var kept = [0]
    var i = 0
    while i < last {
      var next = i + 1
      var j = last
      while j > i + 1 {
        let a = points[i]
        let b = points[j]
        let cost = evaluation.segmentCost(fromRow: a.row, col: a.col, toRow: b.row, col: b.col)
        if cost.isFinite, cost <= (prefix[j] - prefix[i]) * (1 + model.straighteningTolerance) + 1e-6,
          try checker.problem(leg: coordinates[i], coordinates[j]) == nil
        {
          next = j
          break
        }
        j -= 1
      }
      kept.append(next)
      i = next
    }
    return kept
  }

  /// `penalty` (extra cost per metre) in a corridor `corridorHalfWidthKm` around earlier
  /// routes, except near the stops.
  private func corridorPenalty(around routes: [[GridPoint]], stops: [RoutePoint], penalty: Float32)
    -> [Float32]
  {
    let frame = raster.frame
    var extra = [Float32](repeating: 0, count: frame.cellCount)
    let radius = model.corridorHalfWidthKm * 1000 / frame.cellSizeMetres
    for route in routes {
      Rasterizer.near(route, radius: radius, rows: frame.rows, cols: frame.cols) { cell, _ in
        extra[cell.row * frame.cols + cell.col] = penalty
      }
    }
    for stop in stops {
      guard let centre = try? gridPoint(stop.coordinate) else { continue }
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
    let costing = opened(seaOnly, around: [a, b])
    let sources = try connections(of: a, search: seaOnly, evaluation: costing)
    let targets = try connections(of: b, search: seaOnly, evaluation: costing)
    guard search.findPath(in: seaOnly, from: sources, to: targets) != nil else {
      return
        "land closes the way: the sea polygon (\(data.files.seaPolygon.relativePath)) has no passage between them at \(Int(raster.frame.cellSizeMetres)) m cells"
    }
    var zones: [HazardShape] = []
    var passages: [[GridPoint]] = []
    for _ in 0..<Self.maxPassagesExplained {
      var extra = corridorPenalty(around: passages, stops: [a, b], penalty: Self.noGoDetourCost)
      for i in extra.indices where raster.states[i] == SeabedRaster.CellState.noGo.rawValue {
        extra[i] += Self.noGoDetourCost
      }
      let grid = try raster.costGrid(lengthOnly: true, openStates: [.open, .noGo], extra: extra)
      guard let path = search.findPath(in: grid, from: sources, to: targets) else { break }
      let line = try [a.coordinate] + path.cells.map { try coordinate(of: $0) } + [b.coordinate]
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

  // MARK: - Frames

  func gridPoint(_ c: Coordinate) throws -> GridPoint {
    let p = try projection.forward(c)
    return raster.frame.gridPoint(PlanarPoint(x: p.x, y: p.y))
  }

  func coordinate(of cell: GridCell) throws -> Coordinate {
    let p = raster.frame.centre(of: cell)
    return try projection.inverse(x: p.x, y: p.y)
  }

  /// Cost of a polyline on a grid, cost units (metres of open deep seabed).
  private func cost(of points: [GridPoint], on grid: CostGrid) -> Double {
    zip(points, points.dropFirst()).reduce(0) {
      $0 + grid.segmentCost(fromRow: $1.0.row, col: $1.0.col, toRow: $1.1.row, col: $1.1.col)
    }
  }

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
      guard let p = try? gridPoint(s.coordinate) else { continue }
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
      let origin = try gridPoint(p.coordinate)
      return try connectionCells(of: p, origin: origin).map(\.cell).min {
        (origin.distance(to: GridPoint(row: Double($0.row), col: Double($0.col))), $0)
          < (origin.distance(to: GridPoint(row: Double($1.row), col: Double($1.col))), $1)
      }!
    }
    return (searchGrid, try nearest(from), try nearest(to))
  }
}
