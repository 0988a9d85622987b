import CaspianGeometry

/// A kilometre point (KP) marked on a route: a round distance along it from its first point.
public struct KilometrePoint: Sendable, Hashable {
  /// Kilometres from the route's first point, along its geodesic legs on WGS84.
  public var kpKm: Double
  public var coordinate: Coordinate
  /// Direction of the route there, degrees clockwise from north.
  public var azimuthDegrees: Double
}

extension KilometrePoint {
  /// The points every `spacingKm` along a route of geodesic legs (KP 50, 100, … for 50 km),
  /// excluding the start and the end.
  public static func every(
    _ spacingKm: Double, along route: [Coordinate], geodesic: Geodesic = .wgs84
  ) -> [KilometrePoint] {
    guard spacingKm > 0, route.count >= 2 else { return [] }
    var result: [KilometrePoint] = []
    var legStartM = 0.0
    var next = spacingKm * 1000
    for (a, b) in zip(route, route.dropFirst()) {
      let leg = geodesic.inverse(a, b)
      while next < legStartM + leg.distanceMetres {
        let along = next - legStartM
        let c = geodesic.direct(from: a, azimuthDegrees: leg.azimuth1Degrees, distanceMetres: along)
        // The route's direction at the point: the start azimuth of the rest of the leg.
        let rest = geodesic.inverse(c, b)
        result.append(KilometrePoint(kpKm: next / 1000, coordinate: c, azimuthDegrees: rest.azimuth1Degrees))
        next += spacingKm * 1000
      }
      legStartM += leg.distanceMetres
    }
    return result
  }
}
