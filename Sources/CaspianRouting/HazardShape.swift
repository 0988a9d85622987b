import CaspianGeodata
import CaspianGeometry

/// A hazard as the planner uses it: the area a route must avoid or pay for (safety zones,
/// clearance bands and lane widths applied), or the line a route crosses.
struct HazardShape {
  enum Role {
    /// Never entered (a no-go zone, a platform safety zone).
    case noGo
    /// Entered at an extra cost per metre.
    case softArea(penaltyPerMetre: Double)
    /// Crossed at a cost per crossing (pipelines, cables).
    case crossing
    /// Reported only (sector boundaries, "info" features).
    case info
  }

  let hazard: Hazard
  let role: Role
  /// The area in lon/lat degrees (buffers applied); nil for lines.
  let area: Geometry?
  /// The line parts in lon/lat degrees, for crossings and boundaries; empty for areas.
  let lines: [[Coordinate]]

  /// Builds the planner's view of every hazard under `model`.
  /// - Throws: a geometry error from GEOS when a buffer cannot be computed.
  static func shapes(of hazards: [Hazard], model: CostModel, engine: GeometryEngine) throws -> [HazardShape] {
    try hazards.map { try shape(of: $0, model: model, engine: engine) }
  }

  private static func shape(of hazard: Hazard, model: CostModel, engine: GeometryEngine) throws -> HazardShape
  {
    let bufferM = hazard.bufferM ?? 0
    func grown(_ g: Geometry, by metres: Double) throws -> Geometry {
      metres > 0 ? try engine.buffer(g, metres: metres) : g
    }
    switch hazard.kind {
    case .platform:
      let radius = (hazard.safetyZoneM ?? Hazard.defaultPlatformSafetyZoneM) + bufferM
      return HazardShape(
        hazard: hazard, role: .noGo, area: try engine.buffer(hazard.geometry, metres: radius), lines: [])
    case .pipeline, .cable, .sectorBoundary:
      if hazard.constraint == .noGo {
        return HazardShape(
          hazard: hazard, role: .noGo, area: try engine.buffer(hazard.geometry, metres: max(bufferM, 1)),
          lines: [])
      }
      let role: Role = hazard.kind == .sectorBoundary || hazard.constraint == .info ? .info : .crossing
      return HazardShape(hazard: hazard, role: role, area: nil, lines: lineParts(of: hazard.geometry))
    case .ferryLane:
      let area: Geometry
      switch hazard.geometry {
      case .lineString, .multiLineString:
        area = try engine.buffer(
          hazard.geometry, metres: (hazard.widthM ?? model.defaultFerryLaneWidthM) / 2 + bufferM)
      default:
        area = try grown(hazard.geometry, by: bufferM)
      }
      return HazardShape(
        hazard: hazard, role: role(of: hazard, penalty: model.ferryLanePenalty), area: area, lines: [])
    case .field:
      return HazardShape(
        hazard: hazard, role: role(of: hazard, penalty: model.fieldPenalty),
        area: try grown(hazard.geometry, by: bufferM), lines: [])
    case .port:
      return HazardShape(
        hazard: hazard, role: role(of: hazard, penalty: model.portPenalty),
        area: try grown(hazard.geometry, by: bufferM), lines: [])
    case .protectedArea:
      return HazardShape(
        hazard: hazard, role: role(of: hazard, penalty: model.protectedAreaPenalty),
        area: try grown(hazard.geometry, by: bufferM), lines: [])
    }
  }

  private static func role(of hazard: Hazard, penalty: Double) -> Role {
    switch hazard.constraint {
    case .noGo: .noGo
    case .soft: .softArea(penaltyPerMetre: penalty)
    case .info: .info
    }
  }

  /// The line parts of a LineString or MultiLineString (empty for other geometries).
  static func lineParts(of geometry: Geometry) -> [[Coordinate]] {
    switch geometry {
    case .lineString(let line): [line]
    case .multiLineString(let lines): lines
    case .geometryCollection(let parts): parts.flatMap { lineParts(of: $0) }
    default: []
    }
  }

  /// The rings of a polygonal geometry (exteriors and holes alike, for even–odd filling).
  static func rings(of geometry: Geometry) -> [[Coordinate]] {
    switch geometry {
    case .polygon(let p): [p.exterior] + p.holes
    case .multiPolygon(let ps): ps.flatMap { [$0.exterior] + $0.holes }
    case .geometryCollection(let parts): parts.flatMap { rings(of: $0) }
    default: []
    }
  }
}
