import CaspianGeometry
import Testing

@Suite struct SpatialIndexTests {
  let engine: GeometryEngine
  init() throws { engine = try GeometryEngine() }

  /// A 10 × 10 grid of 0.1° cells from 47 E, 37 N, plus a degenerate point box.
  let cells: [Envelope] =
    (0..<100).map { i in
      let west = 47 + Double(i % 10) * 0.1
      let south = 37 + Double(i / 10) * 0.1
      return Envelope(
        minLongitude: west, minLatitude: south, maxLongitude: west + 0.1, maxLatitude: south + 0.1)
    } + [Envelope(minLongitude: 47.55, minLatitude: 37.55, maxLongitude: 47.55, maxLatitude: 37.55)]

  @Test func queryReturnsExactlyTheOverlappingItemsInOrder() throws {
    let index = try SpatialIndex(engine: engine, envelopes: cells)
    #expect(index.count == 101)
    let queries = [
      Envelope(minLongitude: 47.25, minLatitude: 37.25, maxLongitude: 47.35, maxLatitude: 37.45),
      Envelope(minLongitude: 47.5, minLatitude: 37.5, maxLongitude: 47.6, maxLatitude: 37.6),
      Envelope(minLongitude: 40, minLatitude: 30, maxLongitude: 41, maxLatitude: 31),
      Envelope(minLongitude: 46, minLatitude: 36, maxLongitude: 49, maxLatitude: 39),
    ]
    for q in queries {
      let expected = cells.indices.filter { cells[$0].intersects(q) }
      #expect(index.query(q) == expected)
    }
    #expect(index.query(queries[1]).contains(100))
    #expect(index.query(queries[2]).isEmpty)
    #expect(index.query(queries[3]).count == 101)
  }

  @Test func badEnvelopesAreRejectedOrMatchNothing() throws {
    #expect(throws: GeometryError.self) {
      try SpatialIndex(
        engine: engine,
        envelopes: [Envelope(minLongitude: 1, minLatitude: 0, maxLongitude: 0, maxLatitude: 1)])
    }
    let index = try SpatialIndex(engine: engine, envelopes: cells)
    #expect(
      index.query(Envelope(minLongitude: .nan, minLatitude: 37, maxLongitude: 48, maxLatitude: 38)).isEmpty)
    let empty = try SpatialIndex(engine: engine, envelopes: [])
    #expect(empty.query(cells[0]).isEmpty)
  }

  @Test func expandedEnvelopeReachesAtLeastTheDistance() {
    let e = Envelope(minLongitude: 50, minLatitude: 42, maxLongitude: 50.1, maxLatitude: 42.1)
    let grown = e.expanded(byMetres: 5000)
    let corner = Coordinate(longitude: 50.1, latitude: 42.1)
    for azimuth in stride(from: 0.0, to: 360, by: 15) {
      let p = Geodesic.wgs84.direct(from: corner, azimuthDegrees: azimuth, distanceMetres: 5000)
      #expect(grown.contains(p))
    }
    // Not much more than needed: within 1 % of 5 km north.
    let north = Geodesic.wgs84.direct(from: corner, azimuthDegrees: 0, distanceMetres: 5050)
    #expect(!grown.contains(north))
  }
}
