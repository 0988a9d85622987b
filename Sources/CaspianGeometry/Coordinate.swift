/// A position on the WGS84 ellipsoid, in decimal degrees.
///
/// Longitude comes first everywhere in this package, as in GeoJSON (RFC 7946 §3.1.1).
public struct Coordinate: Sendable, Hashable, Codable, CustomStringConvertible {
  /// Degrees east of Greenwich, −180…180.
  public var longitude: Double
  /// Degrees north of the equator, −90…90.
  public var latitude: Double

  public init(longitude: Double, latitude: Double) {
    self.longitude = longitude
    self.latitude = latitude
  }

  /// Whether both values are finite and within the WGS84 ranges.
  public var isInRange: Bool {
    longitude.isFinite && latitude.isFinite && (-180...180).contains(longitude)
      && (-90...90).contains(latitude)
  }

  public var description: String { "(\(longitude), \(latitude))" }
}
