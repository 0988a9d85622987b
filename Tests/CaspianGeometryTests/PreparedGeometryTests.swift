import CaspianGeometry
import Testing

/// A square "sea" 50–51 E, 40–41 N with a square "island" 50.4–50.6 E, 40.4–40.6 N.
@Suite struct PreparedGeometryTests {
  let engine: GeometryEngine
  let sea: PreparedGeometry

  init() throws {
    engine = try GeometryEngine()
    sea = try engine.prepare(
      .polygon(Polygon(exterior: box(50, 40, 51, 41), holes: [Array(box(50.4, 40.4, 50.6, 40.6).reversed())]))
    )
  }

  func c(_ lon: Double, _ lat: Double) -> Coordinate { Coordinate(longitude: lon, latitude: lat) }

  @Test func containsPointsInTheWaterOnly() throws {
    #expect(try sea.contains(c(50.2, 40.2)))
    #expect(try !sea.contains(c(50.5, 40.5)))  // on the island
    #expect(try !sea.contains(c(52, 40.5)))  // east of the sea
    #expect(try !sea.contains(c(50.9, 41.1)))  // north of the sea, inside its longitude span
    #expect(try !sea.contains(c(50, 40.5)))  // on the coast: boundary is not interior
    #expect(sea.envelope == Envelope(minLongitude: 50, minLatitude: 40, maxLongitude: 51, maxLatitude: 41))
  }

  @Test func coversLegsThatStayInTheWater() throws {
    #expect(try sea.covers(.lineString([c(50.1, 40.1), c(50.9, 40.2)])))
    #expect(try !sea.covers(.lineString([c(50.1, 40.1), c(50.9, 40.9)])))  // crosses the island
    #expect(try !sea.covers(.lineString([c(50.5, 40.5), c(52, 40.5)])))  // leaves the sea
    #expect(try sea.covers(.lineString([c(50, 40.1), c(50, 40.9)])))  // along the coast
    #expect(try sea.covers(.point(c(50, 40.5))))  // a coastal point is covered, not contained
    #expect(try !sea.covers(.multiPoint([])))
  }

  @Test func intersectsAnythingTouchingTheWater() throws {
    #expect(try sea.intersects(.lineString([c(49, 40.5), c(50.05, 40.5)])))
    #expect(try !sea.intersects(.point(c(50.5, 40.5))))  // inside the island
    #expect(try sea.intersects(.point(c(50.4, 40.5))))  // on the island's shore
    #expect(try !sea.intersects(.point(c(60, 60))))
    #expect(try !sea.intersects(.geometryCollection([])))
  }

  @Test func emptyPreparedGeometryHoldsNothing() throws {
    let nothing = try engine.prepare(.multiPolygon([]))
    #expect(nothing.envelope == nil)
    #expect(try !nothing.contains(c(0, 0)))
    #expect(try !nothing.covers(.point(c(0, 0))))
    #expect(try !nothing.intersects(.point(c(0, 0))))
  }
}
