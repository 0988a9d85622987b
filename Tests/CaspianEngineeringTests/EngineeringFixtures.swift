import CaspianAnalysis
import CaspianGeodata
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
  func kpM(atDepth depth: Double) -> Double { (depth - startDepthM) / gradient }
}

/// A depth source with no data.
struct NoDepth: DepthProvider {
  func depthMetres(at c: Coordinate) -> Double? { nil }
}

/// A pipeline crossing the basin route at about `angle` degrees near 40.3° N.
func diagonalPipeline(name: String = "Test pipeline", angleDegrees: Double) -> Hazard {
  let centre = Coordinate(longitude: 50, latitude: 40.3)
  let a = Geodesic.wgs84.direct(from: centre, azimuthDegrees: angleDegrees, distanceMetres: 5000)
  let b = Geodesic.wgs84.direct(from: centre, azimuthDegrees: angleDegrees + 180, distanceMetres: 5000)
  return hazard(.pipeline, name, .lineString([b, a]))
}

/// Route length of `VBasin.route`, metres, summed leg by leg independently of the engineering code.
var basinRouteLengthM: Double {
  zip(VBasin.route, VBasin.route.dropFirst()).reduce(0) {
    $0 + Geodesic.wgs84.inverse($1.0, $1.1).distanceMetres
  }
}

/// A sea over all the test routes (45–55° E, 35–45° N): no land near them.
let openSea = Geometry.polygon(
  Polygon(
    exterior: [(45.0, 35.0), (55, 35), (55, 45), (45, 45), (45, 35)].map {
      Coordinate(longitude: $0, latitude: $1)
    }, holes: []))

/// A hazard as a data set gives it (soft: crossed or passed at a cost, never a no-go zone).
func hazard(_ kind: HazardKind, _ name: String, _ geometry: Geometry, safetyZoneM: Double? = nil) -> Hazard {
  Hazard(kind: kind, name: name, geometry: geometry, constraint: .soft, safetyZoneM: safetyZoneM)
}

extension RouteEngineer {
  /// The engineering of `route` in the open test sea over `depth`, with `hazards`: its analysis
  /// first, as every command does.
  func analyse(
    route: [Coordinate], landingNames: (String, String), depth: some DepthProvider, hazards: [Hazard] = [],
    waterSurfaceM: Double?, work: EngineeringWork? = nil
  ) throws -> RouteEngineering {
    let analyzer = try RouteAnalyzer(
      sea: openSea, hazards: hazards, depth: depth, settings: AnalysisSettings(engineering: parameters))
    return try analyse(
      try analyzer.analyse(route), by: analyzer, landingNames: landingNames, waterSurfaceM: waterSurfaceM,
      work: work)
  }
}
