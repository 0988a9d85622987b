import CaspianGeometry
import Foundation

/// A regular grid of seabed and land elevations in geographic WGS84 degrees, as read from any
/// raster GDAL knows (ETOPO, GEBCO or a survey grid), reprojected to longitude/latitude.
///
/// A mosaic of several grids is the coarsest one with the finer ones as `refinements`:
/// `elevation(at:)` answers from the finest grid that has a value there, so a survey patch
/// over GEBCO changes depths only inside the patch. The lattice properties (`columnCount`,
/// `elevations`, …) are those of the coarsest grid.
///
/// Elevations are metres relative to mean ocean level, positive up. Water depth at a water
/// surface level `s` is `s − elevation` (positive down); where that is ≤ 0 the seabed is dry.
/// Cells are stored row-major from the north-west cell, one `Float` each (≈ 1 mm resolution
/// at 10 km, ample for relief), NaN where the file has its NODATA value.
public struct ElevationGrid: Sendable {
  /// Number of columns (west to east).
  public let columnCount: Int
  /// Number of rows (north to south).
  public let rowCount: Int
  /// Longitude of the grid's west edge, degrees.
  public let westLongitude: Double
  /// Latitude of the grid's north edge, degrees.
  public let northLatitude: Double
  /// Cell width, degrees of longitude.
  public let cellWidthDegrees: Double
  /// Cell height, degrees of latitude.
  public let cellHeightDegrees: Double
  /// Elevations in metres (positive up), row-major from the north-west cell; NaN = no data.
  public let elevations: [Float]
  /// Finer grids laid over this one, finest first (see `mosaic(_:)`); empty for a single grid.
  public let refinements: [ElevationGrid]

  /// A grid from its values: `elevations` row-major from the north-west cell, NaN for no data.
  public init(
    columnCount: Int, rowCount: Int, westLongitude: Double, northLatitude: Double,
    cellWidthDegrees: Double, cellHeightDegrees: Double, elevations: [Float],
    refinements: [ElevationGrid] = []
  ) {
    precondition(columnCount > 0 && rowCount > 0 && elevations.count == columnCount * rowCount)
    precondition(cellWidthDegrees > 0 && cellHeightDegrees > 0)
    self.columnCount = columnCount
    self.rowCount = rowCount
    self.westLongitude = westLongitude
    self.northLatitude = northLatitude
    self.cellWidthDegrees = cellWidthDegrees
    self.cellHeightDegrees = cellHeightDegrees
    self.elevations = elevations
    self.refinements = refinements
  }

  /// The grids as one: the coarsest (by cell area; the first listed among equals) is the base
  /// lattice, the others refine it, finest first. Each grid's own refinements are flattened in.
  public static func mosaic(_ grids: [ElevationGrid]) -> ElevationGrid {
    let layers = grids.flatMap { [$0.withoutRefinements] + $0.refinements }
    func area(_ g: ElevationGrid) -> Double { g.cellWidthDegrees * g.cellHeightDegrees }
    let base = layers.enumerated().max { a, b in
      area(a.element) < area(b.element) || (area(a.element) == area(b.element) && a.offset > b.offset)
    }!
    let finer = layers.enumerated().filter { $0.offset != base.offset }.map(\.element)
      .sorted { area($0) < area($1) }
    return base.element.replacingRefinements(with: finer)
  }

  /// This grid's own lattice, without refinements.
  public var withoutRefinements: ElevationGrid { replacingRefinements(with: []) }

  /// This grid's lattice over `refinements` (for values derived cell by cell, such as slopes).
  public func replacingRefinements(with refinements: [ElevationGrid]) -> ElevationGrid {
    ElevationGrid(
      columnCount: columnCount, rowCount: rowCount, westLongitude: westLongitude,
      northLatitude: northLatitude,
      cellWidthDegrees: cellWidthDegrees, cellHeightDegrees: cellHeightDegrees, elevations: elevations,
      refinements: refinements)
  }

  /// This grid and its refinements, coarsest first.
  public var layers: [ElevationGrid] { [withoutRefinements] + refinements.reversed() }

  /// The area some layer covers (the union of the extents' boxes).
  public var coverage: Envelope {
    refinements.reduce(extent) { $0.union($1.extent) }
  }

  /// Number of cells.
  public var cellCount: Int { elevations.count }

  /// The area the cells cover, from cell edge to cell edge (degrees).
  public var extent: Envelope {
    Envelope(
      minLongitude: westLongitude, minLatitude: northLatitude - Double(rowCount) * cellHeightDegrees,
      maxLongitude: westLongitude + Double(columnCount) * cellWidthDegrees, maxLatitude: northLatitude)
  }

  /// The index in `elevations` of a cell (row 0 is the northernmost).
  public func index(row: Int, column: Int) -> Int { row * columnCount + column }

  /// The centre of a cell.
  public func coordinate(row: Int, column: Int) -> Coordinate {
    Coordinate(
      longitude: westLongitude + (Double(column) + 0.5) * cellWidthDegrees,
      latitude: northLatitude - (Double(row) + 0.5) * cellHeightDegrees)
  }

  /// The cell containing `c` (a point on the south or east edge belongs to the last row or
  /// column), or nil outside the grid.
  public func cell(containing c: Coordinate) -> (row: Int, column: Int)? {
    guard extent.contains(c) else { return nil }
    let column = min(Int((c.longitude - westLongitude) / cellWidthDegrees), columnCount - 1)
    let row = min(Int((northLatitude - c.latitude) / cellHeightDegrees), rowCount - 1)
    return (row, column)
  }

  /// The elevation of one cell in metres (positive up), or nil where the file has no data.
  public func elevation(row: Int, column: Int) -> Double? {
    let value = elevations[index(row: row, column: column)]
    return value.isNaN ? nil : Double(value)
  }

  /// The elevation at `c` in metres (positive up), interpolated bilinearly between the centres
  /// of the four surrounding cells. Between the outermost cell centres and the grid's edge the
  /// edge values are extended. Nil outside the grid, or when any cell that takes part (with a
  /// non-zero weight) has no data: an unknown depth is not guessed. In a mosaic, the finest
  /// refinement with a value at `c` answers.
  public func elevation(at c: Coordinate) -> Double? {
    // By index: borrowing each refinement, not copying it (no reference counting per call).
    for i in refinements.indices {
      if let value = refinements[i].latticeElevation(at: c) { return value }
    }
    return latticeElevation(at: c)
  }

  /// `elevation(at:)` on this grid's own lattice.
  private func latticeElevation(at c: Coordinate) -> Double? {
    guard extent.contains(c) else { return nil }
    // Position in cell-centre units; within 1e-9 of a centre counts as on it, so that a centre
    // does not pick up a rounding-error weight from a neighbour without data.
    func snapped(_ value: Double, _ count: Int) -> Double {
      let nearest = value.rounded()
      return min(max(abs(value - nearest) < 1e-9 ? nearest : value, 0), Double(count - 1))
    }
    let x = snapped((c.longitude - westLongitude) / cellWidthDegrees - 0.5, columnCount)
    let y = snapped((northLatitude - c.latitude) / cellHeightDegrees - 0.5, rowCount)
    let column0 = Int(x)
    let row0 = Int(y)
    let tx = x - Double(column0)
    let ty = y - Double(row0)
    let column1 = min(column0 + 1, columnCount - 1)
    let row1 = min(row0 + 1, rowCount - 1)
    // The four corners unrolled (no arrays per call: this runs once per cost-grid cell).
    var sum = 0.0
    func add(_ row: Int, _ column: Int, _ wx: Double, _ wy: Double) -> Bool {
      guard wx > 0, wy > 0 else { return true }
      let value = elevations[row * columnCount + column]
      guard !value.isNaN else { return false }
      sum += Double(value) * wx * wy
      return true
    }
    guard add(row0, column0, 1 - tx, 1 - ty), add(row0, column1, tx, 1 - ty),
      add(row1, column0, 1 - tx, ty), add(row1, column1, tx, ty)
    else { return nil }
    return sum
  }

  /// Water depth at `c` in metres, positive down, for a water surface at `waterSurfaceM`
  /// (metres relative to mean ocean level): `waterSurfaceM − elevation`. A value ≤ 0 means the
  /// seabed is dry there. Nil where `elevation(at:)` is nil.
  public func depthMetres(at c: Coordinate, waterSurfaceM: Double) -> Double? {
    elevation(at: c).map { waterSurfaceM - $0 }
  }
}
