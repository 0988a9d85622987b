import Foundation

/// A cell of a raster, by row (0 = top, i.e. north) and column (0 = left, i.e. west).
public struct GridCell: Sendable, Hashable, Comparable, CustomStringConvertible {
  public var row: Int
  public var col: Int

  public init(row: Int, col: Int) {
    self.row = row
    self.col = col
  }

  public static func < (a: GridCell, b: GridCell) -> Bool {
    (a.row, a.col) < (b.row, b.col)
  }

  public var description: String { "(row \(row), col \(col))" }
}

/// A cost surface for least-cost routing: `rows × cols` square cells of `cellSizeMetres` in a
/// planar metric frame, each holding a cost per metre travelled through it.
///
/// A cost of `+infinity` marks an impassable cell (land, a no-go zone). Finite costs must be
/// zero or positive. Cells are stored row-major as `Float32` to keep grids of tens of millions
/// of cells in memory.
public struct CostGrid: Sendable {
  public let rows: Int
  public let cols: Int
  /// Side of a square cell, metres.
  public let cellSizeMetres: Double
  /// Cost per metre of each cell, row-major (`row * cols + col`); `+infinity` = impassable.
  public private(set) var costs: [Float32]

  /// - Throws: `CostGridError` when the shape does not match the data, the cell size is not
  ///   positive, or a cost is negative or NaN.
  public init(rows: Int, cols: Int, cellSizeMetres: Double, costs: [Float32]) throws {
    guard rows > 0, cols > 0, rows <= Int(Int32.max) / cols else {
      throw CostGridError.badShape(rows: rows, cols: cols)
    }
    guard costs.count == rows * cols else {
      throw CostGridError.countMismatch(expected: rows * cols, actual: costs.count)
    }
    guard cellSizeMetres.isFinite, cellSizeMetres > 0 else {
      throw CostGridError.badCellSize(cellSizeMetres)
    }
    if let bad = costs.firstIndex(where: { !($0 >= 0) }) {
      throw CostGridError.badCost(row: bad / cols, col: bad % cols, value: costs[bad])
    }
    self.rows = rows
    self.cols = cols
    self.cellSizeMetres = cellSizeMetres
    self.costs = costs
  }

  /// Whether `cell` lies inside the grid.
  public func contains(_ cell: GridCell) -> Bool {
    cell.row >= 0 && cell.row < rows && cell.col >= 0 && cell.col < cols
  }

  /// The cost per metre of a cell inside the grid.
  public subscript(cell: GridCell) -> Float32 {
    get { costs[cell.row * cols + cell.col] }
  }

  /// Sets the cost per metre of a cell inside the grid (`+infinity` closes it).
  public mutating func setCost(_ cost: Float32, at cell: GridCell) {
    precondition(cost >= 0, "cost must be >= 0 or +infinity")
    costs[cell.row * cols + cell.col] = cost
  }

  /// Whether a cell inside the grid can be entered.
  public func isPassable(_ cell: GridCell) -> Bool {
    costs[cell.row * cols + cell.col].isFinite
  }

  /// The smallest finite cost per metre in the grid, or nil when every cell is impassable.
  public var minimumFiniteCost: Float32? {
    var best = Float32.infinity
    for c in costs where c < best { best = c }
    return best.isFinite ? best : nil
  }
}

/// A cost grid could not be built from the values given.
public enum CostGridError: Error, Equatable, LocalizedError, CustomStringConvertible {
  case badShape(rows: Int, cols: Int)
  case countMismatch(expected: Int, actual: Int)
  case badCellSize(Double)
  case badCost(row: Int, col: Int, value: Float32)

  public var description: String {
    switch self {
    case .badShape(let rows, let cols):
      "cost grid: \(rows) rows × \(cols) columns is not a usable shape"
    case .countMismatch(let expected, let actual):
      "cost grid: expected \(expected) cell costs, got \(actual)"
    case .badCellSize(let size):
      "cost grid: cell size \(size) m must be a positive number"
    case .badCost(let row, let col, let value):
      "cost grid: cell (row \(row), col \(col)) has cost \(value); costs must be >= 0 or +infinity"
    }
  }

  public var errorDescription: String? { description }
}

extension CostGrid {
  /// The cost of travelling the straight segment between two points given in fractional grid
  /// coordinates (cell `(r, c)` spans rows `r − 0.5 ..< r + 0.5` and columns likewise, so a
  /// cell's centre is at its integer row and column): the sum over every cell the segment
  /// crosses of cost per metre × metres inside the cell (cost units).
  ///
  /// A segment that merely touches a cell at a corner does not cross it. Between two cell
  /// centres one move apart, this equals the `MCP_Geometric` step cost.
  /// - Returns: the cost, or `+infinity` when the segment crosses an impassable cell or leaves
  ///   the grid.
  public func segmentCost(fromRow r0: Double, col c0: Double, toRow r1: Double, col c1: Double) -> Double {
    let y0 = r0 + 0.5
    let x0 = c0 + 0.5
    let dy = r1 - r0
    let dx = c1 - c0
    var row = Int(y0.rounded(.down))
    var col = Int(x0.rounded(.down))
    let lengthMetres = (dx * dx + dy * dy).squareRoot() * cellSizeMetres
    let stepRow = dy > 0 ? 1 : -1
    let stepCol = dx > 0 ? 1 : -1
    let deltaRow = dy != 0 ? 1 / abs(dy) : .infinity
    let deltaCol = dx != 0 ? 1 / abs(dx) : .infinity
    var nextRow = dy > 0 ? (Double(row + 1) - y0) / dy : dy < 0 ? (y0 - Double(row)) / -dy : .infinity
    var nextCol = dx > 0 ? (Double(col + 1) - x0) / dx : dx < 0 ? (x0 - Double(col)) / -dx : .infinity
    var t = 0.0
    var total = 0.0
    while true {
      guard row >= 0, row < rows, col >= 0, col < cols else { return .infinity }
      let tEnd = min(nextRow, nextCol, 1)
      if tEnd > t {
        let cost = costs[row * cols + col]
        guard cost.isFinite else { return .infinity }
        total += Double(cost) * (tEnd - t) * lengthMetres
      }
      if tEnd >= 1 { return total }
      if nextRow < nextCol {
        row += stepRow
        nextRow += deltaRow
      } else if nextCol < nextRow {
        col += stepCol
        nextCol += deltaCol
      } else {
        // Through a corner exactly: the two side cells are only touched.
        row += stepRow
        col += stepCol
        nextRow += deltaRow
        nextCol += deltaCol
      }
      t = tEnd
    }
  }
}
