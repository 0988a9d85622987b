/// A local metric frame: an azimuthal equidistant projection (PROJ) centred on the geometries an
/// operation works on, so that GEOS can measure in metres.
///
/// Inside the frame a `Coordinate` carries x metres east in `longitude` and y metres north in
/// `latitude`; such values never leave this module.
///
/// Edges of lines and rings are straight in lon/lat (GeoJSON's and GEOS's planar model), but a
/// straight lon/lat edge is slightly curved in metres (about 6 m off over 20 km at 42° N). So
/// that measures in the frame agree with the planar predicates, `project` first splits every edge
/// along the lon/lat straight line into steps of at most `maxStepDegrees` (≈ 1 km; the remaining
/// bow is about 1 cm).
struct LocalFrame {
  let projection: Projection
  /// The longest edge, in degrees of longitude or latitude, that `project` leaves unsplit.
  static let maxStepDegrees = 0.01

  /// The frame centred on the middle of `envelope`.
  init(around envelope: Envelope) throws {
    projection = try Projection.azimuthalEquidistant(centre: envelope.centre)
  }

  /// The geometry in frame metres, its edges split as described above.
  func project(_ g: Geometry) throws -> Geometry {
    // A path goes to PROJ in one call (`proj_trans_generic`, point by point inside, so the
    // same figures as one `proj_trans` each): long routes are projected for every asset.
    try g.mapPaths(
      { try projection.forward(Self.splitEdges($0)).map { Coordinate(longitude: $0.x, latitude: $0.y) } },
      point: metres)
  }

  private func metres(_ c: Coordinate) throws -> Coordinate {
    let p = try projection.forward(c)
    return Coordinate(longitude: p.x, latitude: p.y)
  }

  /// The path with points inserted along each lon/lat-straight edge, in equal steps of at most
  /// `maxStepDegrees` in longitude and latitude; the original vertices are kept.
  static func splitEdges(_ path: [Coordinate]) -> [Coordinate] {
    guard let first = path.first else { return [] }
    var result = [first]
    result.reserveCapacity(path.count)
    for (a, b) in zip(path, path.dropFirst()) {
      let span = max(abs(b.longitude - a.longitude), abs(b.latitude - a.latitude))
      let steps = (span / maxStepDegrees).rounded(.up)
      if steps > 1, steps.isFinite {
        let n = Int(steps)
        for k in 1..<n {
          let t = Double(k) / Double(n)
          result.append(
            Coordinate(
              longitude: a.longitude + t * (b.longitude - a.longitude),
              latitude: a.latitude + t * (b.latitude - a.latitude)))
        }
      }
      result.append(b)
    }
    return result
  }

  /// A geometry in frame metres back in lon/lat degrees.
  func unproject(_ g: Geometry) throws -> Geometry {
    try g.mapCoordinates { try projection.inverse(x: $0.longitude, y: $0.latitude) }
  }
}
