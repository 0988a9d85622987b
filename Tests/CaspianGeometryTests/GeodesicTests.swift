import CaspianGeometry
import Foundation
import Testing

/// Reference values from GeographicLib's C test suite (geographiclib-c `tests/geodtest.c`,
/// Karney, MIT licence): rows of the `testcases` table and the GeodSolve/Planimeter cases.
@Suite struct GeodesicTests {
  let geodesic = Geodesic.wgs84

  /// lat1, lon1, azi1, lat2, lon2, azi2, s12 (degrees, metres): `testcases` rows 0, 1, 5, 7, 17.
  static let referenceGeodesics: [(Double, Double, Double, Double, Double, Double, Double)] = [
    (
      35.60777, -139.44815, 111.098748429560326, -11.17491, -69.95921, 129.289270889708762, 8935244.5604818305
    ),
    (55.52454, 106.05087, 22.020059880982801, 77.03196, 197.18234, 109.112041110671519, 4105086.1713924406),
    (32.84994, 48.28919, 150.492927788121982, -56.28556, 202.29132, 48.113449399816759, 16727068.9438164461),
    (
      -50.56724, -16.30485, -105.439679907590164, -33.56571, -94.97412, -47.348547835650331,
      6455670.5118668696
    ),
    (-41.22777, 122.32875, 14.285113402275739, -7.57291, 130.37946, 10.805303085187369, 3812686.035106021),
  ]

  /// Longitude difference folded into −180…180 degrees.
  func longitudeDifference(_ a: Double, _ b: Double) -> Double {
    let d = (a - b).truncatingRemainder(dividingBy: 360)
    return d > 180 ? d - 360 : (d < -180 ? d + 360 : d)
  }

  @Test func inverseMatchesGeographicLibTable() {
    for (lat1, lon1, azi1, lat2, lon2, azi2, s12) in Self.referenceGeodesics {
      let r = geodesic.inverse(
        Coordinate(longitude: lon1, latitude: lat1), Coordinate(longitude: lon2, latitude: lat2))
      #expect(abs(r.distanceMetres - s12) <= 1e-8)  // geodtest.c tolerance for s12
      #expect(abs(r.azimuth1Degrees - azi1) <= 1e-12)
      #expect(abs(r.azimuth2Degrees - azi2) <= 1e-12)
    }
  }

  @Test func directMatchesGeographicLibTable() {
    for (lat1, lon1, azi1, lat2, lon2, _, s12) in Self.referenceGeodesics {
      let p = geodesic.direct(
        from: Coordinate(longitude: lon1, latitude: lat1), azimuthDegrees: azi1, distanceMetres: s12)
      #expect(abs(p.latitude - lat2) <= 1e-12)
      #expect(abs(longitudeDifference(p.longitude, lon2)) <= 1e-12)
      #expect((-180...180).contains(p.longitude))
    }
  }

  /// GeodSolve0 and GeodSolve1: JFK ↔ Paris CDG, checked to the printed precision.
  @Test func jfkToParis() {
    let r = geodesic.inverse(
      Coordinate(longitude: -73.8, latitude: 40.6), Coordinate(longitude: 2.55, latitude: 49.01666667))
    #expect(abs(r.azimuth1Degrees - 53.47022) <= 0.5e-5)
    #expect(abs(r.azimuth2Degrees - 111.59367) <= 0.5e-5)
    #expect(abs(r.distanceMetres - 5_853_226) <= 0.5)
    #expect(
      geodesic.distanceMetres(
        Coordinate(longitude: -73.8, latitude: 40.6), Coordinate(longitude: 2.55, latitude: 49.01666667))
        == r.distanceMetres)

    let p = geodesic.direct(
      from: Coordinate(longitude: -73.77888889, latitude: 40.63972222), azimuthDegrees: 53.5,
      distanceMetres: 5_850e3)
    #expect(abs(p.latitude - 49.01467) <= 0.5e-5)
    #expect(abs(p.longitude - 2.56106) <= 0.5e-5)
  }

  @Test func coincidentPointsAreZeroApart() {
    let aktau = Coordinate(longitude: 51.14, latitude: 43.635)
    #expect(geodesic.inverse(aktau, aktau).distanceMetres == 0)
    #expect(geodesic.length(of: [aktau]) == 0)
    #expect(geodesic.length(of: []) == 0)
  }

  /// Planimeter0 `pd`: the polyline pole → (0, 0) → (0, 90) is 20 020 719 m long (±1 m).
  @Test func lengthOfPolyline() {
    let path = [
      Coordinate(longitude: 0, latitude: 90), Coordinate(longitude: 0, latitude: 0),
      Coordinate(longitude: 90, latitude: 0),
    ]
    #expect(abs(geodesic.length(of: path) - 20_020_719) <= 1)
  }

  /// Planimeter0 `pc`: a diamond around (0, 0) of area 24 619 419 146 m² (±1 m²).
  static let diamond = [
    Coordinate(longitude: -1, latitude: 0), Coordinate(longitude: 0, latitude: -1),
    Coordinate(longitude: 1, latitude: 0), Coordinate(longitude: 0, latitude: 1),
    Coordinate(longitude: -1, latitude: 0),
  ]
  static let diamondArea = 24_619_419_146.0
  /// Planimeter15: the triangle (lat, lon) (2, 1), (1, 2), (3, 3): 18 454 562 325.45119 m² (±0.5).
  static let triangle = [
    Coordinate(longitude: 1, latitude: 2), Coordinate(longitude: 2, latitude: 1),
    Coordinate(longitude: 3, latitude: 3),
  ]
  static let triangleArea = 18_454_562_325.451_19

  @Test func areaOfReferenceRingsInEitherOrientation() {
    #expect(abs(geodesic.area(ofRing: Self.diamond) - Self.diamondArea) <= 1)
    #expect(abs(geodesic.area(ofRing: Self.diamond.reversed()) - Self.diamondArea) <= 1)
    #expect(abs(geodesic.area(ofRing: Self.triangle) - Self.triangleArea) <= 0.5)
    #expect(abs(geodesic.area(ofRing: Self.triangle + [Self.triangle[0]]) - Self.triangleArea) <= 0.5)
    #expect(geodesic.area(ofRing: Array(Self.triangle.prefix(2))) == 0)
  }

  @Test func areaSubtractsHolesAndSumsPolygonalParts() {
    let square = [
      Coordinate(longitude: 0, latitude: 0), Coordinate(longitude: 4, latitude: 0),
      Coordinate(longitude: 4, latitude: 4), Coordinate(longitude: 0, latitude: 4),
      Coordinate(longitude: 0, latitude: 0),
    ]
    let withHole = Polygon(exterior: square, holes: [Self.triangle + [Self.triangle[0]]])
    #expect(abs(geodesic.area(of: withHole) - (geodesic.area(ofRing: square) - Self.triangleArea)) <= 1)

    let multi = Geometry.multiPolygon([
      Polygon(exterior: Self.diamond), Polygon(exterior: Self.triangle + [Self.triangle[0]]),
    ])
    #expect(abs(geodesic.area(of: multi) - (Self.diamondArea + Self.triangleArea)) <= 2)
    let collection = Geometry.geometryCollection([multi, .lineString(square), .point(square[0])])
    #expect(abs(geodesic.area(of: collection) - (Self.diamondArea + Self.triangleArea)) <= 2)
    #expect(geodesic.area(of: .lineString(square)) == 0)
  }

  @Test func densifiedPathLiesOnTheGeodesics() {
    let aktau = Coordinate(longitude: 51.14, latitude: 43.635)
    let sumgait = Coordinate(longitude: 49.67, latitude: 40.61)
    let kuryk = Coordinate(longitude: 51.665, latitude: 43.18)
    let path = [aktau, sumgait, kuryk]
    let dense = geodesic.densify(path, maxSpacingMetres: 10_000)

    let legs = [
      geodesic.inverse(aktau, sumgait).distanceMetres, geodesic.inverse(sumgait, kuryk).distanceMetres,
    ]
    let expectedCount = 1 + legs.reduce(0) { $0 + Int(($1 / 10_000).rounded(.up)) }
    #expect(dense.count == expectedCount)
    #expect(dense.first == aktau && dense.last == kuryk && dense.contains(sumgait))
    for (a, b) in zip(dense, dense.dropFirst()) {
      #expect(geodesic.inverse(a, b).distanceMetres <= 10_000 + 1e-6)
    }
    // Points on the geodesic: the dense path is as long as the original, to a micrometre.
    #expect(abs(geodesic.length(of: dense) - (legs[0] + legs[1])) <= 1e-6)
    #expect(geodesic.densify([aktau], maxSpacingMetres: 10) == [aktau])
    #expect(geodesic.densify([], maxSpacingMetres: 10).isEmpty)
  }

  @Test func directInvertsInverseAcrossTheCaspian() {
    let aktau = Coordinate(longitude: 51.14, latitude: 43.635)
    let sumgait = Coordinate(longitude: 49.67, latitude: 40.61)
    let r = geodesic.inverse(aktau, sumgait)
    #expect((300_000...400_000).contains(r.distanceMetres))  // the ~380 km link is a little longer
    let back = geodesic.direct(
      from: aktau, azimuthDegrees: r.azimuth1Degrees, distanceMetres: r.distanceMetres)
    #expect(
      abs(back.latitude - sumgait.latitude) <= 1e-12 && abs(back.longitude - sumgait.longitude) <= 1e-12)
  }
}
