/// Which neighbours a step may reach: 8 (rook and bishop moves) or 16 (plus knight moves).
///
/// Raster paths overstate the straight-line length by up to 8.2% with 8 neighbours and 2.8%
/// with 16, before straightening.
public enum Connectivity: Int, Sendable, CaseIterable {
  case eight = 8
  case sixteen = 16

  /// The (row, col) offsets of the moves, in a fixed order (the order scikit-image's
  /// `MCP_Geometric` is given by the benchmark).
  public var offsets: [(row: Int, col: Int)] {
    let king: [(row: Int, col: Int)] = [
      (-1, -1), (-1, 0), (-1, 1), (0, -1), (0, 1), (1, -1), (1, 0), (1, 1),
    ]
    let knight: [(row: Int, col: Int)] = [
      (-2, -1), (-2, 1), (-1, -2), (-1, 2), (1, -2), (1, 2), (2, -1), (2, 1),
    ]
    return self == .eight ? king : king + knight
  }
}

/// How the search orders cells: A* with a straight-line lower bound (the grid's cheapest cost
/// per metre times the distance to the goal), or plain Dijkstra.
public enum SearchStrategy: String, Sendable, CaseIterable {
  case aStar = "a-star"
  case dijkstra
}

/// How a knight move (one cell one way, two the other) is costed.
public enum KnightMoveCost: String, Sendable, CaseIterable {
  /// As scikit-image's `MCP_Geometric`: length × mean of the two end cells; the two cells the
  /// move passes over in between are not looked at (a closed or costly cell can be hopped).
  case endCells = "end-cells"
  /// Length × mean of the four cells the move's straight segment crosses (a quarter of its
  /// length lies in each), which is `CostGrid.segmentCost` of the move: no cell is hopped.
  case crossedCells = "crossed-cells"
}

/// Where a path may start or end: a cell and the cost (cost units, i.e. cost per metre × metres)
/// of connecting it to the true start or end point, e.g. the leg from a landing to the cell.
public struct SearchEndpoint: Sendable, Hashable {
  public var cell: GridCell
  public var connectionCost: Double

  public init(cell: GridCell, connectionCost: Double = 0) {
    self.cell = cell
    self.connectionCost = connectionCost
  }
}

/// The cheapest raster path found: cells from a source to a target, and its cost.
public struct RasterPath: Sendable, Equatable {
  /// Cells from the source endpoint to the target endpoint, each a grid move from the last.
  public var cells: [GridCell]
  /// Source connection cost + the cost of every step + target connection cost (cost units).
  public var cost: Double
  /// How many cells the search settled (a measure of the work done).
  public var settledCells: Int
}

/// Least-cost path search over a `CostGrid`, compatible with scikit-image's `MCP_Geometric`:
/// a step from cell a to cell b costs `length(a→b) × (cost(a) + cost(b)) / 2`, the length
/// being the centre-to-centre distance in metres (knight moves: see `KnightMoveCost`).
///
/// Memory is proportional to the grid: per cell one `Double` (best cost so far) and one byte
/// (back-pointer + flags), plus a heap of the open frontier.
public struct LeastCostSearch: Sendable {
  public var connectivity: Connectivity
  public var strategy: SearchStrategy
  public var knightMoveCost: KnightMoveCost

  public init(
    connectivity: Connectivity = .sixteen, strategy: SearchStrategy = .aStar,
    knightMoveCost: KnightMoveCost = .crossedCells
  ) {
    self.connectivity = connectivity
    self.strategy = strategy
    self.knightMoveCost = knightMoveCost
  }

  private static let closedFlag: UInt8 = 0x80
  private static let targetFlag: UInt8 = 0x40
  private static let noParent: UInt8 = 0x1F
  private static let parentMask: UInt8 = 0x1F

  /// Finds the cheapest path from any of `sources` to any of `targets`.
  ///
  /// Endpoints outside the grid or on impassable cells are ignored.
  /// - Returns: the path, or nil when no target can be reached.
  public func findPath(in grid: CostGrid, from sources: [SearchEndpoint], to targets: [SearchEndpoint])
    -> RasterPath?
  {
    let usableSources = sources.filter { grid.contains($0.cell) && grid.isPassable($0.cell) }
    let usableTargets = targets.filter { grid.contains($0.cell) && grid.isPassable($0.cell) }
    guard !usableSources.isEmpty, !usableTargets.isEmpty else { return nil }

    let rows = grid.rows
    let cols = grid.cols
    let cellSize = grid.cellSizeMetres
    let moves = connectivity.offsets
    let moveCount = moves.count
    let moveRow = moves.map { Int($0.row) }
    let moveCol = moves.map { Int($0.col) }
    let moveIndex = moves.map { $0.row * cols + $0.col }
    let moveHalfLength = moves.map { m -> Double in
      0.5 * cellSize * Double(m.row * m.row + m.col * m.col).squareRoot()
    }
    // For knight moves: the linear offsets of the two cells the segment crosses in between.
    let between: [(Int, Int)] = moves.map { m in
      if abs(m.row) == 2 { return ((m.row / 2) * cols, (m.row / 2) * cols + m.col) }
      if abs(m.col) == 2 { return (m.col / 2, m.row * cols + m.col / 2) }
      return (0, 0)
    }
    let isKnight = moves.map { abs($0.row) + abs($0.col) == 3 }
    let crossedCells = knightMoveCost == .crossedCells

    // A* lower bound: cheapest cost per metre × straight distance to the target set (its
    // centroid less its radius, so the bound holds for every target and stays consistent).
    var heuristicScale = 0.0
    if strategy == .aStar, let minCost = grid.minimumFiniteCost {
      heuristicScale = Double(minCost) * cellSize
    }
    let goalRow = usableTargets.map { Double($0.cell.row) }.reduce(0, +) / Double(usableTargets.count)
    let goalCol = usableTargets.map { Double($0.cell.col) }.reduce(0, +) / Double(usableTargets.count)
    var goalRadius = 0.0
    for t in usableTargets {
      let dr: Double = Double(t.cell.row) - goalRow
      let dc: Double = Double(t.cell.col) - goalCol
      goalRadius = max(goalRadius, (dr * dr + dc * dc).squareRoot())
    }
    var targetCost: [Int32: Double] = [:]
    for t in usableTargets {
      let i = Int32(t.cell.row * cols + t.cell.col)
      targetCost[i] = min(targetCost[i] ?? .infinity, t.connectionCost)
    }

    var best = Double.infinity
    var bestTarget: Int32 = -1
    var settled = 0
    var heap = MinHeap()
    var dist = [Double](repeating: .infinity, count: rows * cols)
    var state = [UInt8](repeating: Self.noParent, count: rows * cols)

    grid.costs.withUnsafeBufferPointer { cost in
      dist.withUnsafeMutableBufferPointer { dist in
        state.withUnsafeMutableBufferPointer { state in
          @inline(__always) func heuristic(_ r: Int, _ c: Int) -> Double {
            if heuristicScale == 0 { return 0 }
            let dr = Double(r) - goalRow
            let dc = Double(c) - goalCol
            return heuristicScale * max(0, (dr * dr + dc * dc).squareRoot() - goalRadius)
          }
          for i in targetCost.keys { state[Int(i)] |= Self.targetFlag }
          for s in usableSources {
            let i = s.cell.row * cols + s.cell.col
            if s.connectionCost < dist[i] {
              dist[i] = s.connectionCost
              heap.push(s.connectionCost + heuristic(s.cell.row, s.cell.col), Int32(i))
            }
          }
          while !heap.isEmpty {
            let (key, value) = heap.pop()
            if key >= best { break }
            let index = Int(value)
            let flags = state[index]
            if flags & Self.closedFlag != 0 { continue }
            state[index] = flags | Self.closedFlag
            settled += 1
            let g = dist[index]
            if flags & Self.targetFlag != 0 {
              let total = g + targetCost[value]!
              if total < best {
                best = total
                bestTarget = value
              }
            }
            let r = index / cols
            let c = index - r * cols
            let here = Double(cost[index])
            for m in 0..<moveCount {
              let nr = r + moveRow[m]
              let nc = c + moveCol[m]
              if nr < 0 || nr >= rows || nc < 0 || nc >= cols { continue }
              let n = index + moveIndex[m]
              if state[n] & Self.closedFlag != 0 { continue }
              let there = cost[n]
              if !there.isFinite { continue }
              var candidate: Double
              if crossedCells && isKnight[m] {
                let (b1, b2) = between[m]
                let c1 = cost[index + b1]
                let c2 = cost[index + b2]
                if !c1.isFinite || !c2.isFinite { continue }
                candidate = g + moveHalfLength[m] * 0.5 * (here + Double(there) + Double(c1) + Double(c2))
              } else {
                candidate = g + moveHalfLength[m] * (here + Double(there))
              }
              if candidate < dist[n] {
                dist[n] = candidate
                state[n] = (state[n] & ~Self.parentMask) | UInt8(m)
                heap.push(candidate + heuristic(nr, nc), Int32(n))
              }
            }
          }
        }
      }
    }
    guard bestTarget >= 0 else { return nil }

    var cells: [GridCell] = []
    var index = Int(bestTarget)
    while true {
      let r = index / cols
      cells.append(GridCell(row: r, col: index - r * cols))
      let parent = state[index] & Self.parentMask
      if parent == Self.noParent { break }
      index -= moveIndex[Int(parent)]
    }
    cells.reverse()
    return RasterPath(cells: cells, cost: best, settledCells: settled)
  }
}
