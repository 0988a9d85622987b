import CaspianGeodata
import CaspianGeometry

extension Hazard {
  /// The area a route must never enter, lon/lat degrees, or nil when the hazard may be entered
  /// (at a cost) or is only reported: a platform's safety zone (`safetyZoneM`, else 500 m)
  /// plus `bufferM`; a no-go line (pipeline, cable, boundary) buffered by `bufferM` (at least
  /// 1 m); a no-go lane drawn as a line as wide as `widthM` (else `defaultLaneWidthM`) plus
  /// `bufferM` on each side; any other no-go area grown by `bufferM`.
  /// - Throws: a geometry error from GEOS when a buffer cannot be computed.
  public func noGoArea(defaultLaneWidthM: Double, engine: GeometryEngine) throws -> Geometry? {
    guard kind == .platform || constraint == .noGo else { return nil }
    return try area(grownBy: bufferM ?? 0, defaultLaneWidthM: defaultLaneWidthM, engine: engine)
  }

  /// The hazard's area as the planner sees it: lines of lanes widened to their lane, other lines
  /// buffered by at least 1 m, areas grown by `bufferM` (see `noGoArea`); nil for a line that
  /// is crossed rather than entered (a pipeline, cable or boundary that is not no-go).
  public func area(grownBy bufferM: Double, defaultLaneWidthM: Double, engine: GeometryEngine) throws
    -> Geometry?
  {
    switch (kind, geometry) {
    case (.platform, _):
      return try engine.buffer(geometry, metres: (safetyZoneM ?? Self.defaultPlatformSafetyZoneM) + bufferM)
    case (.ferryLane, .lineString), (.ferryLane, .multiLineString):
      return try engine.buffer(geometry, metres: (widthM ?? defaultLaneWidthM) / 2 + bufferM)
    case (.pipeline, _), (.cable, _), (.sectorBoundary, _):
      return constraint == .noGo ? try engine.buffer(geometry, metres: max(bufferM, 1)) : nil
    default:
      return bufferM > 0 ? try engine.buffer(geometry, metres: bufferM) : geometry
    }
  }

  /// The line parts a route can cross (LineString parts; empty for areas and points).
  public var lineParts: [[Coordinate]] { Self.lineParts(of: geometry) }

  private static func lineParts(of geometry: Geometry) -> [[Coordinate]] {
    switch geometry {
    case .lineString(let line): [line]
    case .multiLineString(let lines): lines
    case .geometryCollection(let parts): parts.flatMap { lineParts(of: $0) }
    default: []
    }
  }
}
