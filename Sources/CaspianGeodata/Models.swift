import CaspianGeometry
import CaspianSupport

/// How far a value can be trusted, as the data set states it.
public enum Confidence: String, Sendable, Hashable, Codable, CaseIterable {
  case high, medium, low
}

/// The sea: one Polygon or MultiPolygon in lon/lat degrees; islands are holes.
public struct SeaArea: Sendable, Hashable {
  public let name: String?
  public let source: String?
  /// The sea's polygons (more than one when the sea polygon is a MultiPolygon).
  public let polygons: [Polygon]

  public init(name: String?, source: String?, polygons: [Polygon]) {
    self.name = name
    self.source = source
    self.polygons = polygons
  }

  /// The sea as one geometry (a Polygon, or a MultiPolygon when there are several parts).
  public var geometry: Geometry { polygons.count == 1 ? .polygon(polygons[0]) : .multiPolygon(polygons) }

  /// Number of islands (holes in the sea's polygons).
  public var islandCount: Int { polygons.reduce(0) { $0 + $1.holes.count } }
}

/// A candidate landing point of the cable: on the water, just off the shore.
public struct Landing: Sendable, Hashable {
  public let name: String
  public let coordinate: Coordinate
  /// Country name as the data gives it.
  public let country: String?
  public let source: String?
  public let confidence: Confidence?
  public let note: String?
  /// The position on the shore before it was snapped into the water, if the data says.
  public let originalCoordinate: Coordinate?
  /// How far the point was moved when it was snapped, metres.
  public let snappedM: Double?
  /// Direction from the landing point seaward that the cable must take (the beach manhole's
  /// approach), degrees true; nil when the data give none.
  public let approachBearingDegrees: Double?

  public init(
    name: String, coordinate: Coordinate, country: String? = nil, source: String? = nil,
    confidence: Confidence? = nil, note: String? = nil, originalCoordinate: Coordinate? = nil,
    snappedM: Double? = nil, approachBearingDegrees: Double? = nil
  ) {
    self.name = name
    self.coordinate = coordinate
    self.country = country
    self.source = source
    self.confidence = confidence
    self.note = note
    self.originalCoordinate = originalCoordinate
    self.snappedM = snappedM
    self.approachBearingDegrees = approachBearingDegrees
  }
}

/// What a hazard or seabed user is.
public enum HazardKind: String, Sendable, Hashable, Codable, CaseIterable {
  /// An oil or gas field outline (Polygon).
  case field
  /// A platform (Point) with a safety zone.
  case platform
  /// A pipeline on the seabed (LineString).
  case pipeline
  /// An existing cable (LineString).
  case cable
  /// A port approach or anchorage (Polygon).
  case port
  /// A ferry lane (LineString with a width, or Polygon).
  case ferryLane = "ferry-lane"
  /// A protected area (Polygon).
  case protectedArea = "protected-area"
  /// A sector boundary between states (LineString), reported only.
  case sectorBoundary = "sector-boundary"

  /// The GeoJSON geometry types a feature of this kind may have.
  public var allowedGeometryTypes: [String] {
    switch self {
    case .field, .port, .protectedArea: ["Polygon", "MultiPolygon"]
    case .platform: ["Point"]
    case .pipeline, .cable, .sectorBoundary: ["LineString", "MultiLineString"]
    case .ferryLane: ["LineString", "MultiLineString", "Polygon", "MultiPolygon"]
    }
  }
}

/// How a route must treat a hazard.
public enum HazardConstraint: String, Sendable, Hashable, Codable, CaseIterable {
  /// Never enter.
  case noGo = "no-go"
  /// Allowed, at a cost.
  case soft
  /// Reported only (e.g. a sector boundary).
  case info
}

/// A hazard or other seabed user the route must avoid, pay for, or report.
public struct Hazard: Sendable, Hashable {
  /// Safety zone around a platform when the data gives none, metres (UNCLOS art. 60(5)).
  public static let defaultPlatformSafetyZoneM = 500.0

  public let kind: HazardKind
  public let name: String
  public let geometry: Geometry
  public let constraint: HazardConstraint
  public let source: String?
  public let confidence: Confidence?
  /// The geometry is drawn schematically, not surveyed.
  public let schematic: Bool
  /// Radius of a platform's safety zone (no-go), metres; nil for other kinds.
  public let safetyZoneM: Double?
  /// Clearance band around the feature, treated like the feature, metres.
  public let bufferM: Double?
  /// Width of a ferry lane drawn as a line, metres.
  public let widthM: Double?
  public let note: String?
  /// All properties as the file has them, including any not modelled above.
  public let properties: [String: JSONValue]

  public init(
    kind: HazardKind, name: String, geometry: Geometry, constraint: HazardConstraint, source: String? = nil,
    confidence: Confidence? = nil, schematic: Bool = false, safetyZoneM: Double? = nil,
    bufferM: Double? = nil,
    widthM: Double? = nil, note: String? = nil, properties: [String: JSONValue] = [:]
  ) {
    self.kind = kind
    self.name = name
    self.geometry = geometry
    self.constraint = constraint
    self.source = source
    self.confidence = confidence
    self.schematic = schematic
    self.safetyZoneM = safetyZoneM
    self.bufferM = bufferM
    self.widthM = widthM
    self.note = note
    self.properties = properties
  }
}
