import CGEOS

/// Whether a geometry is valid in the OGC Simple Features sense, as GEOS judges it.
public enum Validity: Sendable, Equatable {
  case valid
  /// Invalid: GEOS's reason (e.g. "Self-intersection", "Ring Self-intersection", "Too few points")
  /// and, when GEOS gives one, the place where the rule is broken (lon/lat degrees).
  case invalid(reason: String, location: Coordinate?)

  public var isValid: Bool { self == .valid }
}

extension GeometryEngine {
  /// Whether `g` is a valid OGC geometry, and if not GEOS's reason and the place where the rule is
  /// broken (`GEOSisValidDetail_r`). Planar in lon/lat degrees.
  ///
  /// A geometry GEOS cannot even build (an unclosed ring, a ring of fewer than four points, a line
  /// of one point) is reported as invalid with GEOS's construction message and no location.
  ///
  /// ```swift
  /// try engine.validity(of: bowTie)   // .invalid(reason: "Self-intersection", location: (0.5, 0.5))
  /// ```
  public func validity(of g: Geometry) throws -> Validity {
    let geos: OpaquePointer
    do {
      geos = try makeGEOS(g)
    } catch GeometryError.geos(_, let message) {
      return .invalid(reason: message, location: nil)
    }
    defer { GEOSGeom_destroy_r(handle, geos) }
    var reason: UnsafeMutablePointer<CChar>? = nil
    var location: OpaquePointer? = nil
    // GEOSisValidDetail_r returns 1 when valid, 0 when invalid, 2 on exception. The reason string
    // is ours to free with GEOSFree_r, the location geometry with GEOSGeom_destroy_r.
    let result = GEOSisValidDetail_r(handle, geos, 0, &reason, &location)
    defer {
      if let reason { GEOSFree_r(handle, reason) }
      if let location { GEOSGeom_destroy_r(handle, location) }
    }
    switch result {
    case 1:
      return .valid
    case 0:
      let place = try location.flatMap { try geometry(from: $0).coordinates.first }
      return .invalid(reason: reason.map { String(cString: $0) } ?? "invalid geometry", location: place)
    default:
      throw error("GEOSisValidDetail_r")
    }
  }

  /// A valid geometry covering the same area as `g`, keeping its dimension: GEOS's "structure"
  /// method with collapsed parts dropped (`GEOSMakeValidWithParams_r`,
  /// `GEOS_MAKE_VALID_STRUCTURE`). A bow-tie becomes a MultiPolygon of its two triangles; a
  /// valid geometry comes back unchanged in shape. Planar in lon/lat degrees.
  public func makeValid(_ g: Geometry) throws -> Geometry {
    // GEOSMakeValidParams_create_r returns NULL on exception.
    guard let params = GEOSMakeValidParams_create_r(handle) else {
      throw error("GEOSMakeValidParams_create_r")
    }
    defer { GEOSMakeValidParams_destroy_r(handle, params) }
    // GEOSMakeValidParams_setMethod_r and _setKeepCollapsed_r return 0 on exception.
    guard GEOSMakeValidParams_setMethod_r(handle, params, GEOS_MAKE_VALID_STRUCTURE) != 0 else {
      throw error("GEOSMakeValidParams_setMethod_r")
    }
    guard GEOSMakeValidParams_setKeepCollapsed_r(handle, params, 0) != 0 else {
      throw error("GEOSMakeValidParams_setKeepCollapsed_r")
    }
    return try withGEOS(g) { geos in
      // GEOSMakeValidWithParams_r returns NULL on exception; the result is ours.
      guard let valid = GEOSMakeValidWithParams_r(handle, geos, params) else {
        throw error("GEOSMakeValidWithParams_r")
      }
      defer { GEOSGeom_destroy_r(handle, valid) }
      return try geometry(from: valid)
    }
  }
}
