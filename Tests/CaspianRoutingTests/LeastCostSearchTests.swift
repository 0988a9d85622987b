import Testing

@testable import CaspianRouting

/// Deterministic pseudo-random numbers (SplitMix64) so the random grids are the same every run.
private struct SplitMix64: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

private func grid(_ rows: [[Float32]], cellSize: Double = 1) throws -> CostGrid {
  try CostGrid(rows: rows.count, cols: rows[0].count, cellSizeMetres: cellSize, costs: rows.flatMap { $0 })
}

private func cell(_ r: Int, _ c: Int) -> GridCell { GridCell(row: r, col: c) }

private let inf = Float32.infinity

/// Reference: Bellman–Ford style relaxation of every cell until nothing changes, with the step
/// rule written out independently (length × mean of the two end costs).
private func bruteForceCost(
  _ g: CostGrid, from s: GridCell, to t: GridCell, knight: Bool, quarterKnights: Bool
) -> Double {
  var moves: [(Int, Int)] = []
  for dr in -2...2 {
    for dc in -2...2 where (dr, dc) != (0, 0) {
      let manhattan = abs(dr) + abs(dc)
      let isKing = abs(dr) <= 1 && abs(dc) <= 1
      let isKnight = manhattan == 3 && abs(dr) >= 1 && abs(dc) >= 1
      if isKing || (knight && isKnight) { moves.append((dr, dc)) }
    }
  }
  func cost(_ r: Int, _ c: Int) -> Double { Double(g.costs[r * g.cols + c]) }
  var dist = [Double](repeating: .infinity, count: g.rows * g.cols)
  guard cost(s.row, s.col).isFinite else { return .infinity }
  dist[s.row * g.cols + s.col] = 0
  var changed = true
  while changed {
    changed = false
    for r in 0..<g.rows {
      for c in 0..<g.cols where dist[r * g.cols + c].isFinite {
        for (dr, dc) in moves {
          let nr = r + dr
          let nc = c + dc
          guard nr >= 0, nr < g.rows, nc >= 0, nc < g.cols, cost(nr, nc).isFinite else { continue }
          let length = Double(dr * dr + dc * dc).squareRoot() * g.cellSizeMetres
          var candidate = dist[r * g.cols + c] + length * (cost(r, c) + cost(nr, nc)) / 2
          if quarterKnights && abs(dr) + abs(dc) == 3 {
            // The segment crosses the two cells next to the midpoint of the move: a quarter of
            // its length in each of the four cells.
            let mids: [(Int, Int)] =
              abs(dr) == 2
              ? [(r + dr / 2, c), (r + dr / 2, c + dc)] : [(r, c + dc / 2), (r + dr, c + dc / 2)]
            let crossed = [cost(r, c), cost(nr, nc)] + mids.map { cost($0.0, $0.1) }
            candidate = dist[r * g.cols + c] + length * crossed.reduce(0, +) / 4
          }
          guard candidate.isFinite else { continue }
          if candidate < dist[nr * g.cols + nc] - 1e-12 {
            dist[nr * g.cols + nc] = candidate
            changed = true
          }
        }
      }
    }
  }
  return dist[t.row * g.cols + t.col]
}

/// The cost of a path recomputed from its cells, checking that each step is a legal move:
/// MCP_Geometric's end-cell rule, or the exact segment cost when knight moves are costed by
/// the cells they cross.
private func pathCost(_ path: RasterPath, in g: CostGrid, connectivity: Connectivity, crossedCells: Bool)
  -> Double
{
  var total = 0.0
  for (a, b) in zip(path.cells, path.cells.dropFirst()) {
    let dr = b.row - a.row
    let dc = b.col - a.col
    #expect(connectivity.offsets.contains { $0.row == dr && $0.col == dc }, "illegal move \(a) → \(b)")
    let length = Double(dr * dr + dc * dc).squareRoot() * g.cellSizeMetres
    total +=
      crossedCells
      ? g.segmentCost(fromRow: Double(a.row), col: Double(a.col), toRow: Double(b.row), col: Double(b.col))
      : length * Double(g[a] + g[b]) / 2
  }
  return total
}

@Suite("Least-cost search")
struct LeastCostSearchTests {
  @Test("Uniform grid: diagonal, knight move and straight line have their Euclidean costs")
  func uniformGrid() throws {
    let g = try grid(Array(repeating: Array(repeating: 1, count: 5), count: 5), cellSize: 100)
    let eight = LeastCostSearch(connectivity: .eight)
    let sixteen = LeastCostSearch(connectivity: .sixteen)
    let diagonal = try #require(
      eight.findPath(in: g, from: [.init(cell: cell(0, 0))], to: [.init(cell: cell(2, 2))]))
    #expect(abs(diagonal.cost - 200 * 2.0.squareRoot()) < 1e-9)
    #expect(diagonal.cells == [cell(0, 0), cell(1, 1), cell(2, 2)])
    // (0,0) → (1,2): 100 + 100√2 with 8 neighbours, 100√5 with a knight move.
    let p8 = try #require(
      eight.findPath(in: g, from: [.init(cell: cell(0, 0))], to: [.init(cell: cell(1, 2))]))
    #expect(abs(p8.cost - (100 + 100 * 2.0.squareRoot())) < 1e-9)
    let p16 = try #require(
      sixteen.findPath(in: g, from: [.init(cell: cell(0, 0))], to: [.init(cell: cell(1, 2))]))
    #expect(abs(p16.cost - 100 * 5.0.squareRoot()) < 1e-9)
    #expect(p16.cells == [cell(0, 0), cell(1, 2)])
  }

  @Test("A step costs its length times the mean of its two end cells (MCP_Geometric)")
  func geometricStepCost() throws {
    let g = try grid([[1, 3, 1]], cellSize: 10)
    let p = try #require(
      LeastCostSearch(connectivity: .eight).findPath(
        in: g, from: [.init(cell: cell(0, 0))], to: [.init(cell: cell(0, 2))]))
    #expect(p.cost == 40)  // 10 × (1+3)/2 + 10 × (3+1)/2
    #expect(p.cells.count == 3)
  }

  @Test("A wall forces the path around its gap; the cost is the hand-computed detour")
  func wallDetour() throws {
    // Column 2 is closed except in row 3; start (0,0), end (0,4), uniform cost 1, 1 m cells.
    var rows = Array(repeating: [Float32](repeating: 1, count: 5), count: 4)
    for r in 0..<3 { rows[r][2] = inf }
    let g = try grid(rows)
    let p = try #require(
      LeastCostSearch(connectivity: .eight).findPath(
        in: g, from: [.init(cell: cell(0, 0))], to: [.init(cell: cell(0, 4))]))
    // Down to (3,2) via (1,0)? best: (0,0)→(1,1)→(2,1)→(3,2)→(2,3)→(1,3)→(0,4): 4 diagonals + 2 straight.
    #expect(abs(p.cost - (4 * 2.0.squareRoot() + 2)) < 1e-9)
    #expect(p.cells.contains(cell(3, 2)))
  }

  @Test("Knight moves costed by the cells they cross cannot hop over a closed cell")
  func knightOverClosedCell() throws {
    let g = try grid([[1, inf, 1], [1, 1, 1]])
    let endpoints = ([SearchEndpoint(cell: cell(0, 0))], [SearchEndpoint(cell: cell(1, 2))])
    let strict = try #require(
      LeastCostSearch(connectivity: .sixteen).findPath(in: g, from: endpoints.0, to: endpoints.1))
    #expect(abs(strict.cost - (1 + 2.0.squareRoot())) < 1e-9)
    let loose = try #require(
      LeastCostSearch(connectivity: .sixteen, knightMoveCost: .endCells)
        .findPath(in: g, from: endpoints.0, to: endpoints.1))
    #expect(abs(loose.cost - 5.0.squareRoot()) < 1e-9)
  }

  @Test("No path: a closed ring around the target, or endpoints on closed cells")
  func noPath() throws {
    let g = try grid([[1, 1, 1, 1, 1], [1, inf, inf, inf, 1], [1, inf, 1, inf, 1], [1, inf, inf, inf, 1]])
    for connectivity in Connectivity.allCases {
      let search = LeastCostSearch(connectivity: connectivity)
      #expect(search.findPath(in: g, from: [.init(cell: cell(0, 0))], to: [.init(cell: cell(2, 2))]) == nil)
      #expect(search.findPath(in: g, from: [.init(cell: cell(1, 1))], to: [.init(cell: cell(0, 4))]) == nil)
    }
  }

  @Test("Several sources and targets: connection costs are added and the cheapest pair wins")
  func multipleEndpoints() throws {
    let g = try grid(Array(repeating: Array(repeating: 1, count: 10), count: 1))
    let p = try #require(
      LeastCostSearch().findPath(
        in: g,
        from: [.init(cell: cell(0, 0), connectionCost: 0), .init(cell: cell(0, 3), connectionCost: 5)],
        to: [.init(cell: cell(0, 9), connectionCost: 1), .init(cell: cell(0, 7), connectionCost: 0.5)]))
    // From (0,0): 7 + 0.5 = 7.5; from (0,3) costs 5 + 4 + 0.5 = 9.5.
    #expect(p.cost == 7.5)
    #expect(p.cells.first == cell(0, 0) && p.cells.last == cell(0, 7))
  }

  @Test(
    "Random grids: A* and Dijkstra match a brute-force reference",
    arguments: [Connectivity.eight, .sixteen], [false, true])
  func randomGrids(connectivity: Connectivity, strict: Bool) throws {
    var rng = SplitMix64(state: UInt64(connectivity.rawValue) &* 7919 &+ (strict ? 1 : 0))
    for trial in 0..<25 {
      let rows = Int.random(in: 3...14, using: &rng)
      let cols = Int.random(in: 3...14, using: &rng)
      let costs = (0..<(rows * cols)).map { _ -> Float32 in
        Double.random(in: 0..<1, using: &rng) < 0.2 ? inf : Float32(Int.random(in: 1...9, using: &rng))
      }
      let g = try CostGrid(rows: rows, cols: cols, cellSizeMetres: 250, costs: costs)
      let s = cell(Int.random(in: 0..<rows, using: &rng), Int.random(in: 0..<cols, using: &rng))
      let t = cell(Int.random(in: 0..<rows, using: &rng), Int.random(in: 0..<cols, using: &rng))
      let expected = bruteForceCost(
        g, from: s, to: t, knight: connectivity == .sixteen, quarterKnights: strict)
      for strategy in SearchStrategy.allCases {
        let search = LeastCostSearch(
          connectivity: connectivity, strategy: strategy, knightMoveCost: strict ? .crossedCells : .endCells)
        let found = search.findPath(in: g, from: [.init(cell: s)], to: [.init(cell: t)])
        if expected.isFinite {
          let path = try #require(found, "trial \(trial) \(strategy): no path, expected \(expected)")
          #expect(abs(path.cost - expected) < 1e-6 * max(1, expected), "trial \(trial) \(strategy)")
          #expect(
            abs(pathCost(path, in: g, connectivity: connectivity, crossedCells: strict) - path.cost)
              < 1e-6 * max(1, expected))
          #expect(path.cells.first == s && path.cells.last == t)
          #expect(path.cells.allSatisfy { g.isPassable($0) })
        } else {
          #expect(found == nil, "trial \(trial) \(strategy): found a path where none exists")
        }
      }
    }
  }

  @Test("Segment cost: exact lengths inside each crossed cell")
  func segmentCost() throws {
    let g = try grid([[1, 2, 3], [inf, 1, 1]], cellSize: 10)
    #expect(g.segmentCost(fromRow: 0, col: 0, toRow: 0, col: 2) == 10 * (0.5 * 1 + 2 + 0.5 * 3))
    // A diagonal through a corner touches (1,0) and (0,1) only at that corner.
    let diagonal = g.segmentCost(fromRow: 1, col: 1, toRow: 0, col: 2)
    #expect(abs(diagonal - 10 * 2.0.squareRoot() * (1 + 3) / 2) < 1e-9)
    #expect(g.segmentCost(fromRow: 0, col: 0, toRow: 1, col: 1).isFinite)
    #expect(g.segmentCost(fromRow: 0, col: 1, toRow: 1, col: 0) == .infinity)
    #expect(g.segmentCost(fromRow: 0, col: 0, toRow: 0, col: 3) == .infinity)  // leaves the grid
    // A knight move crosses four cells: 1/4 of its length in each.
    let knight = g.segmentCost(fromRow: 0, col: 0, toRow: 1, col: 2)
    #expect(abs(knight - 10 * 5.0.squareRoot() * (1 + 2 + 1 + 1) / 4) < 1e-9)
  }

  @Test("Bad grids are rejected with a one-line reason")
  func badGrids() {
    #expect(throws: CostGridError.countMismatch(expected: 4, actual: 3)) {
      try CostGrid(rows: 2, cols: 2, cellSizeMetres: 1, costs: [1, 1, 1])
    }
    #expect(throws: CostGridError.badCost(row: 1, col: 0, value: -1)) {
      try CostGrid(rows: 2, cols: 2, cellSizeMetres: 1, costs: [1, 1, -1, 1])
    }
    #expect(throws: CostGridError.badCellSize(0)) {
      try CostGrid(rows: 1, cols: 1, cellSizeMetres: 0, costs: [1])
    }
    #expect(throws: (any Error).self) { try CostGrid(rows: 1, cols: 1, cellSizeMetres: 1, costs: [.nan]) }
  }

  @Test("The 4-ary heap pops in key order")
  func heapOrder() {
    var rng = SplitMix64(state: 42)
    var heap = MinHeap(capacity: 2)
    var keys: [Double] = []
    for i in 0..<1000 {
      let k = Double(Int.random(in: 0..<200, using: &rng))
      keys.append(k)
      heap.push(k, Int32(i))
    }
    var popped: [Double] = []
    while !heap.isEmpty { popped.append(heap.pop().key) }
    #expect(popped == keys.sorted())
  }
}
