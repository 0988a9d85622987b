import CaspianGeodata
import CaspianGeometry
import Foundation

/// Water depth and seabed slope anywhere in a data set's bathymetry grid.
///
/// Depth is `waterSurfaceM − elevation` (metres, positive down), interpolated bilinearly.
/// Slope is the steepest gradient of the seabed in degrees, by central differences between
/// neighbouring grid cells (cell sizes measured on the WGS84 geodesic), interpolated the same
/// way. A coarse grid (ETOPO1 at 0.1° ≈ 10 km) smooths slopes: a survey grid shows more.
public struct SeabedRelief: Sendable {
  public let grid: ElevationGrid
  public let waterSurfaceM: Double
  /// Slopes in degrees on the same lattices as `grid` and its refinements (an `ElevationGrid`
  /// whose values are slopes, so that the same interpolation, no-data and mosaic rules apply).
  public let slopes: ElevationGrid

  public init(grid: ElevationGrid, waterSurfaceM: Double) {
    self.grid = grid
    self.waterSurfaceM = waterSurfaceM
    slopes = Self.slopes(of: grid.withoutRefinements)
      .replacingRefinements(with: grid.refinements.map(Self.slopes(of:)))
  }

  /// Slopes on the lattice of one grid (its refinements are not looked at).
  static func slopes(of grid: ElevationGrid) -> ElevationGrid {
    let rows = grid.rowCount
    let cols = grid.columnCount
    var slopes = [Float](repeating: .nan, count: rows * cols)
    let geodesic = Geodesic.wgs84
    for row in 0..<rows {
      let centre = grid.coordinate(row: row, column: 0)
      let east = Coordinate(longitude: centre.longitude + grid.cellWidthDegrees, latitude: centre.latitude)
      let north = Coordinate(longitude: centre.longitude, latitude: centre.latitude + grid.cellHeightDegrees)
      let dxMetres = geodesic.distanceMetres(centre, east)
      let dyMetres = geodesic.distanceMetres(centre, north)
      for col in 0..<cols {
        guard let west = grid.elevation(row: row, column: max(col - 1, 0)),
          let eastValue = grid.elevation(row: row, column: min(col + 1, cols - 1)),
          let northValue = grid.elevation(row: max(row - 1, 0), column: col),
          let south = grid.elevation(row: min(row + 1, rows - 1), column: col)
        else { continue }
        let spanX = Double(min(col + 1, cols - 1) - max(col - 1, 0)) * dxMetres
        let spanY = Double(min(row + 1, rows - 1) - max(row - 1, 0)) * dyMetres
        let gx: Double = spanX > 0 ? (eastValue - west) / spanX : 0
        let gy: Double = spanY > 0 ? (northValue - south) / spanY : 0
        let gradient: Double = (gx * gx + gy * gy).squareRoot()
        slopes[row * cols + col] = Float(atan(gradient) * 180 / Double.pi)
      }
    }
    return ElevationGrid(
      columnCount: cols, rowCount: rows, westLongitude: grid.westLongitude, northLatitude: grid.northLatitude,
      cellWidthDegrees: grid.cellWidthDegrees, cellHeightDegrees: grid.cellHeightDegrees, elevations: slopes)
  }

  /// Water depth at `c`, metres, positive down (≤ 0 = dry); nil outside the grid or without data.
  public func depthMetres(at c: Coordinate) -> Double? {
    grid.depthMetres(at: c, waterSurfaceM: waterSurfaceM)
  }

  /// Seabed slope at `c`, degrees; nil outside the grid or without data.
  public func slopeDegrees(at c: Coordinate) -> Double? {
    slopes.elevation(at: c)
  }
}

extension SeabedRelief {
  /// The relief a pass at `cellSizeM` cells reads: the grid's mosaic with every layer finer than
  /// that replaced by its block means (`ElevationGrid.blockMeans`), so that a coarse pass sees
  /// fine survey data as block statistics, never as fine cells sampled at coarse centres, and
  /// its slopes are those of the aggregated seabed.
  public init(grid: ElevationGrid, waterSurfaceM: Double, cellSizeM: Double) {
    // The base stays the base: only the finer layers laid over it are aggregated.
    func area(_ g: ElevationGrid) -> Double { g.cellWidthDegrees * g.cellHeightDegrees }
    let finer = grid.refinements.map { $0.blockMeans(toCellSizeM: cellSizeM) }.sorted { area($0) < area($1) }
    self.init(grid: grid.withoutRefinements.replacingRefinements(with: finer), waterSurfaceM: waterSurfaceM)
  }
}

extension ElevationGrid {
  /// Cell width and height in metres at the grid's middle latitude (a degree of latitude taken
  /// as 111.32 km).
  var cellMetres: (width: Double, height: Double) {
    let latitude = (extent.minLatitude + extent.maxLatitude) / 2
    return (
      cellWidthDegrees * 111_320 * cos(latitude * Double.pi / 180), cellHeightDegrees * 111_320
    )
  }

  /// The grid's resolution in metres: the larger of its cell's sides.
  var cellSizeMetres: Double { max(cellMetres.width, cellMetres.height) }

  /// How many whole cells across and down make one block of `blockMeans(toCellSizeM:)`.
  func blockFactors(toCellSizeM cellSizeM: Double) -> (kx: Int, ky: Int) {
    let (width, height) = cellMetres
    return (max(1, Int((cellSizeM / width).rounded(.down))), max(1, Int((cellSizeM / height).rounded(.down))))
  }

  /// This grid's own lattice (refinements dropped) aggregated to cells of about `cellSizeM`:
  /// blocks of whole cells (as many as fit in `cellSizeM` each way), each the mean of its
  /// values, no data where fewer than half of them have a value; a partial block at the south
  /// or east edge is dropped. Unchanged when the grid is not finer than `cellSizeM`.
  public func blockMeans(toCellSizeM cellSizeM: Double) -> ElevationGrid {
    let (kx, ky) = blockFactors(toCellSizeM: cellSizeM)
    guard kx > 1 || ky > 1, columnCount / kx >= 1, rowCount / ky >= 1 else { return withoutRefinements }
    let cols = columnCount / kx
    let rows = rowCount / ky
    var values = [Float](repeating: .nan, count: rows * cols)
    for row in 0..<rows {
      for col in 0..<cols {
        var sum = 0.0
        var count = 0
        for r in (row * ky)..<(row * ky + ky) {
          for c in (col * kx)..<(col * kx + kx) {
            let value = elevations[r * columnCount + c]
            if !value.isNaN {
              sum += Double(value)
              count += 1
            }
          }
        }
        if 2 * count >= kx * ky { values[row * cols + col] = Float(sum / Double(count)) }
      }
    }
    return ElevationGrid(
      columnCount: cols, rowCount: rows, westLongitude: westLongitude, northLatitude: northLatitude,
      cellWidthDegrees: cellWidthDegrees * Double(kx), cellHeightDegrees: cellHeightDegrees * Double(ky),
      elevations: values)
  }
}
