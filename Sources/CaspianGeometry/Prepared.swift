import CGEOS

extension GeometryEngine {
  /// `g` prepared for many fast predicate tests (`GEOSPrepare_r`): build once, test often.
  ///
  /// ```swift
  /// let sea = try engine.prepare(seaGeometry)
  /// if try sea.covers(.lineString([a, b])) { … }   // the leg stays in the water
  /// ```
  public func prepare(_ g: Geometry) throws -> PreparedGeometry {
    try PreparedGeometry(engine: self, geometry: g)
  }
}

/// A geometry prepared by GEOS for repeated predicates (`GEOSPrepare_r`), planar in lon/lat
/// degrees. It keeps its engine alive and, like it, belongs to one task.
///
/// Each test first compares envelopes in Swift and calls GEOS only when they overlap, so
/// rejecting far-away points and lines costs no allocation.
public final class PreparedGeometry {
  private let engine: GeometryEngine
  /// The GEOS geometry the prepared geometry reads; it must outlive `prepared`.
  private let base: OpaquePointer
  /// Freed by `GEOSPreparedGeom_destroy_r` in `deinit`, before `base`.
  private let prepared: OpaquePointer
  /// The bounding box of the prepared geometry, degrees; `nil` if it is empty.
  public let envelope: Envelope?

  init(engine: GeometryEngine, geometry: Geometry) throws {
    let base = try engine.makeGEOS(geometry)
    // GEOSPrepare_r returns NULL on exception. The prepared geometry borrows `base`.
    guard let prepared = GEOSPrepare_r(engine.handle, base) else {
      GEOSGeom_destroy_r(engine.handle, base)
      throw engine.error("GEOSPrepare_r")
    }
    self.engine = engine
    self.base = base
    self.prepared = prepared
    self.envelope = geometry.envelope
  }

  deinit {
    GEOSPreparedGeom_destroy_r(engine.handle, prepared)
    GEOSGeom_destroy_r(engine.handle, base)
  }

  /// Whether the point lies in the interior of the geometry; a point on the boundary is not
  /// contained (`GEOSPreparedContains_r`).
  public func contains(_ c: Coordinate) throws -> Bool {
    guard let envelope, envelope.contains(c) else { return false }
    let handle = engine.handle
    // GEOSGeom_createPointFromXY_r returns NULL on exception; the point is ours.
    guard let point = GEOSGeom_createPointFromXY_r(handle, c.longitude, c.latitude) else {
      throw engine.error("GEOSGeom_createPointFromXY_r")
    }
    defer { GEOSGeom_destroy_r(handle, point) }
    // GEOSPreparedContains_r returns 2 on exception.
    let result = GEOSPreparedContains_r(handle, prepared, point)
    guard result != 2 else { throw engine.error("GEOSPreparedContains_r") }
    return result == 1
  }

  /// Whether every point of `g` lies in the geometry, boundary included (`GEOSPreparedCovers_r`):
  /// e.g. `sea.covers(.lineString([a, b]))` for a leg that never touches land. An empty `g` is
  /// not covered.
  public func covers(_ g: Geometry) throws -> Bool {
    if let other = g.envelope {
      guard let envelope, envelope.union(other) == envelope else { return false }
    }
    return try engine.withGEOS(g) { geos in
      // GEOSPreparedCovers_r returns 2 on exception.
      let result = GEOSPreparedCovers_r(engine.handle, prepared, geos)
      guard result != 2 else { throw engine.error("GEOSPreparedCovers_r") }
      return result == 1
    }
  }

  /// Whether `g` shares at least one point with the geometry, boundaries included
  /// (`GEOSPreparedIntersects_r`).
  public func intersects(_ g: Geometry) throws -> Bool {
    guard let envelope, let other = g.envelope, envelope.intersects(other) else { return false }
    return try engine.withGEOS(g) { geos in
      // GEOSPreparedIntersects_r returns 2 on exception.
      let result = GEOSPreparedIntersects_r(engine.handle, prepared, geos)
      guard result != 2 else { throw engine.error("GEOSPreparedIntersects_r") }
      return result == 1
    }
  }
}
