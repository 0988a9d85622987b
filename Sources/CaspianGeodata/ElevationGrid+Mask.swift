import CaspianGeometry

extension ElevationGrid {
  /// Which cells have their centre inside `polygons` (holes excluded), as a flat array in the
  /// order of `elevations`.
  ///
  /// A scan line per row through the cell centres, with the even-odd rule over all rings, in
  /// the lon/lat plane: linear in cells plus ring edges, so a GEBCO-sized grid takes a fraction
  /// of a second. Polygons are expected not to overlap (a valid MultiPolygon).
  public func mask(inside polygons: [Polygon]) -> [Bool] {
    var crossings = [[Double]](repeating: [], count: rowCount)
    for polygon in polygons {
      for ring in [polygon.exterior] + polygon.holes where ring.count >= 2 {
        for i in 0..<(ring.count - 1) {
          addCrossings(from: ring[i], to: ring[i + 1], into: &crossings)
        }
        if ring.first != ring.last { addCrossings(from: ring[ring.count - 1], to: ring[0], into: &crossings) }
      }
    }
    var mask = [Bool](repeating: false, count: cellCount)
    for row in 0..<rowCount {
      let xs = crossings[row].sorted()
      var k = 0
      while k + 1 < xs.count {
        // Columns whose centre longitude lies in [xs[k], xs[k + 1]).
        let first = max(0, Int(((xs[k] - westLongitude) / cellWidthDegrees - 0.5).rounded(.up)))
        let last = min(
          columnCount - 1, Int(((xs[k + 1] - westLongitude) / cellWidthDegrees - 0.5).rounded(.up)) - 1)
        if first <= last {
          for column in first...last { mask[index(row: row, column: column)] = true }
        }
        k += 2
      }
    }
    return mask
  }

  /// Records where the edge a→b crosses the centre latitude of each row it spans. An edge counts
  /// for latitudes in [min, max) of its ends, so a vertex on a scan line is counted once.
  private func addCrossings(from a: Coordinate, to b: Coordinate, into crossings: inout [[Double]]) {
    guard a.latitude != b.latitude else { return }
    let low = min(a.latitude, b.latitude)
    let high = max(a.latitude, b.latitude)
    let firstRow = max(0, Int(((northLatitude - high) / cellHeightDegrees - 0.5).rounded(.down)))
    let lastRow = min(rowCount - 1, Int(((northLatitude - low) / cellHeightDegrees - 0.5).rounded(.up)))
    guard firstRow <= lastRow else { return }
    for row in firstRow...lastRow {
      let latitude = northLatitude - (Double(row) + 0.5) * cellHeightDegrees
      guard latitude >= low, latitude < high else { continue }
      let t = (latitude - a.latitude) / (b.latitude - a.latitude)
      crossings[row].append(a.longitude + t * (b.longitude - a.longitude))
    }
  }
}
