import CGEOS

extension GeometryEngine {
  /// Whether `a` and `b` share at least one point, boundaries included (`GEOSIntersects_r`),
  /// planar in lon/lat degrees. For many tests against one geometry use `prepare(_:)`.
  public func intersects(_ a: Geometry, _ b: Geometry) throws -> Bool {
    try withGEOS(a) { ga in
      try withGEOS(b) { gb in
        // GEOSIntersects_r returns 2 on exception.
        let result = GEOSIntersects_r(handle, ga, gb)
        guard result != 2 else { throw error("GEOSIntersects_r") }
        return result == 1
      }
    }
  }
}
