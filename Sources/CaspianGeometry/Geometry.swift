/// A polygon on the WGS84 ellipsoid: one exterior ring and zero or more holes.
///
/// Rings are closed (first coordinate equals last). Orientation is not enforced on input;
/// GeoJSON output writes exteriors counter-clockwise and holes clockwise (RFC 7946 §3.1.6).
public struct Polygon: Sendable, Hashable {
  public var exterior: [Coordinate]
  public var holes: [[Coordinate]]

  public init(exterior: [Coordinate], holes: [[Coordinate]] = []) {
    self.exterior = exterior
    self.holes = holes
  }
}

/// The geometry kinds GeoJSON (RFC 7946) defines, in lon/lat degrees on WGS84.
public indirect enum Geometry: Sendable, Hashable {
  case point(Coordinate)
  case multiPoint([Coordinate])
  case lineString([Coordinate])
  case multiLineString([[Coordinate]])
  case polygon(Polygon)
  case multiPolygon([Polygon])
  case geometryCollection([Geometry])

  /// The GeoJSON type name ("Point", "LineString", …).
  public var typeName: String {
    switch self {
    case .point: "Point"
    case .multiPoint: "MultiPoint"
    case .lineString: "LineString"
    case .multiLineString: "MultiLineString"
    case .polygon: "Polygon"
    case .multiPolygon: "MultiPolygon"
    case .geometryCollection: "GeometryCollection"
    }
  }
}
