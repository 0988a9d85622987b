import CaspianAnalysis
import CaspianGeometry

@testable import CaspianEngineering

/// A synthetic basin along the meridian 50° E from 40° N to 41° N (~111 km): the seabed falls
/// linearly from each landing, `startDepthM` at the landing point and `gradient` metres of depth
/// per metre of route, so every band boundary and shoreline has a known KP.
struct VBasin: DepthProvider {
  static let start = Coordinate(longitude: 50, latitude: 40)
  static let end = Coordinate(longitude: 50, latitude: 41)
  /// Alter-course points on the meridian, so KP equals the distance from either end.
  static let route = [40.0, 40.25, 40.5, 40.75, 41.0].map { Coordinate(longitude: 50, latitude: $0) }

  var startDepthM = 2.0
  var gradient = 0.02

  func depthMetres(at c: Coordinate) -> Double? {
    let fromStart = Geodesic.wgs84.inverse(Self.start, c).distanceMetres
    let fromEnd = Geodesic.wgs84.inverse(Self.end, c).distanceMetres
    return startDepthM + gradient * min(fromStart, fromEnd)
  }

  /// KP (metres) where the depth reaches `depth` walking from the first landing.
  func kp(atDepth depth: Double) -> Double { (depth - startDepthM) / gradient }
}

/// A depth source with no data.
struct NoDepth: DepthProvider {
  func depthMetres(at c: Coordinate) -> Double? { nil }
}

/// A pipeline crossing the basin route at about `angle` degrees near 40.3° N.
func diagonalPipeline(name: String = "Test pipeline", angleDegrees: Double) -> EngineeringAsset {
  let centre = Coordinate(longitude: 50, latitude: 40.3)
  let a = Geodesic.wgs84.direct(from: centre, azimuthDegrees: angleDegrees, distanceMetres: 5000)
  let b = Geodesic.wgs84.direct(from: centre, azimuthDegrees: angleDegrees + 180, distanceMetres: 5000)
  return EngineeringAsset(kind: "pipeline", name: name, geometry: .lineString([b, a]))
}

/// Route length of `VBasin.route`, metres, summed leg by leg independently of the engineering code.
var basinRouteLengthM: Double {
  zip(VBasin.route, VBasin.route.dropFirst()).reduce(0) {
    $0 + Geodesic.wgs84.inverse($1.0, $1.1).distanceMetres
  }
}
