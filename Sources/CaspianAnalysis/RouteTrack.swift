import CaspianGeometry
import Foundation

/// A route as the geodesics between its alter-course points on WGS84, measured by KP: the
/// kilometres along the route from its first point.
public struct RouteTrack: Sendable {
  /// Alter-course points, first landing to last, lon/lat degrees.
  public let points: [Coordinate]
  /// KP of each alter-course point, km.
  public let vertexKpKm: [Double]
  /// Each leg's start azimuth and length.
  let legs: [GeodesicInverse]
  let geodesic = Geodesic.wgs84

  /// - Throws: `RouteProblem` for fewer than two points, a position out of range, two
  ///   consecutive points that coincide, or a leg that crosses the antimeridian.
  public init(points: [Coordinate]) throws(RouteProblem) {
    guard points.count >= 2 else { throw RouteProblem("needs at least 2 points, got \(points.count)") }
    var kps = [0.0]
    var legs: [GeodesicInverse] = []
    for (index, (a, b)) in zip(points, points.dropFirst()).enumerated() {
      guard a.isInRange, b.isInRange else {
        throw RouteProblem("point \(index) or \(index + 1) is out of range")
      }
      guard abs(a.longitude - b.longitude) <= 180 else {
        throw RouteProblem("the leg from point \(index) to \(index + 1) crosses the antimeridian (180°)")
      }
      let leg = geodesic.inverse(a, b)
      guard leg.distanceMetres > 0.01 else {
        throw RouteProblem("points \(index) and \(index + 1) coincide at \(a)")
      }
      kps.append(kps[kps.count - 1] + leg.distanceMetres / 1000)
      legs.append(leg)
    }
    self.points = points
    self.vertexKpKm = kps
    self.legs = legs
  }

  /// Route length, km (geodesic on WGS84).
  public var lengthKm: Double { vertexKpKm[vertexKpKm.count - 1] }

  /// The leg (index of its first point) that holds `kpKm`; a KP at an alter-course point
  /// belongs to the leg that starts there, the route's end to the last leg.
  public func leg(containingKpKm kpKm: Double) -> Int {
    var low = 0
    var high = legs.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if vertexKpKm[middle] <= kpKm { low = middle } else { high = middle - 1 }
    }
    return low
  }

  /// The position at `kpKm` (clamped to the route).
  public func coordinate(atKpKm kpKm: Double) -> Coordinate {
    let kp = min(max(kpKm, 0), lengthKm)
    let leg = leg(containingKpKm: kp)
    let along = (kp - vertexKpKm[leg]) * 1000
    if along <= 0 { return points[leg] }
    if along >= legs[leg].distanceMetres { return points[leg + 1] }
    return geodesic.direct(
      from: points[leg], azimuthDegrees: legs[leg].azimuth1Degrees, distanceMetres: along)
  }

  /// KPs every `spacingM` metres from 0 along the whole route (never restarting at an
  /// alter-course point), and the end.
  public func kpsKm(everyMetres spacingM: Double) -> [Double] {
    let step = spacingM / 1000
    let count = Int((lengthKm / step).rounded(.down))
    var kps = (0...count).map { Double($0) * step }
    if lengthKm - kps[kps.count - 1] > 1e-9 { kps.append(lengthKm) }
    return kps
  }

  /// The route drawn as straight lon/lat pieces within `toleranceMetres` of the geodesic, with
  /// the KP of every piece's vertices.
  func pieces(toleranceMetres: Double) -> (points: [Coordinate], kpKm: [Double]) {
    let (drawn, indices) = geodesic.densifiedForDrawing(points, toleranceMetres: toleranceMetres)
    var kps = [Double](repeating: 0, count: drawn.count)
    for leg in 0..<legs.count {
      for k in indices[leg]...indices[leg + 1] {
        kps[k] =
          k == indices[leg + 1]
          ? vertexKpKm[leg + 1] : vertexKpKm[leg] + geodesic.distanceMetres(points[leg], drawn[k]) / 1000
      }
    }
    return (drawn, kps)
  }
}

/// Why a route geometry cannot be analysed (the caller names the file and option).
public struct RouteProblem: Error, Sendable, Equatable, CustomStringConvertible {
  public let problem: String
  public init(_ problem: String) { self.problem = problem }
  public var description: String { problem }
}
