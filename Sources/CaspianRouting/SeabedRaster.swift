import CaspianGeodata
import CaspianGeometry

/// The sea and its hazards laid on a raster in a planar metric frame: which cells a route may
/// enter and what each costs.
///
/// Hard constraints are rasterised conservatively: a cell is open only when its centre is in
/// the sea and neither the coastline nor the edge of a no-go zone passes through it (or within
/// `edgeMarginCells` of it), so a straight step between the centres of open cells stays in
/// the sea and out of no-go zones. Soft areas and bathymetry costs apply to cells by their
/// centre; pipelines and cables carry their crossing cost in a band `crossingBandRadiusCells`
/// wide on each side (wider than any move, so none can hop over it).
public struct SeabedRaster: Sendable {
  /// Why a cell is closed (or not).
  public enum CellState: UInt8, Sendable {
    case open = 0
    /// Centre outside the sea.
    case land = 1
    /// Centre in the sea, but the coastline passes through the cell.
    case coast = 2
    /// Inside or on the edge of a no-go zone or a platform safety zone.
    case noGo = 3
    /// Outside the corridor a corridor raster covers.
    case outside = 4
  }

  /// Extra distance around hard edges that closes a cell, in cells (absorbs the difference
  /// between edges straight in lon/lat and straight in the planar frame).
  public static let edgeMarginCells = 0.05
  /// Half-width of the band that carries a pipeline or cable's crossing cost, in cells (the
  /// band, 4 cells wide, is wider than a knight move, √5 ≈ 2.24 cells).
  public static let crossingBandRadiusCells = 2.0

  public let frame: RasterFrame
  /// `CellState` raw values, row-major.
  public let states: [UInt8]
  /// Extra cost per metre of each cell from the soft costs of the model (shallow water, slope,
  /// soft areas, crossing bands), row-major; the base cost 1 is not included.
  public let penalties: [Float32]
  /// Where a survey grid overruled the sea polygon (corridor rasters only): by grid, then along
  /// the corridor, one per run of closed cells.
  public let overruled: [SurveyOverrule]

  /// Survey grids that outrank the sea polygon in a corridor: a cell in the sea polygon where
  /// the finest of `layers` with a value there shows the seabed shallower than
  /// `minimumDepthM` (dry: at or above the water surface, for 0) is closed as land, except
  /// within `clearRadiusCells` of the points `clear` (the landing approaches).
  struct SurveyRule {
    /// Grids finer than the rule's threshold, finest first, by name.
    var layers: [(name: String, grid: ElevationGrid)]
    var waterSurfaceM: Double
    var minimumDepthM: Double
    var clear: [GridPoint]
    var clearRadiusCells: Double
  }

  /// Rasterises a data set.
  /// - Parameters:
  ///   - sea: the sea polygons, lon/lat.
  ///   - shapes: the hazards as the planner sees them (buffers applied).
  ///   - relief: depth and slope.
  ///   - model: the cost weights and the cell size.
  ///   - projection: the planar metric frame (e.g. `Projection.caspianEquidistant()`).
  ///   - budget: the memory the per-cell arrays may take.
  /// - Throws: `RoutingError.overMemoryBudget` before anything of the grid's size is
  ///   allocated (or the sea densified) when the cell size gives too many cells.
  init(
    sea: [Polygon], shapes: [HazardShape], relief: SeabedRelief, model: CostModel, projection: Projection,
    budget: MemoryBudget = .default
  ) throws {
    let cellSize = model.cellSizeM
    let seaRings = sea.flatMap { [$0.exterior] + $0.holes }
    // Fail fast on the polygon's own vertices: densifying at a tiny cell size is large itself.
    let outline = Self.bounds(try seaRings.map { try Self.project($0, projection) })
    try budget.check(covering: outline.min, outline.max, cellSizeM: cellSize)
    let planarSea = try seaRings.map {
      try Self.project(Self.densify($0, cellSizeMetres: cellSize), projection)
    }
    let (minPoint, maxPoint) = Self.bounds(planarSea)
    // The densified edges bulge a little beyond the vertices: check the frame actually laid.
    try budget.check(covering: minPoint, maxPoint, cellSizeM: cellSize)
    let frame = RasterFrame(
      covering: minPoint, maxPoint, cellSizeMetres: cellSize, marginCells: Self.marginCells)
    try self.init(
      frame: frame, planarSea: planarSea, shapes: shapes, relief: relief, model: model,
      projection: projection,
      corridor: nil, survey: nil)
  }

  /// Rasterises a data set on a corridor: `frame` (e.g. turned along a route), with every cell
  /// whose centre lies farther than `radiusCells` from `line` (grid points of `frame`) closed as
  /// `outside`. Only the edges of the sea and of the hazards near the frame are densified.
  /// The caller checks the frame against the memory budget.
  init(
    sea: [Polygon], shapes: [HazardShape], relief: SeabedRelief, model: CostModel, projection: Projection,
    frame: RasterFrame, corridor line: [GridPoint], radiusCells: Double, survey: SurveyRule? = nil
  ) throws {
    var corners: [Coordinate] = []
    for (row, col) in [(0, 0), (0, frame.cols - 1), (frame.rows - 1, 0), (frame.rows - 1, frame.cols - 1)] {
      let p = frame.centre(of: GridCell(row: row, col: col))
      corners.append(try projection.inverse(x: p.x, y: p.y))
    }
    let margin = 4 * frame.cellSizeMetres / 111_000
    let near = Envelope(
      minLongitude: corners.map(\.longitude).min()! - margin,
      minLatitude: corners.map(\.latitude).min()! - margin,
      maxLongitude: corners.map(\.longitude).max()! + margin,
      maxLatitude: corners.map(\.latitude).max()! + margin)
    let seaRings = sea.flatMap { [$0.exterior] + $0.holes }
    let planarSea = try seaRings.map {
      try Self.project(Self.densify($0, cellSizeMetres: frame.cellSizeMetres, near: near), projection)
    }
    try self.init(
      frame: frame, planarSea: planarSea, shapes: shapes, relief: relief, model: model,
      projection: projection,
      corridor: (line, radiusCells, near), survey: survey)
  }

  private init(
    frame: RasterFrame, planarSea: [[PlanarPoint]], shapes: [HazardShape], relief: SeabedRelief,
    model: CostModel,
    projection: Projection, corridor: (line: [GridPoint], radiusCells: Double, near: Envelope)?,
    survey: SurveyRule?
  ) throws {
    let cellSize = frame.cellSizeMetres
    let near = corridor?.near
    let rows = frame.rows
    let cols = frame.cols
    func toGrid(_ ring: [PlanarPoint]) -> [GridPoint] { ring.map { frame.gridPoint($0) } }

    var states = [UInt8](repeating: CellState.land.rawValue, count: frame.cellCount)
    var inside: [Bool]?
    if let corridor {
      var mask = [Bool](repeating: false, count: frame.cellCount)
      Rasterizer.near(corridor.line, radius: corridor.radiusCells, rows: rows, cols: cols) { cell, _ in
        mask[cell.row * cols + cell.col] = true
      }
      inside = mask
    }
    let seaGridRings = planarSea.map(toGrid)
    Rasterizer.interior(of: seaGridRings, rows: rows, cols: cols) { r, columns in
      for c in columns { states[r * cols + c] = CellState.open.rawValue }
    }
    for ring in seaGridRings {
      Rasterizer.touched(by: ring + [ring[0]], margin: Self.edgeMarginCells, rows: rows, cols: cols) { cell in
        let i = cell.row * cols + cell.col
        if states[i] == CellState.open.rawValue { states[i] = CellState.coast.rawValue }
      }
    }

    var penalties = [Float32](repeating: 0, count: frame.cellCount)
    for shape in shapes {
      switch shape.role {
      case .noGo:
        guard let area = shape.area else { continue }
        let rings = try HazardShape.rings(of: area).map {
          toGrid(try Self.project(Self.densify($0, cellSizeMetres: cellSize, near: near), projection))
        }
        Rasterizer.interior(of: rings, rows: rows, cols: cols) { r, columns in
          for c in columns where states[r * cols + c] != CellState.land.rawValue {
            states[r * cols + c] = CellState.noGo.rawValue
          }
        }
        for ring in rings where !ring.isEmpty {
          Rasterizer.touched(by: ring + [ring[0]], margin: Self.edgeMarginCells, rows: rows, cols: cols) {
            cell in
            let i = cell.row * cols + cell.col
            if states[i] != CellState.land.rawValue { states[i] = CellState.noGo.rawValue }
          }
        }
      case .softArea(let penalty):
        guard let area = shape.area, penalty > 0 else { continue }
        let rings = try HazardShape.rings(of: area).map {
          toGrid(try Self.project(Self.densify($0, cellSizeMetres: cellSize, near: near), projection))
        }
        Rasterizer.interior(of: rings, rows: rows, cols: cols) { r, columns in
          for c in columns { penalties[r * cols + c] += Float32(penalty) }
        }
      case .crossing:
        guard model.crossingCostKm > 0 else { continue }
        // A tent across the line: penalty ∝ (1 − d/R) within R cells, integrating to the
        // crossing cost across the band, so the cost a path pays hardly depends on where its
        // cells fall on the band.
        let radius = max(Self.crossingBandRadiusCells, (shape.hazard.bufferM ?? 0) / cellSize)
        let peak = model.crossingCostKm * 1000 / (radius * cellSize)
        for line in shape.lines {
          let points = toGrid(
            try Self.project(Self.densify(line, cellSizeMetres: cellSize, near: near), projection))
          var nearest: [Int: Double] = [:]
          Rasterizer.near(points, radius: radius, rows: rows, cols: cols) { cell, d in
            let i = cell.row * cols + cell.col
            nearest[i] = min(nearest[i] ?? .infinity, d)
          }
          for (i, d) in nearest { penalties[i] += Float32(peak * (1 - d / radius)) }
        }
      case .info:
        continue
      }
    }

    if let inside {
      for i in states.indices where !inside[i] { states[i] = CellState.outside.rawValue }
    }
    let coordinates = try CellCoordinates(frame: frame, projection: projection)
    var overruled: [SurveyOverrule] = []
    if let survey {
      var clear = [Bool](repeating: false, count: frame.cellCount)
      for point in survey.clear {
        Rasterizer.near([point], radius: survey.clearRadiusCells, rows: rows, cols: cols) { cell, _ in
          clear[cell.row * cols + cell.col] = true
        }
      }
      // Closed cells by grid and by column (a corridor frame's columns run along its route).
      var closed: [Int: [(col: Int, position: Coordinate)]] = [:]
      for r in 0..<rows {
        for c in 0..<cols {
          let i = r * cols + c
          guard states[i] == CellState.open.rawValue || states[i] == CellState.coast.rawValue, !clear[i]
          else {
            continue
          }
          let position = coordinates.coordinate(row: r, col: c)
          // The finest survey layer with a value here, looked up once.
          var found: (k: Int, elevation: Double)?
          for k in survey.layers.indices {
            if let value = survey.layers[k].grid.elevation(at: position) {
              found = (k, value)
              break
            }
          }
          guard let (k, elevation) = found else { continue }
          let depth = survey.waterSurfaceM - elevation
          guard depth <= 0 || depth < survey.minimumDepthM else { continue }
          states[i] = CellState.land.rawValue
          closed[k, default: []].append((c, position))
        }
      }
      // One overruling per run of columns with closed cells (gaps over `overruleGapM` split).
      let gap = Int((Self.overruleGapM / cellSize).rounded(.up))
      for k in closed.keys.sorted() {
        let cells = closed[k]!.sorted { $0.col < $1.col }
        var start = 0
        for j in cells.indices where j == cells.count - 1 || cells[j + 1].col - cells[j].col > gap {
          let run = cells[start...j]
          let extent = run.dropFirst().reduce(Envelope(around: run.first!.position)) {
            $0.union(Envelope(around: $1.position))
          }
          overruled.append(
            SurveyOverrule(grid: survey.layers[k].name, cells: run.count, cellSizeM: cellSize, extent: extent)
          )
          start = j + 1
        }
      }
    }
    // Depth and slope at the centre of every cell a route may use.
    // In tiles: a turned frame crosses the grids' rows at an angle, and tiles keep the grid
    // cells a tile reads in cache.
    let tile = 32
    for r0 in stride(from: 0, to: rows, by: tile) {
      for c0 in stride(from: 0, to: cols, by: tile) {
        for r in r0..<min(r0 + tile, rows) {
          for c in c0..<min(c0 + tile, cols) {
            let i = r * cols + c
            let state = states[i]
            guard state == CellState.open.rawValue || state == CellState.coast.rawValue else { continue }
            let position = coordinates.coordinate(row: r, col: c)
            penalties[i] += Float32(Self.reliefPenalty(at: position, relief: relief, model: model))
          }
        }
      }
    }
    self.frame = frame
    self.states = states
    self.penalties = penalties
    self.overruled = overruled
  }

  /// Closed survey cells further apart than this along a corridor are reported apart, metres.
  static let overruleGapM = 2000.0

  /// Cells of margin around the sea's extent.
  static let marginCells = 2

  /// The planar bounding box of rings.
  static func bounds(_ rings: [[PlanarPoint]]) -> (min: PlanarPoint, max: PlanarPoint) {
    var minPoint = PlanarPoint(x: .infinity, y: .infinity)
    var maxPoint = PlanarPoint(x: -.infinity, y: -.infinity)
    for ring in rings {
      for p in ring {
        minPoint = PlanarPoint(x: min(minPoint.x, p.x), y: min(minPoint.y, p.y))
        maxPoint = PlanarPoint(x: max(maxPoint.x, p.x), y: max(maxPoint.y, p.y))
      }
    }
    return (minPoint, maxPoint)
  }

  /// Extra cost per metre for shallow water and steep slope at a point.
  static func reliefPenalty(at c: Coordinate, relief: SeabedRelief, model: CostModel) -> Double {
    var penalty = 0.0
    if let depth = relief.depthMetres(at: c), depth < model.shallowWaterDepthM {
      penalty += model.shallowWaterPenalty * (1 - max(depth, 0) / model.shallowWaterDepthM)
    }
    if let slope = relief.slopeDegrees(at: c), slope > model.steepSlopeDeg {
      penalty += model.steepSlopePenaltyPerDeg * (slope - model.steepSlopeDeg)
    }
    return penalty
  }

  public func state(of cell: GridCell) -> CellState {
    CellState(rawValue: states[cell.row * frame.cols + cell.col])!
  }

  /// A cost grid: 1 + penalty (or 1 alone when `lengthOnly`) plus `extra` on the cells in
  /// `openStates`; every other cell impassable.
  func costGrid(lengthOnly: Bool, openStates: Set<CellState>, extra: [Float32]? = nil) throws -> CostGrid {
    let open = (0..<5).map { openStates.contains(CellState(rawValue: UInt8($0))!) }
    var costs = [Float32](repeating: .infinity, count: frame.cellCount)
    for i in 0..<frame.cellCount where open[Int(states[i])] {
      costs[i] = 1 + (lengthOnly ? 0 : penalties[i]) + (extra?[i] ?? 0)
    }
    return try CostGrid(
      rows: frame.rows, cols: frame.cols, cellSizeMetres: frame.cellSizeMetres, costs: costs)
  }

  /// Points along a lon/lat line, no further apart than a quarter cell (straight in lon/lat,
  /// as GEOS and GeoJSON draw them), so that the projected line follows the true edge; with
  /// `near`, only the segments whose box meets it are densified (the others lie off the frame).
  static func densify(_ line: [Coordinate], cellSizeMetres: Double, near: Envelope? = nil) -> [Coordinate] {
    let maxStepDegrees = cellSizeMetres / 4 / 111_000
    var out: [Coordinate] = []
    out.reserveCapacity(line.count)
    for (a, b) in zip(line, line.dropFirst()) {
      out.append(a)
      if let near,
        max(a.longitude, b.longitude) < near.minLongitude || min(a.longitude, b.longitude) > near.maxLongitude
          || max(a.latitude, b.latitude) < near.minLatitude || min(a.latitude, b.latitude) > near.maxLatitude
      {
        continue
      }
      let span = max(abs(b.longitude - a.longitude), abs(b.latitude - a.latitude))
      let pieces = Int((span / maxStepDegrees).rounded(.up))
      if pieces > 1 {
        for k in 1..<pieces {
          let t = Double(k) / Double(pieces)
          out.append(
            Coordinate(
              longitude: a.longitude + t * (b.longitude - a.longitude),
              latitude: a.latitude + t * (b.latitude - a.latitude)))
        }
      }
    }
    if let last = line.last { out.append(last) }
    return out
  }

  static func project(_ line: [Coordinate], _ projection: Projection) throws -> [PlanarPoint] {
    try projection.forward(line).map { PlanarPoint(x: $0.x, y: $0.y) }
  }
}

/// Where a survey grid closed cells of a corridor raster that the sea polygon has as sea.
public struct SurveyOverrule: Sendable, Hashable {
  /// The grid's file name.
  public var grid: String
  /// How many cells it closed.
  public var cells: Int
  public var cellSizeM: Double
  /// The box around the centres of the cells it closed.
  public var extent: Envelope

  /// The area closed, km².
  public var areaKm2: Double { Double(cells) * cellSizeM * cellSizeM / 1e6 }
}

extension Envelope {
  /// The envelope of one point.
  init(around c: Coordinate) {
    self.init(
      minLongitude: c.longitude, minLatitude: c.latitude, maxLongitude: c.longitude, maxLatitude: c.latitude)
  }
}

/// Lon/lat of cell centres without one PROJ call per cell: exact at a lattice of every
/// `step`-th row and column, bilinear in between. The projection is smooth: at 1 km cells the
/// error stays under 2 m over the whole Caspian (it shrinks with the square of the cell size),
/// far below the bathymetry's resolution; only depth and slope are sampled this way.
struct CellCoordinates {
  static let step = 8
  let frame: RasterFrame
  private let latticeCols: Int
  private let lattice: [Coordinate]

  init(frame: RasterFrame, projection: Projection) throws {
    self.frame = frame
    let latticeRows = (frame.rows - 1) / Self.step + 2
    latticeCols = (frame.cols - 1) / Self.step + 2
    var lattice: [Coordinate] = []
    lattice.reserveCapacity(latticeRows * latticeCols)
    for lr in 0..<latticeRows {
      for lc in 0..<latticeCols {
        let p = frame.centre(of: GridCell(row: lr * Self.step, col: lc * Self.step))
        lattice.append(try projection.inverse(x: p.x, y: p.y))
      }
    }
    self.lattice = lattice
  }

  func coordinate(row: Int, col: Int) -> Coordinate {
    let lr = row / Self.step
    let lc = col / Self.step
    let ty = Double(row - lr * Self.step) / Double(Self.step)
    let tx = Double(col - lc * Self.step) / Double(Self.step)
    let a = lattice[lr * latticeCols + lc]
    let b = lattice[lr * latticeCols + lc + 1]
    let c = lattice[(lr + 1) * latticeCols + lc]
    let d = lattice[(lr + 1) * latticeCols + lc + 1]
    let wa = (1 - tx) * (1 - ty)
    let wb = tx * (1 - ty)
    let wc = (1 - tx) * ty
    let wd = tx * ty
    return Coordinate(
      longitude: wa * a.longitude + wb * b.longitude + wc * c.longitude + wd * d.longitude,
      latitude: wa * a.latitude + wb * b.latitude + wc * c.latitude + wd * d.latitude)
  }
}
