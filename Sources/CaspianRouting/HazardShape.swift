import CaspianAnalysis
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

  /// The area comes from `Hazard.area(grownBy:defaultLaneWidthM:engine:)`, the same one the
  /// route analysis checks intrusions against; the role from the kind and the constraint.
  private static func shape(of hazard: Hazard, model: CostModel, engine: GeometryEngine) throws -> HazardShape
  {
    let area = try hazard.area(
      grownBy: hazard.bufferM ?? 0, defaultLaneWidthM: model.defaultFerryLaneWidthM, engine: engine)
    let role: Role
    switch hazard.kind {
    case .platform: role = .noGo
    case .pipeline, .cable, .sectorBoundary:
      guard hazard.constraint != .noGo else {
        return HazardShape(hazard: hazard, role: .noGo, area: area, lines: [])
      }
      role = hazard.kind == .sectorBoundary || hazard.constraint == .info ? .info : .crossing
      return HazardShape(hazard: hazard, role: role, area: nil, lines: hazard.lineParts)
    case .ferryLane: role = Self.role(of: hazard, penalty: model.ferryLanePenalty)
    case .field: role = Self.role(of: hazard, penalty: model.fieldPenalty)
    case .port: role = Self.role(of: hazard, penalty: model.portPenalty)
    case .protectedArea: role = Self.role(of: hazard, penalty: model.protectedAreaPenalty)
    }
    return HazardShape(hazard: hazard, role: role, area: area, lines: [])
  }

  private static func role(of hazard: Hazard, penalty: Double) -> Role {
    switch hazard.constraint {
    case .noGo: .noGo
    case .soft: .softArea(penaltyPerMetre: penalty)
    case .info: .info
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
