import Foundation

/// A point in a planar metric frame (metres east and north of the projection's origin).
public struct PlanarPoint: Sendable, Hashable {
  public var x: Double
  public var y: Double

  public init(x: Double, y: Double) {
    self.x = x
    self.y = y
  }
}

/// A point in fractional grid coordinates: cell `(r, c)` spans rows `r − 0.5 ..< r + 0.5`
/// and columns `c − 0.5 ..< c + 0.5`, so its centre is at `(row: r, col: c)`.
public struct GridPoint: Sendable, Hashable {
  public var row: Double
  public var col: Double

  public init(row: Double, col: Double) {
    self.row = row
    self.col = col
  }

  /// The cell containing the point.
  public var cell: GridCell {
    GridCell(row: Int((row + 0.5).rounded(.down)), col: Int((col + 0.5).rounded(.down)))
  }

  /// Straight-line distance to another grid point, in cells.
  public func distance(to other: GridPoint) -> Double {
    let dr = row - other.row
    let dc = col - other.col
    return (dr * dr + dc * dc).squareRoot()
  }
}

/// Where a grid lies in a planar metric frame: cells are squares of `cellSizeMetres`; columns
/// run along the direction `angleRadians` (counter-clockwise from planar east) and rows at right
/// angles to it, to its right. Unrotated (angle 0), row 0 is the northern edge and column 0 the
/// western edge; a corridor frame is turned to lie along its route.
public struct RasterFrame: Sendable, Hashable {
  /// Planar position of the centre of cell (0, 0), metres.
  public var origin: PlanarPoint
  /// Side of a square cell, metres.
  public var cellSizeMetres: Double
  public var rows: Int
  public var cols: Int
  /// Direction of increasing column, radians counter-clockwise from planar east.
  public var angleRadians: Double

  public init(origin: PlanarPoint, cellSizeMetres: Double, rows: Int, cols: Int, angleRadians: Double = 0) {
    self.origin = origin
    self.cellSizeMetres = cellSizeMetres
    self.rows = rows
    self.cols = cols
    self.angleRadians = angleRadians
  }

  /// The smallest frame of `cellSizeMetres` cells covering the planar box from `min` to `max`
  /// with `marginCells` extra cells on every side.
  public init(covering min: PlanarPoint, _ max: PlanarPoint, cellSizeMetres: Double, marginCells: Int) {
    let cols = Int(((max.x - min.x) / cellSizeMetres).rounded(.up)) + 1 + 2 * marginCells
    let rows = Int(((max.y - min.y) / cellSizeMetres).rounded(.up)) + 1 + 2 * marginCells
    let origin = PlanarPoint(
      x: min.x - Double(marginCells) * cellSizeMetres, y: max.y + Double(marginCells) * cellSizeMetres)
    self.init(origin: origin, cellSizeMetres: cellSizeMetres, rows: rows, cols: cols)
  }

  public var cellCount: Int { rows * cols }

  /// Unit vectors, planar: along the columns (`u`) and down the rows (`d`, `u` turned clockwise).
  private var axes: (u: PlanarPoint, d: PlanarPoint) {
    if angleRadians == 0 { return (PlanarPoint(x: 1, y: 0), PlanarPoint(x: 0, y: -1)) }
    let c = cos(angleRadians)
    let s = sin(angleRadians)
    return (PlanarPoint(x: c, y: s), PlanarPoint(x: s, y: -c))
  }

  public func gridPoint(_ p: PlanarPoint) -> GridPoint {
    let (u, d) = axes
    let dx = p.x - origin.x
    let dy = p.y - origin.y
    return GridPoint(row: (dx * d.x + dy * d.y) / cellSizeMetres, col: (dx * u.x + dy * u.y) / cellSizeMetres)
  }

  public func planarPoint(_ g: GridPoint) -> PlanarPoint {
    let (u, d) = axes
    return PlanarPoint(
      x: origin.x + (g.col * u.x + g.row * d.x) * cellSizeMetres,
      y: origin.y + (g.col * u.y + g.row * d.y) * cellSizeMetres)
  }

  /// The planar centre of a cell.
  public func centre(of cell: GridCell) -> PlanarPoint {
    planarPoint(GridPoint(row: Double(cell.row), col: Double(cell.col)))
  }

  public func contains(_ cell: GridCell) -> Bool {
    cell.row >= 0 && cell.row < rows && cell.col >= 0 && cell.col < cols
  }
}
