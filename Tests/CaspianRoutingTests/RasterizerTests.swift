import CaspianGeometry
import Testing

@testable import CaspianRouting

private func gp(_ r: Double, _ c: Double) -> GridPoint { GridPoint(row: r, col: c) }

@Suite("Rasterizer")
struct RasterizerTests {
  @Test("Interior: cell centres inside a square with a square hole")
  func interiorWithHole() {
    // Outer square spans rows/cols 0.5...7.5 (centres 1...7); the hole spans 2.5...4.5 (centres 3, 4).
    let outer = [gp(0.5, 0.5), gp(0.5, 7.5), gp(7.5, 7.5), gp(7.5, 0.5)]
    let hole = [gp(2.5, 2.5), gp(4.5, 2.5), gp(4.5, 4.5), gp(2.5, 4.5)]
    var inside = Set<GridCell>()
    Rasterizer.interior(of: [outer, hole], rows: 10, cols: 10) { r, cols in
      for c in cols { inside.insert(GridCell(row: r, col: c)) }
    }
    var expected = Set<GridCell>()
    for r in 1...7 {
      for c in 1...7 where !((3...4).contains(r) && (3...4).contains(c)) {
        expected.insert(GridCell(row: r, col: c))
      }
    }
    #expect(inside == expected)
  }

  @Test("Interior is clipped to the grid")
  func interiorClipped() {
    var count = 0
    Rasterizer.interior(of: [[gp(-5, -5), gp(-5, 50), gp(50, 50), gp(50, -5)]], rows: 4, cols: 3) { _, cols in
      count += cols.count
    }
    #expect(count == 12)
  }

  @Test("Touched: a line along row 2 closes row 2 only; a margin widens it")
  func touchedLine() {
    var cells = Set<GridCell>()
    Rasterizer.touched(by: [gp(2, 0.2), gp(2, 5.8)], margin: 0, rows: 5, cols: 8) { cells.insert($0) }
    #expect(cells == Set((0...6).map { GridCell(row: 2, col: $0) }))
    var wide = Set<GridCell>()
    Rasterizer.touched(by: [gp(2.3, 0), gp(2.3, 2)], margin: 0.25, rows: 5, cols: 8) { wide.insert($0) }
    // Row 3's box grown by 0.25 starts at row 2.25 < 2.3, so it is touched too.
    #expect(wide == Set((0...2).flatMap { [GridCell(row: 2, col: $0), GridCell(row: 3, col: $0)] }))
  }

  @Test("Touched: a diagonal line closes every cell it passes through")
  func touchedDiagonal() {
    var cells = Set<GridCell>()
    let line = [gp(0, 0), gp(3.3, 7.1)]
    Rasterizer.touched(by: line, margin: 0, rows: 10, cols: 10) { cells.insert($0) }
    // Every cell the exact traversal crosses with positive length is among them.
    let probe = try! CostGrid(
      rows: 10, cols: 10, cellSizeMetres: 1,
      costs: (0..<100).map { i in
        cells.contains(GridCell(row: i / 10, col: i % 10)) ? 1 : .infinity
      })
    #expect(probe.segmentCost(fromRow: 0, col: 0, toRow: 3.3, col: 7.1).isFinite)
    #expect(cells.count < 16)
  }

  @Test("Near: cell centres within a radius of a line")
  func nearLine() {
    var found: [GridCell: Double] = [:]
    Rasterizer.near([gp(5, 2), gp(5, 6)], radius: 1.2, rows: 10, cols: 10) { cell, d in
      found[cell] = min(found[cell] ?? .infinity, d)
    }
    #expect(found[GridCell(row: 5, col: 4)] == 0)
    #expect(found[GridCell(row: 4, col: 4)] == 1)
    #expect(found[GridCell(row: 6, col: 7)] == nil)  // √2 from the end point
    #expect(found[GridCell(row: 5, col: 7)] == 1)
    #expect(found[GridCell(row: 3, col: 4)] == nil)
    #expect(found.count == 3 * 5 + 2)
  }
}

@Suite("Cell coordinates")
struct CellCoordinatesTests {
  @Test("Interpolated cell centres are within 2 m of PROJ's inverse projection at 1 km cells")
  func interpolationError() throws {
    let projection = try Projection.caspianEquidistant()
    // The whole Caspian at 1 km cells, as the planner lays it.
    let frame = RasterFrame(
      covering: PlanarPoint(x: -330_000, y: -620_000), PlanarPoint(x: 340_000, y: 560_000),
      cellSizeMetres: 1000,
      marginCells: 2)
    let cells = try CellCoordinates(frame: frame, projection: projection)
    var worst = 0.0
    for row in stride(from: 3, to: frame.rows, by: 37) {
      for col in stride(from: 5, to: frame.cols, by: 29) {
        let p = frame.centre(of: GridCell(row: row, col: col))
        let exact = try projection.inverse(x: p.x, y: p.y)
        worst = max(worst, Geodesic.wgs84.distanceMetres(exact, cells.coordinate(row: row, col: col)))
      }
    }
    #expect(worst < 2, "\(worst) m")
  }
}
