import CaspianAnalysis
import CaspianGeometry
import Foundation
import Testing

@testable import CaspianEngineering
@testable import CaspianGeodata

@Suite struct SeaMaskedDepthTests {
  /// A 2 × 1 grid over 50–50.2° E, 40–40.1° N: the west cell is land (+5 m), the east cell
  /// 40 m below the surface; the sea polygon covers everything east of 50.05° E.
  func data() -> GeodataSet {
    let grid = ElevationGrid(
      columnCount: 2, rowCount: 1, westLongitude: 50, northLatitude: 40.1, cellWidthDegrees: 0.1,
      cellHeightDegrees: 0.1, elevations: [5, -69.35])
    let ring = [(50.05, 40.0), (50.2, 40.0), (50.2, 40.1), (50.05, 40.1), (50.05, 40.0)]
      .map { Coordinate(longitude: $0.0, latitude: $0.1) }
    let url = URL(fileURLWithPath: "/dev/null")
    return GeodataSet(
      name: "mask",
      files: GeodataFiles(seaPolygon: url, grids: [GridSource(url: url)], landings: url, hazards: []),
      sea: SeaArea(name: nil, source: nil, polygons: [Polygon(exterior: ring)]), grid: grid,
      waterSurfaceM: -29.35, landings: [], hazards: [])
  }

  @Test func polygonWaterWinsOverADryGridAtTheCoast() throws {
    let data = data()
    let masked = try SeaMaskedDepth(data: data, nearshoreDepthM: 2)
    // 50.06° E: the grid interpolates to dry (−5.35 m depth), the polygon says water.
    let coast = Coordinate(longitude: 50.06, latitude: 40.05)
    #expect(try #require(data.depthMetres(at: coast)) < 0)
    #expect(masked.depthMetres(at: coast) == 2)
    // Inland of the polygon the grid stands; offshore the grid's depth is kept.
    let inland = Coordinate(longitude: 50.02, latitude: 40.05)
    #expect(masked.depthMetres(at: inland) == data.depthMetres(at: inland))
    let offshore = Coordinate(longitude: 50.15, latitude: 40.05)
    #expect(abs(masked.depthMetres(at: offshore)! - 40) < 1e-3)  // elevations are Float
  }
}
