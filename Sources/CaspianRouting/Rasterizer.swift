/// Turns planar shapes, given in fractional grid coordinates, into the cells they cover.
///
/// Three rules, each for a purpose:
/// - `interior`: cells whose centre lies inside a polygon (even–odd over all its rings, so
///   holes come out), for areas;
/// - `touched`: cells whose square, grown by a margin, meets a line, for the edges of hard
///   constraints (a cell the coastline or a no-go boundary passes through is closed);
/// - `near`: cells whose centre lies within a radius of a line, for bands and corridors.
public enum Rasterizer {
  /// Calls `body(row, columns)` for each run of cells whose centre lies inside the polygon
  /// formed by `rings` (even–odd rule; rings need not be closed).
  public static func interior(
    of rings: [[GridPoint]], rows: Int, cols: Int, _ body: (Int, Range<Int>) -> Void
  ) {
    var crossings = [[Double]](repeating: [], count: rows)
    for ring in rings where ring.count >= 3 {
      for i in ring.indices {
        let a = ring[i]
        let b = ring[(i + 1) % ring.count]
        let lo = min(a.row, b.row)
        let hi = max(a.row, b.row)
        if lo == hi { continue }
        let first = max(0, Int(lo.rounded(.up)))
        let last = min(rows - 1, Int(hi.rounded(.up)) - 1)
        if first > last { continue }
        let slope = (b.col - a.col) / (b.row - a.row)
        for r in first...last {
          crossings[r].append(a.col + (Double(r) - a.row) * slope)
        }
      }
    }
    for r in 0..<rows where crossings[r].count >= 2 {
      let xs = crossings[r].sorted()
      var k = 0
      while k + 1 < xs.count {
        let start = max(0, Int(xs[k].rounded(.up)))
        let end = min(cols, Int(xs[k + 1].rounded(.up)))
        if start < end { body(r, start..<end) }
        k += 2
      }
    }
  }

  /// Calls `body(cell)` for every cell whose square, grown by `margin` cells on every side,
  /// meets the polyline (a cell may be reported more than once).
  public static func touched(
    by polyline: [GridPoint], margin: Double, rows: Int, cols: Int, _ body: (GridCell) -> Void
  ) {
    let half = 0.5 + margin
    forEachPiece(of: polyline, maxLength: 0.5, pad: half, rows: rows, cols: cols) { a, b in
      let r0 = max(0, Int((min(a.row, b.row) - half).rounded(.up)))
      let r1 = min(rows - 1, Int((max(a.row, b.row) + half).rounded(.down)))
      let c0 = max(0, Int((min(a.col, b.col) - half).rounded(.up)))
      let c1 = min(cols - 1, Int((max(a.col, b.col) + half).rounded(.down)))
      if r0 > r1 || c0 > c1 { return }
      for r in r0...r1 {
        for c in c0...c1
        where segmentMeetsBox(
          a, b, rowRange: (Double(r) - half, Double(r) + half), colRange: (Double(c) - half, Double(c) + half)
        ) {
          body(GridCell(row: r, col: c))
        }
      }
    }
  }

  /// Calls `body(cell, distance)` for every cell whose centre lies within `radius` cells of
  /// the polyline, with that distance in cells (a cell may be reported more than once).
  public static func near(
    _ polyline: [GridPoint], radius: Double, rows: Int, cols: Int, _ body: (GridCell, Double) -> Void
  ) {
    forEachPiece(of: polyline, maxLength: max(1, radius), pad: radius, rows: rows, cols: cols) { a, b in
      let r0 = max(0, Int((min(a.row, b.row) - radius).rounded(.up)))
      let r1 = min(rows - 1, Int((max(a.row, b.row) + radius).rounded(.down)))
      let c0 = max(0, Int((min(a.col, b.col) - radius).rounded(.up)))
      let c1 = min(cols - 1, Int((max(a.col, b.col) + radius).rounded(.down)))
      if r0 > r1 || c0 > c1 { return }
      for r in r0...r1 {
        for c in c0...c1 {
          let d = distance(from: GridPoint(row: Double(r), col: Double(c)), toSegment: a, b)
          if d <= radius { body(GridCell(row: r, col: c), d) }
        }
      }
    }
  }

  /// Distance from `p` to the segment `a`–`b`, in grid units.
  public static func distance(from p: GridPoint, toSegment a: GridPoint, _ b: GridPoint) -> Double {
    p.distance(to: nearestPoint(to: p, onSegment: a, b))
  }

  /// The point of the segment `a`–`b` nearest to `p`.
  public static func nearestPoint(to p: GridPoint, onSegment a: GridPoint, _ b: GridPoint) -> GridPoint {
    let dr = b.row - a.row
    let dc = b.col - a.col
    let lengthSquared = dr * dr + dc * dc
    var t = lengthSquared > 0 ? ((p.row - a.row) * dr + (p.col - a.col) * dc) / lengthSquared : 0
    t = min(1, max(0, t))
    return GridPoint(row: a.row + t * dr, col: a.col + t * dc)
  }

  /// Splits each segment of the polyline into pieces no longer than `maxLength` cells.
  /// Segments wholly farther than `pad` cells outside the grid (`rows` × `cols`) are skipped:
  /// no piece of them reaches a cell (a corridor frame sees a few km of a whole sea's coast).
  private static func forEachPiece(
    of polyline: [GridPoint], maxLength: Double, pad: Double, rows: Int, cols: Int,
    _ body: (GridPoint, GridPoint) -> Void
  ) {
    if polyline.count == 1 { body(polyline[0], polyline[0]) }
    let lastRow = Double(rows - 1) + pad
    let lastCol = Double(cols - 1) + pad
    for (a, b) in zip(polyline, polyline.dropFirst()) {
      if max(a.row, b.row) < -pad || min(a.row, b.row) > lastRow || max(a.col, b.col) < -pad
        || min(a.col, b.col) > lastCol
      {
        continue
      }
      let pieces = max(1, Int((a.distance(to: b) / maxLength).rounded(.up)))
      var previous = a
      for k in 1...pieces {
        let t = Double(k) / Double(pieces)
        let next =
          k == pieces ? b : GridPoint(row: a.row + t * (b.row - a.row), col: a.col + t * (b.col - a.col))
        body(previous, next)
        previous = next
      }
    }
  }

  /// Whether the closed segment `a`–`b` meets the closed box (Liang–Barsky clipping).
  private static func segmentMeetsBox(
    _ a: GridPoint, _ b: GridPoint, rowRange: (Double, Double), colRange: (Double, Double)
  ) -> Bool {
    var t0 = 0.0
    var t1 = 1.0
    func clip(_ p: Double, _ q: Double) -> Bool {
      if p == 0 { return q >= 0 }
      let t = q / p
      if p < 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
      return t0 <= t1
    }
    let dr = b.row - a.row
    let dc = b.col - a.col
    return clip(-dr, a.row - rowRange.0) && clip(dr, rowRange.1 - a.row) && clip(-dc, a.col - colRange.0)
      && clip(dc, colRange.1 - a.col)
  }
}
