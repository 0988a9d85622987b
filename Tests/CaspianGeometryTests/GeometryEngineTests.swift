import Foundation
import Testing

@testable import CaspianGeometry

/// A closed lon/lat rectangle ring, counter-clockwise.
func box(_ west: Double, _ south: Double, _ east: Double, _ north: Double) -> [Coordinate] {
  [
    Coordinate(longitude: west, latitude: south), Coordinate(longitude: east, latitude: south),
    Coordinate(longitude: east, latitude: north), Coordinate(longitude: west, latitude: north),
    Coordinate(longitude: west, latitude: south),
  ]
}

@Suite struct GeometryEngineTests {
  let engine: GeometryEngine
  init() throws { engine = try GeometryEngine() }

  /// The bow-tie: a ring crossing itself at (0.5, 0.5).
  let bowTie = Geometry.polygon(
    Polygon(exterior: [
      Coordinate(longitude: 0, latitude: 0), Coordinate(longitude: 1, latitude: 1),
      Coordinate(longitude: 1, latitude: 0), Coordinate(longitude: 0, latitude: 1),
      Coordinate(longitude: 0, latitude: 0),
    ]))

  @Test func everyKindSurvivesTheTripThroughGEOS() throws {
    let square = box(50, 40, 51, 41)
    let island = Array(box(50.4, 40.4, 50.6, 40.6).reversed())
    let geometries: [Geometry] = [
      .point(Coordinate(longitude: 51.14, latitude: 43.635)),
      .multiPoint([Coordinate(longitude: 1, latitude: 2), Coordinate(longitude: 3, latitude: 4)]),
      .lineString([Coordinate(longitude: 1, latitude: 2), Coordinate(longitude: 3, latitude: 4)]),
      .multiLineString([square, island]),
      .polygon(Polygon(exterior: square, holes: [island])),
      .multiPolygon([Polygon(exterior: square), Polygon(exterior: box(52, 40, 53, 41))]),
      .geometryCollection([.point(Coordinate(longitude: 1, latitude: 2)), .lineString(square)]),
      .geometryCollection([]),
    ]
    for g in geometries {
      #expect(try engine.withGEOS(g) { try engine.geometry(from: $0) } == g)
    }
  }

  @Test func bowTieIsInvalidWithGEOSReasonAndLocation() throws {
    guard case .invalid(let reason, let location) = try engine.validity(of: bowTie) else {
      Issue.record("bow-tie judged valid")
      return
    }
    #expect(reason == "Self-intersection")
    #expect(location == Coordinate(longitude: 0.5, latitude: 0.5))
    #expect(try engine.validity(of: .polygon(Polygon(exterior: box(0, 0, 1, 1)))) == .valid)
  }

  @Test func unbuildableRingIsInvalidAndOtherOperationsThrowGEOSMessage() throws {
    let triangleOpen = Geometry.polygon(
      Polygon(exterior: [
        Coordinate(longitude: 0, latitude: 0), Coordinate(longitude: 1, latitude: 0),
        Coordinate(longitude: 0, latitude: 1),
      ]))
    guard case .invalid(let reason, nil) = try engine.validity(of: triangleOpen) else {
      Issue.record("open triangle judged valid")
      return
    }
    #expect(reason.contains("LinearRing"))
    #expect {
      try engine.intersects(triangleOpen, .point(Coordinate(longitude: 0, latitude: 0)))
    } throws: { error in
      guard case GeometryError.geos(let function, let message) = error else { return false }
      return function == "GEOSGeom_createLinearRing_r" && message.contains("LinearRing")
        && !"\(error)".contains("\n")
    }
  }

  @Test func makeValidSplitsTheBowTieIntoTwoTriangles() throws {
    let fixed = try engine.makeValid(bowTie)
    #expect(try engine.validity(of: fixed) == .valid)
    guard case .multiPolygon(let parts) = fixed else {
      Issue.record("expected a MultiPolygon, got \(fixed.typeName)")
      return
    }
    #expect(parts.count == 2)
    let centre = Coordinate(longitude: 0.5, latitude: 0.5)
    let left = [Coordinate(longitude: 0, latitude: 0), centre, Coordinate(longitude: 0, latitude: 1)]
    let right = [Coordinate(longitude: 1, latitude: 0), Coordinate(longitude: 1, latitude: 1), centre]
    let expected = Geodesic.wgs84.area(ofRing: left) + Geodesic.wgs84.area(ofRing: right)
    #expect(abs(Geodesic.wgs84.area(of: fixed) - expected) <= 1e-9 * expected)
    // A valid geometry keeps its area.
    let square = Geometry.polygon(Polygon(exterior: box(0, 0, 1, 1)))
    #expect(
      abs(Geodesic.wgs84.area(of: try engine.makeValid(square)) - Geodesic.wgs84.area(of: square)) < 1e-6)
  }

  @Test func bufferOfAPointIsACircleOnTheGround() throws {
    let platform = Coordinate(longitude: 51.1, latitude: 40.2)
    let zone = try engine.buffer(.point(platform), metres: 1000)
    guard case .polygon(let circle) = zone else {
      Issue.record("expected a Polygon, got \(zone.typeName)")
      return
    }
    let area = Geodesic.wgs84.area(of: circle)
    #expect(abs(area - Double.pi * 1000 * 1000) <= 0.005 * Double.pi * 1000 * 1000)
    // The projection is centred on the point, where azimuthal equidistant distances are true.
    for vertex in circle.exterior {
      #expect(abs(Geodesic.wgs84.distanceMetres(platform, vertex) - 1000) < 1e-3)
    }
  }

  @Test func bufferOfALineIsAStadium() throws {
    let start = Coordinate(longitude: 50.5, latitude: 42)
    let end = Geodesic.wgs84.direct(from: start, azimuthDegrees: 60, distanceMetres: 10_000)
    let band = try engine.buffer(.lineString([start, end]), metres: 100)
    let expected = 2 * 100 * 10_000 + Double.pi * 100 * 100
    #expect(abs(Geodesic.wgs84.area(of: band) - expected) <= 0.005 * expected)
    #expect(try engine.buffer(.multiPoint([]), metres: 100) == .multiPolygon([]))
    #expect(throws: GeometryError.self) { try engine.buffer(.point(start), metres: .nan) }
  }

  @Test func negativeBufferShrinksAPolygon() throws {
    let square = Geometry.polygon(Polygon(exterior: box(50, 42, 50.1, 42.1)))
    let shrunk = try engine.buffer(square, metres: -500)
    let prepared = try engine.prepare(square)
    #expect(try prepared.covers(shrunk))
    #expect(Geodesic.wgs84.area(of: shrunk) < Geodesic.wgs84.area(of: square))
    let gap = try engine.distanceMetres(shrunk, .lineString(box(50, 42, 50.1, 42.1)))
    #expect(abs(gap - 500) < 1)
  }

  @Test func intersectionOfOverlappingSquares() throws {
    let a = Geometry.polygon(Polygon(exterior: box(0, 0, 2, 2)))
    let b = Geometry.polygon(Polygon(exterior: box(1, 1, 3, 3)))
    let overlap = try engine.intersection(a, b)
    guard case .polygon(let p) = overlap else {
      Issue.record("expected a Polygon, got \(overlap.typeName)")
      return
    }
    #expect(Set(p.exterior) == Set(box(1, 1, 2, 2)))
    #expect(p.holes.isEmpty)
    #expect(try engine.intersects(a, b))

    let far = Geometry.polygon(Polygon(exterior: box(5, 5, 6, 6)))
    #expect(try !engine.intersects(a, far))
    #expect(try engine.intersection(a, far).coordinates.isEmpty)
    // Touching at a corner counts as intersecting.
    #expect(try engine.intersects(a, .point(Coordinate(longitude: 2, latitude: 2))))
  }

  @Test func distanceBetweenTwoPointsIsTheGeodesic() throws {
    let aktau = Coordinate(longitude: 51.14, latitude: 43.635)
    let sumgait = Coordinate(longitude: 49.67, latitude: 40.61)
    let d = try engine.distanceMetres(.point(aktau), .point(sumgait))
    #expect(abs(d - Geodesic.wgs84.inverse(aktau, sumgait).distanceMetres) < 1e-6)
    let (p, q) = try engine.nearestPoints(.point(aktau), .point(sumgait))
    #expect(abs(p.longitude - aktau.longitude) < 1e-9 && abs(p.latitude - aktau.latitude) < 1e-9)
    #expect(abs(q.longitude - sumgait.longitude) < 1e-9 && abs(q.latitude - sumgait.latitude) < 1e-9)
  }

  /// The nearest point on a slanted line is found on the ground, not in degree space: checked
  /// against a brute-force minimum of geodesic distances along the line.
  @Test func distanceToASlantedLineMatchesBruteForce() throws {
    let point = Coordinate(longitude: 50, latitude: 42)
    let a = Coordinate(longitude: 50.1, latitude: 41.9)
    let b = Coordinate(longitude: 50.2, latitude: 42.1)
    let steps = 20_000
    let bruteForce = (0...steps).map { k -> Double in
      let t = Double(k) / Double(steps)
      let c = Coordinate(
        longitude: a.longitude + t * (b.longitude - a.longitude),
        latitude: a.latitude + t * (b.latitude - a.latitude))
      return Geodesic.wgs84.distanceMetres(point, c)
    }.min()!
    let d = try engine.distanceMetres(.point(point), .lineString([a, b]))
    #expect(abs(d - bruteForce) < 0.1)
    let onLine = try engine.distanceMetres(
      .point(Coordinate(longitude: 50.15, latitude: 42)), .lineString([a, b]))
    #expect(onLine < 0.05)  // edges are split into ~1 km steps; the bow left is ~1 cm
    #expect(throws: GeometryError.self) { try engine.distanceMetres(.point(point), .multiPoint([])) }
  }
}
