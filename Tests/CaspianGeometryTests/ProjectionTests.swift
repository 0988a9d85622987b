import CaspianGeometry
import Foundation
import Testing

@Suite struct ProjectionTests {
  /// PROJ's own gie test (docs, "gie command language"): 12 E, 55 N in UTM zone 32 on GRS80 is
  /// 691 875.63214 E, 6 098 907.82501 N. WGS84 differs from GRS80 by well under a millimetre here.
  @Test func knownUTMCoordinate() throws {
    let utm32 = try Projection(definition: "EPSG:32632")
    let p = try utm32.forward(Coordinate(longitude: 12, latitude: 55))
    #expect(abs(p.x - 691_875.632_14) < 1e-3)
    #expect(abs(p.y - 6_098_907.825_01) < 1e-3)
  }

  /// EPSG:32639 (UTM 39 N) has its central meridian at 51 E: x is the false easting there.
  @Test func lonLatOrderOnACaspianUTMZone() throws {
    let utm39 = try Projection(definition: "EPSG:32639")
    let p = try utm39.forward(Coordinate(longitude: 51, latitude: 43.635))
    #expect(abs(p.x - 500_000) < 1e-6)
    #expect(p.y > 4_800_000 && p.y < 4_900_000)
  }

  @Test func roundTripAndBulkAgree() throws {
    let utm39 = try Projection(definition: "EPSG:32639")
    let points = [
      Coordinate(longitude: 51.14, latitude: 43.635), Coordinate(longitude: 49.67, latitude: 40.61),
      Coordinate(longitude: 51.665, latitude: 43.18),
    ]
    let bulk = try utm39.forward(points)
    for (c, xy) in zip(points, bulk) {
      let single = try utm39.forward(c)
      #expect(single.x == xy.x && single.y == xy.y)
      let back = try utm39.inverse(x: xy.x, y: xy.y)
      #expect(abs(back.longitude - c.longitude) < 1e-9 && abs(back.latitude - c.latitude) < 1e-9)
    }
    let backBulk = try utm39.inverse(bulk)
    for (c, back) in zip(points, backBulk) {
      #expect(abs(back.longitude - c.longitude) < 1e-9 && abs(back.latitude - c.latitude) < 1e-9)
    }
    #expect(try utm39.forward([]).isEmpty)
  }

  /// Azimuthal equidistant: the distance and azimuth from the centre are the geodesic's.
  @Test func caspianEquidistantKeepsDistancesFromItsCentre() throws {
    let frame = try Projection.caspianEquidistant()
    let centre = Coordinate(longitude: 50.5, latitude: 42)
    let origin = try frame.forward(centre)
    #expect(abs(origin.x) < 1e-6 && abs(origin.y) < 1e-6)
    let reference = try Projection(
      definition: "+proj=aeqd +lat_0=42 +lon_0=50.5 +datum=WGS84 +units=m +type=crs")
    for c in [Coordinate(longitude: 51.14, latitude: 43.635), Coordinate(longitude: 49.67, latitude: 40.61)] {
      let p = try frame.forward(c)
      let line = Geodesic.wgs84.inverse(centre, c)
      #expect(abs(hypot(p.x, p.y) - line.distanceMetres) < 1e-3)
      #expect(abs(atan2(p.x, p.y) * 180 / Double.pi - line.azimuth1Degrees) < 1e-9)
      let q = try reference.forward(c)
      #expect(abs(p.x - q.x) < 1e-3 && abs(p.y - q.y) < 1e-3)
    }
  }

  @Test func errorsCarryPROJsMessage() throws {
    #expect {
      try Projection(definition: "EPSG:999999")
    } throws: { error in
      guard case GeometryError.proj(let function, let message) = error else { return false }
      return function == "proj_create_crs_to_crs" && !message.isEmpty && !"\(error)".contains("\n")
    }
    let utm39 = try Projection(definition: "EPSG:32639")
    #expect(throws: GeometryError.self) { try utm39.inverse(x: .infinity, y: 0) }
    #expect(throws: GeometryError.self) {
      try utm39.forward([Coordinate(longitude: 51, latitude: 43), Coordinate(longitude: 51, latitude: 100)])
    }
  }
}
