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
  /// The asset a data-set hazard describes.
  public init(hazard: Hazard) {
    self.init(
      kind: hazard.kind.rawValue, name: hazard.name, geometry: hazard.geometry,
      safetyZoneM: hazard.safetyZoneM)
  }
}
