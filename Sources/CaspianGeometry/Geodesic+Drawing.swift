import Foundation

/// Geodesic lines as GIS draws them: straight segments in longitude/latitude. A cable route is
/// a chain of geodesics between alter-course points; drawn with only those points, a 357 km leg
/// bows up to ~1.5 km away from the geodesic the RPL is computed on. These functions densify a
/// route so the drawing stays within a tolerance, and recover the alter-course points from a
/// densified line.
extension Geodesic {
  /// How far a drawn (straight lon/lat) segment of an exported route may stray from the
  /// geodesic, metres: 10 m, a fraction of a cable's position tolerance on the RPL.
  public static let drawingToleranceMetres = 10.0

  /// Distance from `p` to the geodesic segment from `a` to `b`, metres.
  ///
  /// The cross-track distance on the sphere of the geodesic's own lengths and azimuths (from `a`
  /// and, for the along-track check, from `b`); beyond either end, the distance to that end.
  /// For offsets of metres to kilometres from legs up to a few hundred kilometres the error is
  /// well under 1 % of the offset.
  public func distanceMetres(from p: Coordinate, toSegment a: Coordinate, _ b: Coordinate) -> Double {
    let ab = inverse(a, b)
    let ap = inverse(a, p)
    guard ab.distanceMetres > 0 else { return ap.distanceMetres }
    let radius = equatorialRadiusMetres * (1 - flattening / 3)  // mean radius
    let angularAP = ap.distanceMetres / radius
    let delta = (ap.azimuth1Degrees - ab.azimuth1Degrees) * .pi / 180
    // Before the start: the nearest point is `a`.
    if cos(delta) < 0 { return ap.distanceMetres }
    let crossTrack = asin(max(-1, min(1, sin(angularAP) * sin(delta))))
    let alongTrack = acos(max(-1, min(1, cos(angularAP) / max(cos(crossTrack), 1e-15)))) * radius
    if alongTrack > ab.distanceMetres { return distanceMetres(p, b) }
    return abs(crossTrack) * radius
  }

  /// The largest distance, metres, between the straight longitude/latitude segment from `a` to
  /// `b` and the geodesic between them (checked at a quarter, the middle and three quarters of
  /// the segment, where a chord of a smooth curve is farthest from it).
  public func drawingDeviationMetres(_ a: Coordinate, _ b: Coordinate) -> Double {
    [0.25, 0.5, 0.75].map { t in
      let chord = Coordinate(
        longitude: a.longitude + t * (b.longitude - a.longitude),
        latitude: a.latitude + t * (b.latitude - a.latitude))
      return distanceMetres(from: chord, toSegment: a, b)
    }.max()!
  }

  /// `path` with points inserted along each geodesic leg so that no straight longitude/latitude
  /// segment between consecutive points lies more than `toleranceMetres` from the geodesic.
  /// Each leg is split into equal parts; the input points are kept exactly.
  /// - Returns: the points and, for each input point, its index in them.
  public func densifiedForDrawing(_ path: [Coordinate], toleranceMetres: Double) -> (
    points: [Coordinate], vertexIndices: [Int]
  ) {
    guard let first = path.first else { return ([], []) }
    var points = [first]
    var indices = [0]
    for (a, b) in zip(path, path.dropFirst()) {
      let leg = inverse(a, b)
      // A chord's deviation grows with the square of its length: start from that estimate and
      // double the parts until every piece is within the tolerance.
      let whole = drawingDeviationMetres(a, b)
      var parts =
        whole <= toleranceMetres ? 1 : max(2, Int((whole / toleranceMetres).squareRoot().rounded(.up)))
      var pieces: [Coordinate] = []
      while true {
        pieces = (1..<max(parts, 1)).map {
          direct(
            from: a, azimuthDegrees: leg.azimuth1Degrees,
            distanceMetres: leg.distanceMetres * Double($0) / Double(parts))
        }
        let chain = [a] + pieces + [b]
        if parts >= 1 << 20
          || zip(chain, chain.dropFirst()).allSatisfy({ drawingDeviationMetres($0, $1) <= toleranceMetres })
        {
          break
        }
        parts *= 2
      }
      points += pieces
      points.append(b)
      indices.append(points.count - 1)
    }
    return (points, indices)
  }

  /// The vertices of `path` that are not on the geodesic between their kept neighbours (within
  /// `toleranceMetres`): the alter-course points of a densified line (Douglas–Peucker with the
  /// distance to the geodesic). The first and last points are always kept.
  public func alterCoursePoints(of path: [Coordinate], toleranceMetres: Double) -> [Coordinate] {
    guard path.count > 2 else { return path }
    var keep = [Bool](repeating: false, count: path.count)
    keep[0] = true
    keep[path.count - 1] = true
    var ranges = [(0, path.count - 1)]
    while let (from, to) = ranges.popLast() {
      guard to - from > 1 else { continue }
      var farthest = from + 1
      var distance = -1.0
      for i in (from + 1)..<to {
        let d = distanceMetres(from: path[i], toSegment: path[from], path[to])
        if d > distance {
          distance = d
          farthest = i
        }
      }
      if distance > toleranceMetres {
        keep[farthest] = true
        ranges.append((from, farthest))
        ranges.append((farthest, to))
      }
    }
    return path.indices.filter { keep[$0] }.map { path[$0] }
  }
}
