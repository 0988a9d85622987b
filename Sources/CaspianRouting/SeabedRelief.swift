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
