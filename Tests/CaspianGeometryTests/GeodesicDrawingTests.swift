import CaspianGeometry
import Foundation
import Testing

/// Densifying routes for GIS and recovering their alter-course points, against an independent
/// measure: the distance from points on each drawn segment to a finely sampled geodesic, taken
/// in a local plane.
@Suite struct GeodesicDrawingTests {
  let geodesic = Geodesic.wgs84
  /// Aktau to Sumgait as one leg (357 km), then a three-leg route with a sharp turn.
  static let routes: [[Coordinate]] = [
    [Coordinate(longitude: 51.17, latitude: 43.63), Coordinate(longitude: 49.63, latitude: 40.58)],
    [
      Coordinate(longitude: 51.17, latitude: 43.63), Coordinate(longitude: 50.2, latitude: 42.1),
      Coordinate(longitude: 50.9, latitude: 41.3), Coordinate(longitude: 49.63, latitude: 40.58),
    ],
  ]

  /// Distance, metres, from `p` to the polyline `fine` (points a few tens of metres apart), in
  /// an equirectangular plane at `p` (WGS84 radii of curvature).
  static func distance(from p: Coordinate, toFine fine: [Coordinate], near index: Int) -> Double {
    let a = 6_378_137.0
    let e2 = 0.006_694_379_990_14
    let phi = p.latitude * .pi / 180
    let w = (1 - e2 * sin(phi) * sin(phi)).squareRoot()
    let north = a * (1 - e2) / (w * w * w) * .pi / 180
    let east = a / w * cos(phi) * .pi / 180
    func xy(_ c: Coordinate) -> (Double, Double) {
      ((c.longitude - p.longitude) * east, (c.latitude - p.latitude) * north)
    }
    var best = Double.infinity
    for i in max(0, index - 3)..<min(fine.count - 1, index + 3) {
      let (ax, ay) = xy(fine[i])
      let (bx, by) = xy(fine[i + 1])
      let dx = bx - ax
      let dy = by - ay
      let t = max(0, min(1, -(ax * dx + ay * dy) / (dx * dx + dy * dy)))
      best = min(best, ((ax + t * dx) * (ax + t * dx) + (ay + t * dy) * (ay + t * dy)).squareRoot())
    }
    return best
  }

  @Test(arguments: [1.0, 10.0, 100.0])
  func everyDrawnSegmentStaysWithinTheToleranceOfTheGeodesic(toleranceMetres: Double) {
    for route in Self.routes {
      let (points, indices) = geodesic.densifiedForDrawing(route, toleranceMetres: toleranceMetres)
      #expect(indices.map { points[$0] } == route)
      var worst = 0.0
      for (leg, (a, b)) in zip(route, route.dropFirst()).enumerated() {
        let fine = geodesic.densify([a, b], maxSpacingMetres: 25)
        let legLength = geodesic.distanceMetres(a, b)
        for k in indices[leg]..<indices[leg + 1] {
          let p = points[k]
          let q = points[k + 1]
          for t in stride(from: 0.0, through: 1.0, by: 0.0625) {
            let c = Coordinate(
              longitude: p.longitude + t * (q.longitude - p.longitude),
              latitude: p.latitude + t * (q.latitude - p.latitude))
            let along = geodesic.distanceMetres(a, c) / legLength
            let near = Int((along * Double(fine.count - 1)).rounded())
            worst = max(worst, Self.distance(from: c, toFine: fine, near: near))
          }
        }
      }
      #expect(worst <= toleranceMetres, "worst \(worst) m")
      // Not far more points than needed: the drawing would otherwise be needlessly heavy.
      #expect(worst > toleranceMetres / 8, "worst \(worst) m")
    }
    // Without densifying, the one-leg route bows well over a kilometre away.
    let straight = Self.routes[0]
    #expect(geodesic.drawingDeviationMetres(straight[0], straight[1]) > 1000)
  }

  @Test func alterCoursePointsComeBackFromADensifiedLine() {
    for route in Self.routes {
      let drawn = geodesic.densifiedForDrawing(route, toleranceMetres: 10).points
      #expect(drawn.count > route.count + 5)
      let recovered = geodesic.alterCoursePoints(of: drawn, toleranceMetres: 0.5)
      #expect(recovered == route)
    }
    // A real bend of a few metres is kept.
    let a = Coordinate(longitude: 50, latitude: 42)
    let b = Coordinate(longitude: 50.1, latitude: 42)
    let middle = geodesic.direct(
      from: Coordinate(longitude: 50.05, latitude: 42), azimuthDegrees: 0, distanceMetres: 3)
    #expect(geodesic.alterCoursePoints(of: [a, middle, b], toleranceMetres: 0.5).count == 3)
  }

  @Test func distanceToASegmentMatchesTheLocalPlane() {
    let a = Coordinate(longitude: 50, latitude: 42)
    let b = Coordinate(longitude: 50.3, latitude: 42.2)
    let fine = geodesic.densify([a, b], maxSpacingMetres: 20)
    for (fraction, offset) in [(0.3, 12.0), (0.5, -250.0), (0.8, 1500.0)] {
      let foot = fine[Int(fraction * Double(fine.count - 1))]
      let azimuth = geodesic.inverse(foot, b).azimuth1Degrees + 90
      let p = geodesic.direct(from: foot, azimuthDegrees: azimuth, distanceMetres: offset)
      let independent = Self.distance(from: p, toFine: fine, near: Int(fraction * Double(fine.count - 1)))
      #expect(
        abs(geodesic.distanceMetres(from: p, toSegment: a, b) - independent) < 0.01 * abs(offset) + 0.05)
    }
    // Beyond the ends, the distance to the end.
    let before = geodesic.direct(
      from: a, azimuthDegrees: geodesic.inverse(b, a).azimuth2Degrees, distanceMetres: 500)
    #expect(abs(geodesic.distanceMetres(from: before, toSegment: a, b) - 500) < 0.5)
  }
}
