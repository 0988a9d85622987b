import CaspianAnalysis
import CaspianGeometry
import Foundation

/// A route unrolled along KP: its alter-course points joined by geodesics on WGS84.
struct RouteTrack {
  let points: [Coordinate]
  /// KP of each alter-course point, metres from the first point (geodesic).
  let pointKPs: [Double]
  /// Azimuth at the start of each leg, degrees clockwise from north.
  let legAzimuths: [Double]
  let geodesic: Geodesic

  /// - Throws: `EngineeringError` for fewer than two points, a position out of range or two
  ///   consecutive points that coincide.
  init(points: [Coordinate], geodesic: Geodesic) throws {
    guard points.count >= 2 else {
      throw EngineeringError(source: "route", message: "needs at least 2 points, got \(points.count)")
    }
    var kps = [0.0]
    var azimuths: [Double] = []
    for (index, (a, b)) in zip(points, points.dropFirst()).enumerated() {
      guard a.isInRange, b.isInRange else {
        throw EngineeringError(source: "route", message: "point \(index) or \(index + 1) is out of range")
      }
      let leg = geodesic.inverse(a, b)
      guard leg.distanceMetres > 0.01 else {
        throw EngineeringError(
          source: "route", message: "points \(index) and \(index + 1) coincide at \(a)")
      }
      kps.append(kps[kps.count - 1] + leg.distanceMetres)
      azimuths.append(leg.azimuth1Degrees)
    }
    self.points = points
    self.pointKPs = kps
    self.legAzimuths = azimuths
    self.geodesic = geodesic
  }

  /// Route length, metres (geodesic).
  var lengthM: Double { pointKPs[pointKPs.count - 1] }

  /// The leg (index of its first point) that holds `kp`; a KP at an alter-course point belongs
  /// to the leg that starts there, the route's end to the last leg.
  func leg(containing kp: Double) -> Int {
    var low = 0
    var high = points.count - 2
    while low < high {
      let middle = (low + high + 1) / 2
      if pointKPs[middle] <= kp { low = middle } else { high = middle - 1 }
    }
    return low
  }

  /// The position at `kp` metres along the route, on its geodesic leg.
  func coordinate(atKP kp: Double) -> Coordinate {
    let clamped = min(max(kp, 0), lengthM)
    let leg = leg(containing: clamped)
    let along = clamped - pointKPs[leg]
    if along <= 0 { return points[leg] }
    if clamped >= pointKPs[leg + 1] { return points[leg + 1] }
    return geodesic.direct(from: points[leg], azimuthDegrees: legAzimuths[leg], distanceMetres: along)
  }
}

/// One depth sample along the route.
struct SeabedSample {
  /// Metres from the first point.
  var kp: Double
  var coordinate: Coordinate
  /// Water depth, metres positive down; `nil` where the depth source has no value.
  var depthM: Double?
}

/// The seabed along the route: depth samples at every alter-course point, every
/// `spacingM` or closer along each leg, and at any extra KPs asked for.
struct SeabedProfile {
  let track: RouteTrack
  let samples: [SeabedSample]

  init(track: RouteTrack, depth: some DepthProvider, spacingM: Double, extraKPs: [Double] = []) {
    var kps: [Double] = []
    for leg in 0..<(track.points.count - 1) {
      let start = track.pointKPs[leg]
      let length = track.pointKPs[leg + 1] - start
      let steps = max(1, Int((length / spacingM).rounded(.up)))
      for step in 0..<steps { kps.append(start + length * Double(step) / Double(steps)) }
    }
    kps.append(track.lengthM)
    kps += extraKPs.filter { $0 > 0 && $0 < track.lengthM }
    kps.sort()
    var unique: [Double] = []
    for kp in kps where unique.last.map({ kp - $0 > 0.01 }) ?? true { unique.append(kp) }
    self.track = track
    self.samples = unique.map { kp in
      let c = track.coordinate(atKP: kp)
      return SeabedSample(kp: kp, coordinate: c, depthM: depth.depthMetres(at: c))
    }
  }

  /// Length of the seabed surface between two KPs, metres: the 3-D length of the depth profile
  /// (horizontal geodesic distance and change of depth between consecutive samples). Where a
  /// depth is unknown the stretch counts as flat.
  func seabedLengthM(from startKP: Double, to endKP: Double, depth: some DepthProvider) -> Double {
    let first = track.coordinate(atKP: startKP)
    let last = track.coordinate(atKP: endKP)
    var points = [SeabedSample(kp: startKP, coordinate: first, depthM: depth.depthMetres(at: first))]
    // The samples strictly inside, found by bisection: no pass over the whole route per leg.
    let inside = firstSample { $0 > startKP + 0.01 }
    points += samples[inside..<max(inside, firstSample { $0 >= endKP - 0.01 })]
    points.append(SeabedSample(kp: endKP, coordinate: last, depthM: depth.depthMetres(at: last)))
    var length = 0.0
    for (a, b) in zip(points, points.dropFirst()) {
      let horizontal = b.kp - a.kp
      let vertical = (a.depthM.flatMap { da in b.depthM.map { $0 - da } }) ?? 0
      length += (horizontal * horizontal + vertical * vertical).squareRoot()
    }
    return length
  }

  /// The index of the first sample whose KP satisfies `isPast` (`samples.count` if none does);
  /// `isPast` must be false up to some KP and true after it (samples are in KP order).
  func firstSample(where isPast: (Double) -> Bool) -> Int {
    var low = 0
    var high = samples.count
    while low < high {
      let middle = (low + high) / 2
      if isPast(samples[middle].kp) { high = middle } else { low = middle + 1 }
    }
    return low
  }

  /// The samples with `from` ≤ KP ≤ `to`, metres, in KP order.
  func samples(fromKP from: Double, toKP to: Double) -> ArraySlice<SeabedSample> {
    let start = firstSample { $0 >= from }
    return samples[start..<max(start, firstSample { $0 > to })]
  }

  /// KP of the point on the route nearest to `c`, metres (projection onto the sampled track in a
  /// local equirectangular frame, accurate to well under a metre at the sample spacing).
  func kp(nearest c: Coordinate) -> Double {
    let scale = cos(c.latitude * .pi / 180)
    var best = (distance: Double.infinity, kp: 0.0)
    for (a, b) in zip(samples, samples.dropFirst()) {
      let ax = (a.coordinate.longitude - c.longitude) * scale
      let ay = a.coordinate.latitude - c.latitude
      let bx = (b.coordinate.longitude - c.longitude) * scale
      let by = b.coordinate.latitude - c.latitude
      let dx = bx - ax
      let dy = by - ay
      let lengthSquared = dx * dx + dy * dy
      let t = lengthSquared > 0 ? min(1, max(0, -(ax * dx + ay * dy) / lengthSquared)) : 0
      let px = ax + t * dx
      let py = ay + t * dy
      let distance = px * px + py * py
      if distance < best.distance { best = (distance, a.kp + t * (b.kp - a.kp)) }
    }
    return best.kp
  }
}
