import CGEOS

extension GeometryEngine {
  /// The point of `a` and the point of `b` that are closest to each other, lon/lat degrees
  /// (`GEOSNearestPoints_r`).
  ///
  /// Found in metres, in an azimuthal equidistant projection centred on both geometries, so the
  /// points are the nearest on the ground (to better than 0.2 % within a few hundred kilometres of
  /// the centre), not in degree space.
  ///
  /// - Throws: `GeometryError.invalidInput` if either geometry is empty.
  public func nearestPoints(_ a: Geometry, _ b: Geometry) throws -> (Coordinate, Coordinate) {
    guard let ea = a.envelope, let eb = b.envelope else {
      throw GeometryError.invalidInput(operation: "nearestPoints", problem: "a geometry is empty")
    }
    let frame = try LocalFrame(around: ea.union(eb))
    let points = try withGEOS(try frame.project(a)) { ga in
      try withGEOS(try frame.project(b)) { gb in
        // GEOSNearestPoints_r returns NULL on exception; the sequence is ours (GEOSCoordSeq_destroy_r).
        guard let sequence = GEOSNearestPoints_r(handle, ga, gb) else { throw error("GEOSNearestPoints_r") }
        defer { GEOSCoordSeq_destroy_r(handle, sequence) }
        return try coordinates(of: sequence)
      }
    }
    guard points.count == 2 else {
      throw GeometryError.geos(
        function: "GEOSNearestPoints_r", message: "returned \(points.count) points instead of 2")
    }
    let p = try frame.projection.inverse(x: points[0].longitude, y: points[0].latitude)
    let q = try frame.projection.inverse(x: points[1].longitude, y: points[1].latitude)
    return (p, q)
  }

  /// The distance between `a` and `b`, metres: the geodesic on WGS84 (`geod_inverse`) between
  /// their nearest points (`nearestPoints`). Zero when they touch or overlap.
  public func distanceMetres(_ a: Geometry, _ b: Geometry) throws -> Double {
    let (p, q) = try nearestPoints(a, b)
    return Geodesic.wgs84.distanceMetres(p, q)
  }
}
