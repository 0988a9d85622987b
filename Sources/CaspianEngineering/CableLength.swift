import CaspianAnalysis
import CaspianGeometry
import Foundation

extension RouteTrack {
  /// Route length, metres.
  var lengthM: Double { lengthKm * 1000 }

  /// KP of each alter-course point, metres.
  var vertexKpM: [Double] { vertexKpKm.map { $0 * 1000 } }

  /// The position `kp` metres along the route.
  func coordinate(atKpM kpM: Double) -> Coordinate { coordinate(atKpKm: kpM / 1000) }
}

/// One depth sample along the route.
struct SeabedSample {
  /// Metres from the first point.
  var kpM: Double
  var coordinate: Coordinate
  /// Water depth, metres positive down; `nil` where the depth source has no value.
  var depthM: Double?
}

/// The seabed along the route as engineering reads it: the analysis's depth profile (every
/// `AnalysisSettings.profileSpacingM` by KP along the whole route) with samples added at the
/// KPs engineering needs exactly (crossing zones, landing double-armour limits), from the
/// analysis's one depth source.
struct SeabedProfile {
  let track: RouteTrack
  let samples: [SeabedSample]

  init(analysis: RouteAnalysis, depth: some DepthProvider, extraKpsM: [Double] = []) {
    let track = analysis.track
    var samples = analysis.profile.map {
      SeabedSample(kpM: $0.kpKm * 1000, coordinate: $0.coordinate, depthM: $0.depthM)
    }
    for kpM in extraKpsM where kpM > 0 && kpM < track.lengthM {
      let c = track.coordinate(atKpM: kpM)
      samples.append(SeabedSample(kpM: kpM, coordinate: c, depthM: depth.depthMetres(at: c)))
    }
    samples.sort { $0.kpM < $1.kpM }
    var unique: [SeabedSample] = []
    for sample in samples where unique.last.map({ sample.kpM - $0.kpM > 0.01 }) ?? true {
      unique.append(sample)
    }
    self.track = track
    self.samples = unique
  }

  /// Length of the seabed surface between two KPs, metres: the 3-D length of the depth profile
  /// (horizontal geodesic distance and change of depth between consecutive samples). Where a
  /// depth is unknown the stretch counts as flat.
  func seabedLengthM(from startKpM: Double, to endKpM: Double, depth: some DepthProvider) -> Double {
    let first = track.coordinate(atKpM: startKpM)
    let last = track.coordinate(atKpM: endKpM)
    var points = [SeabedSample(kpM: startKpM, coordinate: first, depthM: depth.depthMetres(at: first))]
    // The samples strictly inside, found by bisection: no pass over the whole route per leg.
    let inside = firstSample { $0 > startKpM + 0.01 }
    points += samples[inside..<max(inside, firstSample { $0 >= endKpM - 0.01 })]
    points.append(SeabedSample(kpM: endKpM, coordinate: last, depthM: depth.depthMetres(at: last)))
    var length = 0.0
    for (a, b) in zip(points, points.dropFirst()) {
      let horizontal = b.kpM - a.kpM
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
      if isPast(samples[middle].kpM) { high = middle } else { low = middle + 1 }
    }
    return low
  }

  /// The samples with `from` ≤ KP ≤ `to`, metres, in KP order.
  func samples(fromKpM from: Double, toKpM to: Double) -> ArraySlice<SeabedSample> {
    let start = firstSample { $0 >= from }
    return samples[start..<max(start, firstSample { $0 > to })]
  }
}
