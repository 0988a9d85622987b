import CPROJ

/// The solution of the inverse geodesic problem between two points.
public struct GeodesicInverse: Sendable, Hashable {
  /// Length of the geodesic, metres on the ellipsoid.
  public var distanceMetres: Double
  /// Azimuth of the geodesic at the first point, degrees clockwise from north, −180…180.
  public var azimuth1Degrees: Double
  /// Azimuth of the geodesic at the second point (the forward direction there), degrees clockwise
  /// from north, −180…180.
  public var azimuth2Degrees: Double

  public init(distanceMetres: Double, azimuth1Degrees: Double, azimuth2Degrees: Double) {
    self.distanceMetres = distanceMetres
    self.azimuth1Degrees = azimuth1Degrees
    self.azimuth2Degrees = azimuth2Degrees
  }
}

/// Geodesics on an ellipsoid of revolution: Karney's algorithms as PROJ ships them in
/// `geodesic.h` (GeographicLib C), accurate to about 15 nm.
///
/// All lengths are metres along the ellipsoid, all angles degrees, azimuths clockwise from north.
/// The value holds the `geod_geodesic` coefficients (plain doubles), so it is cheap to share and
/// `Sendable`; every method is a direct call into `geodesic.h` with no allocation beyond its result.
///
/// None of the `geod_*` functions report failure: a non-finite input gives NaN outputs.
///
/// ```swift
/// let leg = Geodesic.wgs84.inverse(aktau, sumgait)   // leg.distanceMetres ≈ 3.8e5
/// ```
public struct Geodesic: Sendable {
  private var g = geod_geodesic()

  /// An ellipsoid with the given equatorial radius (metres) and flattening (`geod_init`).
  public init(equatorialRadiusMetres: Double, flattening: Double) {
    geod_init(&g, equatorialRadiusMetres, flattening)
  }

  /// The WGS84 ellipsoid: a = 6 378 137 m, f = 1/298.257223563.
  public static let wgs84 = Geodesic(equatorialRadiusMetres: 6_378_137, flattening: 1 / 298.257_223_563)

  /// Equatorial radius of the ellipsoid, metres.
  public var equatorialRadiusMetres: Double { g.a }
  /// Flattening of the ellipsoid.
  public var flattening: Double { g.f }

  /// The shortest path from `a` to `b` (`geod_inverse`): its length in metres and its azimuths.
  public func inverse(_ a: Coordinate, _ b: Coordinate) -> GeodesicInverse {
    var s12 = 0.0
    var azi1 = 0.0
    var azi2 = 0.0
    withUnsafePointer(to: g) { g in
      geod_inverse(g, a.latitude, a.longitude, b.latitude, b.longitude, &s12, &azi1, &azi2)
    }
    return GeodesicInverse(distanceMetres: s12, azimuth1Degrees: azi1, azimuth2Degrees: azi2)
  }

  /// The length of the shortest path from `a` to `b`, metres (`geod_inverse` without azimuths).
  public func distanceMetres(_ a: Coordinate, _ b: Coordinate) -> Double {
    var s12 = 0.0
    withUnsafePointer(to: g) { g in
      geod_inverse(g, a.latitude, a.longitude, b.latitude, b.longitude, &s12, nil, nil)
    }
    return s12
  }

  /// The point reached by travelling `distanceMetres` along the geodesic that leaves `from` at
  /// `azimuthDegrees` (clockwise from north) (`geod_direct`). Longitude is reduced to −180…180.
  public func direct(from: Coordinate, azimuthDegrees: Double, distanceMetres: Double) -> Coordinate {
    var lat2 = 0.0
    var lon2 = 0.0
    withUnsafePointer(to: g) { g in
      geod_direct(g, from.latitude, from.longitude, azimuthDegrees, distanceMetres, &lat2, &lon2, nil)
    }
    return Coordinate(longitude: lon2, latitude: lat2)
  }

  /// The length of a path, metres: the sum of the geodesic legs between consecutive vertices.
  /// Zero for fewer than two vertices.
  public func length(of path: [Coordinate]) -> Double {
    guard path.count > 1 else { return 0 }
    var total = 0.0
    for i in 1..<path.count {
      total += distanceMetres(path[i - 1], path[i])
    }
    return total
  }

  /// The area enclosed by a ring of geodesic edges, m², whatever the ring's orientation
  /// (`geod_polygon_addpoint` + `geod_polygon_compute`, signed, then its magnitude).
  /// The ring may be closed (last vertex = first) or not; fewer than three vertices give 0.
  public func area(ofRing ring: [Coordinate]) -> Double {
    var vertices = ring[...]
    if vertices.count > 1, vertices.first == vertices.last { vertices = vertices.dropLast() }
    guard vertices.count > 2 else { return 0 }
    var polygon = geod_polygon()
    geod_polygon_init(&polygon, 0)
    var area = 0.0
    withUnsafePointer(to: g) { g in
      for c in vertices {
        geod_polygon_addpoint(g, &polygon, c.latitude, c.longitude)
      }
      // reverse = 0, sign = 1: counter-clockwise rings are positive, clockwise negative.
      _ = geod_polygon_compute(g, &polygon, 0, 1, &area, nil)
    }
    return abs(area)
  }

  /// The area of a polygon on the ellipsoid, m²: the exterior's area minus its holes'.
  public func area(of polygon: Polygon) -> Double {
    polygon.holes.reduce(area(ofRing: polygon.exterior)) { $0 - area(ofRing: $1) }
  }

  /// The total area of the polygonal parts of a geometry, m² (points and lines count 0).
  public func area(of geometry: Geometry) -> Double {
    switch geometry {
    case .point, .multiPoint, .lineString, .multiLineString: 0
    case .polygon(let p): area(of: p)
    case .multiPolygon(let ps): ps.reduce(0) { $0 + area(of: $1) }
    case .geometryCollection(let gs): gs.reduce(0) { $0 + area(of: $1) }
    }
  }

  /// The path with points inserted along each geodesic leg so that no two consecutive points are
  /// more than `maxSpacingMetres` apart (`geod_inverseline` + `geod_position`). Each leg is split
  /// into equal parts; the original vertices are kept exactly.
  ///
  /// - Precondition: `maxSpacingMetres` is finite and greater than zero.
  public func densify(_ path: [Coordinate], maxSpacingMetres: Double) -> [Coordinate] {
    precondition(
      maxSpacingMetres.isFinite && maxSpacingMetres > 0, "maxSpacingMetres must be finite and > 0")
    guard let first = path.first else { return [] }
    var result = [first]
    result.reserveCapacity(path.count)
    let caps = GEOD_LATITUDE.rawValue | GEOD_LONGITUDE.rawValue | GEOD_DISTANCE_IN.rawValue
    withUnsafePointer(to: g) { g in
      for (a, b) in zip(path, path.dropFirst()) {
        var line = geod_geodesicline()
        geod_inverseline(&line, g, a.latitude, a.longitude, b.latitude, b.longitude, caps)
        // line.s13 is the leg length in metres; a NaN leg (bad input) adds no points.
        let parts = (line.s13 / maxSpacingMetres).rounded(.up)
        if parts > 1, parts.isFinite {
          let n = Int(parts)
          for k in 1..<n {
            var lat = 0.0
            var lon = 0.0
            geod_position(&line, line.s13 * Double(k) / Double(n), &lat, &lon, nil)
            result.append(Coordinate(longitude: lon, latitude: lat))
          }
        }
        result.append(b)
      }
    }
    return result
  }
}
