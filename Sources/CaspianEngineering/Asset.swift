import CaspianGeodata
import CaspianGeometry
import Foundation

/// A hazard or seabed asset from the data set's hazards file, as the engineering checks see it.
public struct EngineeringAsset: Sendable, Hashable {
  /// `kind` from the data-set contract: field, platform, pipeline, cable, port, ferry-lane,
  /// protected-area, sector-boundary.
  public let kind: String
  public let name: String
  public let geometry: Geometry
  /// Safety zone around a platform, metres (`safetyZoneM`; 500 by UNCLOS art. 60(5)).
  public let safetyZoneM: Double?
  /// Clearance band around the feature that counts as the feature, metres (`bufferM`).
  public let bufferM: Double?
  /// Smallest and largest longitude and latitude of all vertices, degrees.
  let bounds: Bounds

  struct Bounds: Sendable, Hashable {
    var minLongitude, minLatitude, maxLongitude, maxLatitude: Double
  }

  public init(
    kind: String, name: String, geometry: Geometry, safetyZoneM: Double? = nil, bufferM: Double? = nil
  ) {
    self.kind = kind
    self.name = name
    self.geometry = geometry
    self.safetyZoneM = safetyZoneM
    self.bufferM = bufferM
    let all = Self.vertices(of: geometry)
    bounds = Bounds(
      minLongitude: all.map(\.longitude).min() ?? 0, minLatitude: all.map(\.latitude).min() ?? 0,
      maxLongitude: all.map(\.longitude).max() ?? 0, maxLatitude: all.map(\.latitude).max() ?? 0)
  }

  /// Pipelines and existing cables: crossed at an angle, kept at a separation when parallel.
  public var isLinearAsset: Bool { kind == "pipeline" || kind == "cable" }

  /// The line work a route can cross: LineString parts (pipelines, cables, sector boundaries,
  /// ferry lanes drawn as centre lines).
  var lines: [[Coordinate]] {
    switch geometry {
    case .lineString(let line): [line]
    case .multiLineString(let lines): lines
    case .geometryCollection(let parts):
      parts.flatMap { EngineeringAsset(kind: kind, name: name, geometry: $0).lines }
    default: []
    }
  }

  private static func vertices(of geometry: Geometry) -> [Coordinate] {
    switch geometry {
    case .point(let c): [c]
    case .multiPoint(let cs), .lineString(let cs): cs
    case .multiLineString(let lines): lines.flatMap { $0 }
    case .polygon(let p): p.exterior
    case .multiPolygon(let ps): ps.flatMap(\.exterior)
    case .geometryCollection(let parts): parts.flatMap { vertices(of: $0) }
    }
  }

  /// Whether the asset may lie within `metres` of a position (a cheap envelope test before an
  /// exact distance).
  func mayBeWithin(_ metres: Double, of c: Coordinate) -> Bool {
    let b = bounds
    let dLat = metres / 110_574 + 1e-9
    let dLon = metres / (111_320 * max(0.01, cos(c.latitude * .pi / 180))) + 1e-9
    return c.latitude >= b.minLatitude - dLat && c.latitude <= b.maxLatitude + dLat
      && c.longitude >= b.minLongitude - dLon && c.longitude <= b.maxLongitude + dLon
  }
}

extension EngineeringAsset {
  /// Whether the asset is certainly more than `metres` from `c`: a cheap test that spares an
  /// exact (projected, GEOS) distance, false whenever in doubt.
  ///
  /// The distance is taken in a local equirectangular frame at `c` to the asset's edges as drawn
  /// (straight in lon/lat); it must exceed twice `metres` plus 2 km, far beyond that frame's error
  /// near `c` and the bow of a long edge between lon/lat and a projection. A point inside one of
  /// the asset's polygons (holes ignored) is never "certainly farther".
  func isCertainlyFartherThan(_ metres: Double, from c: Coordinate) -> Bool {
    let kx = 111_320 * cos(c.latitude * .pi / 180)
    let ky = 110_574.0
    let threshold = 2 * metres + 2000
    let thresholdSquared = threshold * threshold
    func planar(_ p: Coordinate) -> (x: Double, y: Double) {
      ((p.longitude - c.longitude) * kx, (p.latitude - c.latitude) * ky)
    }
    /// Squared distance from `c` (the origin) to the segment a–b.
    func squared(_ a: Coordinate, _ b: Coordinate) -> Double {
      let p = planar(a)
      let q = planar(b)
      let dx = q.x - p.x
      let dy = q.y - p.y
      let lengthSquared = dx * dx + dy * dy
      let t = lengthSquared > 0 ? min(1, max(0, -(p.x * dx + p.y * dy) / lengthSquared)) : 0
      let x = p.x + t * dx
      let y = p.y + t * dy
      return x * x + y * y
    }
    func near(_ path: [Coordinate]) -> Bool {
      if path.isEmpty { return true }
      if path.count == 1 { return squared(path[0], path[0]) <= thresholdSquared }
      return zip(path, path.dropFirst()).contains { squared($0, $1) <= thresholdSquared }
    }
    /// Even-odd ray casting in lon/lat.
    func inside(_ ring: [Coordinate]) -> Bool {
      var result = false
      for (a, b) in zip(ring, ring.dropFirst() + ring.prefix(1))
      where (a.latitude > c.latitude) != (b.latitude > c.latitude) {
        let x =
          a.longitude + (c.latitude - a.latitude) / (b.latitude - a.latitude) * (b.longitude - a.longitude)
        if c.longitude < x { result.toggle() }
      }
      return result
    }
    func farther(_ geometry: Geometry) -> Bool {
      switch geometry {
      case .point(let p): !near([p])
      case .multiPoint(let ps): !ps.contains { near([$0]) }
      case .lineString(let line): !near(line)
      case .multiLineString(let lines): !lines.contains(where: near)
      case .polygon(let polygon):
        !inside(polygon.exterior) && !([polygon.exterior] + polygon.holes).contains(where: near)
      case .multiPolygon(let polygons): polygons.allSatisfy { farther(.polygon($0)) }
      case .geometryCollection(let parts): parts.allSatisfy(farther)
      }
    }
    guard threshold.isFinite else { return false }
    return farther(geometry)
  }

  /// The asset a data-set hazard describes.
  public init(hazard: Hazard) {
    self.init(
      kind: hazard.kind.rawValue, name: hazard.name, geometry: hazard.geometry,
      safetyZoneM: hazard.safetyZoneM)
  }
}
