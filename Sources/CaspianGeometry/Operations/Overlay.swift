import CGEOS

extension GeometryEngine {
  /// The part of `a` that is also in `b` (`GEOSIntersection_r`), planar in lon/lat degrees. Disjoint
  /// inputs give an empty geometry (e.g. `.geometryCollection([])` or `.multiPolygon([])`).
  public func intersection(_ a: Geometry, _ b: Geometry) throws -> Geometry {
    try withGEOS(a) { ga in
      try withGEOS(b) { gb in
        // GEOSIntersection_r returns NULL on exception; the result is ours.
        guard let result = GEOSIntersection_r(handle, ga, gb) else { throw error("GEOSIntersection_r") }
        defer { GEOSGeom_destroy_r(handle, result) }
        return try geometry(from: result)
      }
    }
  }
}
