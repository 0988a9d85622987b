import CaspianGeometry

/// One cost surface the planner searches: the sea raster, or a corridor's; its search and
/// evaluation grids of the full cost model; and how points and legs are joined to it.
///
/// Owns no GEOS context of its own (it shares the planner's checker): not `Sendable`.
final class SearchSurface {
  let raster: SeabedRaster
  let model: CostModel
  let checker: ConstraintChecker
  let projection: Projection
  let search: LeastCostSearch
  /// Full cost model, open cells only: what the search runs on.
  let searchGrid: CostGrid
  /// Full cost model, open and coast cells: what legs are costed on (the vector check, not
  /// the raster, decides whether a leg that passes a coast cell stays in the sea).
  let evaluationGrid: CostGrid
  private var connectionCache: [RoutePoint: [(cell: GridCell, coordinate: Coordinate)]] = [:]

  init(raster: SeabedRaster, model: CostModel, checker: ConstraintChecker, projection: Projection) throws {
    self.raster = raster
    self.model = model
    self.checker = checker
    self.projection = projection
    search = LeastCostSearch(connectivity: model.connectivity == 8 ? .eight : .sixteen)
    searchGrid = try raster.costGrid(lengthOnly: false, openStates: [.open])
    evaluationGrid = try raster.costGrid(lengthOnly: false, openStates: [.open, .coast])
  }

  /// The search and evaluation grids of an option's kind: the full model (least cost), length
  /// only (shortest safe), or the full model plus `extra()` per cell (alternative corridor).
  func grids(for kind: RouteOptionKind, extra: () throws -> [Float32]) throws -> (
    search: CostGrid, evaluation: CostGrid
  ) {
    switch kind {
    case .leastCost:
      return (searchGrid, evaluationGrid)
    case .shortestSafe:
      return (
        try raster.costGrid(lengthOnly: true, openStates: [.open]),
        try raster.costGrid(lengthOnly: true, openStates: [.open, .coast])
      )
    case .alternativeCorridor:
      let extra = try extra()
      return (
        try raster.costGrid(lengthOnly: false, openStates: [.open], extra: extra),
        try raster.costGrid(lengthOnly: false, openStates: [.open, .coast], extra: extra)
      )
    }
  }

  /// Searches, then straightens, each stretch between consecutive stops.
  /// - Parameter explain: why no route joins two stops, for the error when the search finds none.
  func planRoute(
    through stops: [RoutePoint], search grid: CostGrid, evaluation: CostGrid,
    explain: (RoutePoint, RoutePoint) throws -> String
  ) throws
    -> (gridPoints: [GridPoint], coordinates: [Coordinate])
  {
    let evaluation = opened(evaluation, around: stops)
    var points: [GridPoint] = []
    var coordinates: [Coordinate] = []
    for (a, b) in zip(stops, stops.dropFirst()) {
      let sources = try connections(of: a, search: grid, evaluation: evaluation)
      let targets = try connections(of: b, search: grid, evaluation: evaluation)
      guard let path = search.findPath(in: grid, from: sources, to: targets) else {
        throw RoutingError.noRoute(from: a.name, to: b.name, reason: try explain(a, b))
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
  func opened(_ grid: CostGrid, around stops: [RoutePoint]) -> CostGrid {
    var grid = grid
    let frame = raster.frame
    for stop in stops {
      guard let centre = try? gridPoint(stop.coordinate) else { continue }
      Rasterizer.near(
        [centre], radius: RoutePlanner.connectionRadiusCells, rows: frame.rows, cols: frame.cols
      ) {
        cell, _ in
        if !grid.isPassable(cell) { grid.setCost(1, at: cell) }
      }
    }
    return grid
  }

  /// Open cells near a point that a checked straight leg joins to it, with that leg's cost.
  func connections(of point: RoutePoint, search grid: CostGrid, evaluation: CostGrid) throws
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
  func connectionCells(of point: RoutePoint, origin: GridPoint) throws
    -> [(cell: GridCell, coordinate: Coordinate)]
  {
    if let cached = connectionCache[point] { return cached }
    var found: [(cell: GridCell, coordinate: Coordinate)] = []
    let radius = RoutePlanner.connectionRadiusCells
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
      let km = RoutePlanner.connectionRadiusCells * raster.frame.cellSizeMetres / 1000
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
  func straighten(_ points: [GridPoint], _ coordinates: [Coordinate], evaluation: CostGrid) throws
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

  func gridPoint(_ c: Coordinate) throws -> GridPoint {
    let p = try projection.forward(c)
    return raster.frame.gridPoint(PlanarPoint(x: p.x, y: p.y))
  }

  func coordinate(of cell: GridCell) throws -> Coordinate {
    let p = raster.frame.centre(of: cell)
    return try projection.inverse(x: p.x, y: p.y)
  }

  /// Cost of a polyline on a grid, cost units (metres of open deep seabed).
  func cost(of points: [GridPoint], on grid: CostGrid) -> Double {
    zip(points, points.dropFirst()).reduce(0) {
      $0 + grid.segmentCost(fromRow: $1.0.row, col: $1.0.col, toRow: $1.1.row, col: $1.1.col)
    }
  }
}
