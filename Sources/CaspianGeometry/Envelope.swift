import Foundation

/// A longitude/latitude bounding box, degrees WGS84. It does not wrap across the antimeridian.
public struct Envelope: Sendable, Hashable, CustomStringConvertible {
  /// Western edge, degrees east.
  public var minLongitude: Double
  /// Southern edge, degrees north.
  public var minLatitude: Double
  /// Eastern edge, degrees east.
  public var maxLongitude: Double
  /// Northern edge, degrees north.
  public var maxLatitude: Double

  public init(minLongitude: Double, minLatitude: Double, maxLongitude: Double, maxLatitude: Double) {
    self.minLongitude = minLongitude
    self.minLatitude = minLatitude
    self.maxLongitude = maxLongitude
    self.maxLatitude = maxLatitude
  }

  /// The smallest envelope holding every coordinate; `nil` for none.
  public init?(covering coordinates: some Sequence<Coordinate>) {
    var iterator = coordinates.makeIterator()
    guard let first = iterator.next() else { return nil }
    self.init(
      minLongitude: first.longitude, minLatitude: first.latitude, maxLongitude: first.longitude,
      maxLatitude: first.latitude)
    while let c = iterator.next() {
      minLongitude = min(minLongitude, c.longitude)
      minLatitude = min(minLatitude, c.latitude)
      maxLongitude = max(maxLongitude, c.longitude)
      maxLatitude = max(maxLatitude, c.latitude)
    }
  }

  /// The midpoint of the box in longitude and latitude, degrees.
  public var centre: Coordinate {
    Coordinate(longitude: (minLongitude + maxLongitude) / 2, latitude: (minLatitude + maxLatitude) / 2)
  }

  /// Whether the two boxes share at least one point (touching edges count).
  public func intersects(_ other: Envelope) -> Bool {
    minLongitude <= other.maxLongitude && other.minLongitude <= maxLongitude
      && minLatitude <= other.maxLatitude && other.minLatitude <= maxLatitude
  }

  /// Whether the coordinate lies inside the box or on its edge.
  public func contains(_ c: Coordinate) -> Bool {
    (minLongitude...maxLongitude).contains(c.longitude) && (minLatitude...maxLatitude).contains(c.latitude)
  }

  /// The smallest envelope holding both boxes.
  public func union(_ other: Envelope) -> Envelope {
    Envelope(
      minLongitude: min(minLongitude, other.minLongitude), minLatitude: min(minLatitude, other.minLatitude),
      maxLongitude: max(maxLongitude, other.maxLongitude), maxLatitude: max(maxLatitude, other.maxLatitude))
  }

  /// The box grown on every side so that it holds every point within `metres` (geodesic, WGS84) of
  /// the original box. Conservative: degrees per metre use the smallest radius of curvature of
  /// WGS84 (6 335 439 m, meridional at the equator) and the parallel at the box's most poleward
  /// latitude; near a pole the box spans all longitudes. A negative distance shrinks the box (and
  /// may leave min > max, an envelope that matches nothing in `SpatialIndex.query`).
  public func expanded(byMetres metres: Double) -> Envelope {
    let minimumRadiusMetres = 6_335_439.0
    let dLat = metres / minimumRadiusMetres * 180 / Double.pi
    let south = max(-90, minLatitude - dLat)
    let north = min(90, maxLatitude + dLat)
    let cosine = cos(max(abs(south), abs(north)) * Double.pi / 180)
    let dLon = cosine > 1e-9 ? dLat / cosine : 360
    guard dLon < 180 else {
      return Envelope(minLongitude: -180, minLatitude: south, maxLongitude: 180, maxLatitude: north)
    }
    return Envelope(
      minLongitude: minLongitude - dLon, minLatitude: south, maxLongitude: maxLongitude + dLon,
      maxLatitude: north)
  }

  public var description: String {
    "[\(minLongitude), \(minLatitude) – \(maxLongitude), \(maxLatitude)]"
  }
}

extension Geometry {
  /// Every coordinate of the geometry, in order (exterior rings before their holes).
  public var coordinates: [Coordinate] {
    switch self {
    case .point(let c): [c]
    case .multiPoint(let cs), .lineString(let cs): cs
    case .multiLineString(let lines): lines.flatMap { $0 }
    case .polygon(let p): p.exterior + p.holes.flatMap { $0 }
    case .multiPolygon(let ps): ps.flatMap { $0.exterior + $0.holes.flatMap { $0 } }
    case .geometryCollection(let gs): gs.flatMap(\.coordinates)
    }
  }

  /// The bounding box of the geometry's coordinates, degrees; `nil` for an empty geometry.
  public var envelope: Envelope? { Envelope(covering: coordinates) }

  /// The same geometry with every coordinate replaced by `transform(coordinate)`.
  func mapCoordinates(_ transform: (Coordinate) throws -> Coordinate) throws -> Geometry {
    try mapPaths({ try $0.map(transform) }, point: transform)
  }

  /// The same geometry with every line string and ring replaced by `path(coordinates)`, and every
  /// point (alone or in a MultiPoint) by `point(coordinate)`.
  func mapPaths(
    _ path: ([Coordinate]) throws -> [Coordinate], point: (Coordinate) throws -> Coordinate
  ) throws -> Geometry {
    func polygon(_ p: Polygon) throws -> Polygon {
      Polygon(exterior: try path(p.exterior), holes: try p.holes.map(path))
    }
    return switch self {
    case .point(let c): .point(try point(c))
    case .multiPoint(let cs): .multiPoint(try cs.map(point))
    case .lineString(let cs): .lineString(try path(cs))
    case .multiLineString(let lines): .multiLineString(try lines.map(path))
    case .polygon(let p): .polygon(try polygon(p))
    case .multiPolygon(let ps): .multiPolygon(try ps.map(polygon))
    case .geometryCollection(let gs): .geometryCollection(try gs.map { try $0.mapPaths(path, point: point) })
    }
  }
}
