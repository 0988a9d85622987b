import CaspianGeometry
import Testing

@testable import CaspianRouting

@Suite("Vector checks of legs")
struct ConstraintCheckerTests {
  private func checker() throws -> ConstraintChecker {
    let data = try StraitFixture.data()
    let engine = try GeometryEngine()
    let shapes = try HazardShape.shapes(of: data.hazards, model: CostModel(), engine: engine)
    return try ConstraintChecker(engine: engine, sea: data.sea.geometry, shapes: shapes)
  }

  private func c(_ lon: Double, _ lat: Double) -> Coordinate { Coordinate(longitude: lon, latitude: lat) }

  @Test("Legs across the island, into the field, into the safety zone are refused; clear legs pass")
  func legs() throws {
    let check = try checker()
    #expect(try check.problem(leg: c(50.30, 42.30), c(50.60, 42.30)) == "leaves the sea")
    #expect(
      try check.problem(leg: c(50.30, 42.05), c(50.60, 42.05)) == #"enters the no-go field "South Field""#)
    // The platform stands at (50.20, 42.50) with a 500 m zone: a leg 300 m north of it enters.
    let north = Geodesic.wgs84.direct(from: c(50.20, 42.50), azimuthDegrees: 0, distanceMetres: 300)
    #expect(
      try check.problem(leg: c(50.15, north.latitude), c(50.25, north.latitude))
        == #"enters the no-go platform "North Platform""#)
    let clear = Geodesic.wgs84.direct(from: c(50.20, 42.50), azimuthDegrees: 0, distanceMetres: 700)
    #expect(try check.problem(leg: c(50.15, clear.latitude), c(50.25, clear.latitude)) == nil)
    #expect(try check.problem(leg: c(50.10, 42.30), c(50.30, 42.55)) == nil)
    // Ending exactly on the coast is still in the sea (covers); beyond it is not.
    #expect(try check.problem(leg: c(50.90, 42.30), c(51.00, 42.30)) == nil)
    #expect(try check.problem(leg: c(50.90, 42.30), c(51.01, 42.30)) == "leaves the sea")
  }

  @Test("Points: in the sea, in a no-go zone")
  func points() throws {
    let check = try checker()
    #expect(try check.isInSea(c(50.10, 42.30)))
    #expect(!(try check.isInSea(c(50.45, 42.30))))
    #expect(try check.noGoZone(containing: c(50.45, 42.05))?.hazard.name == "South Field")
    #expect(try check.noGoZone(containing: c(50.10, 42.30)) == nil)
  }
}
