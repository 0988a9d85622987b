import CaspianGeodata
import CaspianGeometry
import Foundation

/// The settings of the along-route analysis, one place for every command.
public struct AnalysisSettings: Sendable, Hashable {
  /// Spacing of depth samples along the route, metres, from KP 0 along the whole route.
  public var profileSpacingM = 500.0
  /// Crossing angle below which a pipeline or cable crossing is flagged, degrees (INGAA
  /// pipeline crossing guideline: 45° minimum).
  public var minimumAssetCrossingAngleDegrees = 45.0
  /// Crossing angle below which a ferry or shipping lane crossing is flagged, degrees
  /// (assumed: a shallow crossing keeps the cable under the traffic, and its anchors, longer).
  public var minimumLaneCrossingAngleDegrees = 30.0
  /// Width of a lane drawn as a line without `widthM`, metres.
  public var defaultLaneWidthM = 2000.0

  public init() {}
}

/// One depth sample along the route.
public struct ProfileSample: Sendable, Hashable {
  public let kpKm: Double
  public let coordinate: Coordinate
  /// Water depth, metres, positive down; nil where the depth source has none.
  public let depthM: Double?
  /// Seabed slope along the route from the previous sample, degrees; nil at KP 0 or where a
  /// depth is unknown.
  public let slopeDegrees: Double?
}

/// A place where the route crosses a line on the seabed or the chart.
public struct RouteCrossing: Sendable, Hashable {
  public let assetName: String
  /// The hazard kind: pipeline, cable, ferry-lane, sector-boundary.
  public let assetKind: String
  public let kpKm: Double
  public let coordinate: Coordinate
  /// Acute angle between the route and the line, degrees (90 = perpendicular).
  public let angleDegrees: Double
  /// The smallest acceptable angle for this kind, degrees; nil where none applies (boundaries).
  public let minimumAngleDegrees: Double?

  /// A pipeline or cable on the seabed (checked, buried deeper, costed), not a line on the chart.
  public var isAssetCrossing: Bool { assetKind == "pipeline" || assetKind == "cable" }
  public var isBelowMinimumAngle: Bool { minimumAngleDegrees.map { angleDegrees < $0 } ?? false }
}

/// The route's closest approach to one hazard.
public struct HazardClearance: Sendable, Hashable {
  /// The hazard's place in `RouteAnalyzer.hazards`.
  public let hazardIndex: Int
  public let hazardName: String
  public let hazardKind: String
  /// Geodesic distance, km (0 where the route touches or enters it).
  public let distanceKm: Double
  /// Where on the route the closest approach is.
  public let kpKm: Double
}

/// A stretch of the route where it must not be: over land (away from the shore ends at the
/// landings) or inside a no-go zone.
public struct Intrusion: Sendable, Hashable {
  public enum Kind: String, Sendable, Hashable {
    case land
    case noGo = "no-go"
  }
  public let kind: Kind
  /// "land", or the zone's name.
  public let name: String
  public let fromKpKm: Double
  public let toKpKm: Double
}

/// Every along-route fact of one route geometry: the one analysis all commands report.
public struct RouteAnalysis: Sendable {
  public let track: RouteTrack
  /// Geodesic from the first point to the last, km.
  public let baselineKm: Double
  /// Depths every `AnalysisSettings.profileSpacingM` by KP, and at the end.
  public let profile: [ProfileSample]
  /// Every crossing of a line (pipelines, cables, lanes drawn as lines, sector boundaries), by KP.
  public let crossings: [RouteCrossing]
  /// The closest approach to every hazard that is not a sector boundary, by hazard order.
  public let clearances: [HazardClearance]
  /// Stretches over land or through no-go zones, by KP; a planned route has none.
  public let intrusions: [Intrusion]
  /// Land at the shore ends (from KP 0 to the coast, and from the coast to the end), km.
  public let shoreEndLandKm: [Double]

  public var lengthKm: Double { track.lengthKm }
}

/// Works out `RouteAnalysis` for route geometries against one data set.
///
/// Built once per data set (the sea polygon and no-go zones prepared, the line work of the
/// hazards in a spatial index), then `analyse(_:)` costs about linear time in the number of
/// route vertices.
public final class RouteAnalyzer {
  /// The hazards the route is checked against (crossings, clearances and no-go zones), in the
  /// data set's order.
  public let hazards: [Hazard]
  public let settings: AnalysisSettings
  /// The one depth source of every figure along the route.
  public let depth: any DepthProvider
  let engine: GeometryEngine
  let sea: PreparedGeometry
  let zones: [(hazard: Hazard, area: PreparedGeometry)]
  let zoneIndex: SpatialIndex?
  /// Every segment of every line a route can cross: (hazard index, start, end).
  let segments: [(hazard: Int, a: Coordinate, b: Coordinate)]
  let segmentIndex: SpatialIndex?

  /// How far the pieces a route is cut into for intersections may stray from the geodesic, metres.
  static let pieceToleranceM = 1.0

  /// The same analyzer reading its depths from `depth` (e.g. at another water level), sharing
  /// the prepared sea, zones and line index.
  public func replacingDepth(with depth: any DepthProvider) -> RouteAnalyzer {
    RouteAnalyzer(copying: self, depth: depth)
  }

  private init(copying other: RouteAnalyzer, depth: any DepthProvider) {
    hazards = other.hazards
    settings = other.settings
    self.depth = depth
    engine = other.engine
    sea = other.sea
    zones = other.zones
    zoneIndex = other.zoneIndex
    segments = other.segments
    segmentIndex = other.segmentIndex
  }

  /// An analyzer of routes against a data set's sea polygon and hazards.
  /// - Throws: geometry errors from GEOS (a buffer, a prepared geometry).
  public convenience init(
    data: GeodataSet, depth: any DepthProvider, settings: AnalysisSettings = AnalysisSettings()
  ) throws {
    try self.init(sea: data.sea.geometry, hazards: data.hazards, depth: depth, settings: settings)
  }

  /// An analyzer of routes against `sea` (where a route may run; elsewhere is land) and `hazards`.
  /// - Throws: geometry errors from GEOS (a buffer, a prepared geometry).
  public init(
    sea: Geometry, hazards: [Hazard], depth: any DepthProvider,
    settings: AnalysisSettings = AnalysisSettings()
  ) throws {
    self.hazards = hazards
    self.depth = depth
    self.settings = settings
    let engine = try GeometryEngine()
    self.engine = engine
    self.sea = try engine.prepare(sea)
    var zones: [(Hazard, PreparedGeometry)] = []
    for hazard in hazards {
      if let area = try hazard.noGoArea(defaultLaneWidthM: settings.defaultLaneWidthM, engine: engine) {
        zones.append((hazard, try engine.prepare(area)))
      }
    }
    self.zones = zones
    zoneIndex =
      zones.isEmpty ? nil : try SpatialIndex(engine: engine, envelopes: zones.map { $0.1.envelope! })
    var segments: [(Int, Coordinate, Coordinate)] = []
    for (index, hazard) in hazards.enumerated()
    where [.pipeline, .cable, .ferryLane, .sectorBoundary].contains(hazard.kind) {
      for line in hazard.lineParts {
        for (a, b) in zip(line, line.dropFirst()) { segments.append((index, a, b)) }
      }
    }
    self.segments = segments
    segmentIndex =
      segments.isEmpty
      ? nil : try SpatialIndex(engine: engine, envelopes: segments.map { Envelope(covering: [$0.1, $0.2])! })
  }

  /// The analysis of the route through `points` (alter-course points, first landing to last).
  /// - Throws: `RouteProblem` for an unusable geometry; geometry errors from GEOS.
  public func analyse(_ points: [Coordinate]) throws -> RouteAnalysis {
    let track = try RouteTrack(points: points)
    let pieces = track.pieces(toleranceMetres: Self.pieceToleranceM)
    let land = try landStretches(track: track, pieces: pieces)
    let shoreEnds = [
      land.first.map { $0.from <= 1e-9 ? $0.to : 0 } ?? 0,
      land.last.map { $0.to >= track.lengthKm - 1e-9 ? track.lengthKm - $0.from : 0 } ?? 0,
    ]
    var intrusions =
      land.filter { $0.from > 1e-9 && $0.to < track.lengthKm - 1e-9 }
      .map { Intrusion(kind: .land, name: "land", fromKpKm: $0.from, toKpKm: $0.to) }
    intrusions += try zoneStretches(track: track, pieces: pieces)
    intrusions.sort { ($0.fromKpKm, $0.name) < ($1.fromKpKm, $1.name) }
    return RouteAnalysis(
      track: track, baselineKm: Geodesic.wgs84.distanceMetres(points[0], points[points.count - 1]) / 1000,
      profile: profile(track), crossings: crossings(pieces), clearances: try clearances(pieces),
      intrusions: intrusions, shoreEndLandKm: shoreEnds)
  }

  // MARK: Depth profile

  func profile(_ track: RouteTrack) -> [ProfileSample] {
    var samples: [ProfileSample] = []
    for kp in track.kpsKm(everyMetres: settings.profileSpacingM) {
      let c = track.coordinate(atKpKm: kp)
      let depthM = depth.depthMetres(at: c)
      var slope: Double?
      if let previous = samples.last, let d0 = previous.depthM, let d1 = depthM {
        slope = atan2(abs(d1 - d0), (kp - previous.kpKm) * 1000) * 180 / .pi
      }
      samples.append(ProfileSample(kpKm: kp, coordinate: c, depthM: depthM, slopeDegrees: slope))
    }
    return samples
  }

  // MARK: Crossings

  func crossings(_ pieces: (points: [Coordinate], kpKm: [Double])) -> [RouteCrossing] {
    guard let segmentIndex else { return [] }
    let geodesic = Geodesic.wgs84
    var found: [RouteCrossing] = []
    for i in 0..<(pieces.points.count - 1) {
      let p = pieces.points[i]
      let q = pieces.points[i + 1]
      for candidate in segmentIndex.query(Envelope(covering: [p, q])!) {
        let (hazardIndex, a, b) = segments[candidate]
        guard let x = Self.segmentIntersection(p, q, a, b) else { continue }
        let hazard = hazards[hazardIndex]
        let routeAzimuth =
          x == q ? geodesic.inverse(p, q).azimuth2Degrees : geodesic.inverse(x, q).azimuth1Degrees
        let lineAzimuth =
          x == b ? geodesic.inverse(a, b).azimuth2Degrees : geodesic.inverse(x, b).azimuth1Degrees
        let difference = abs(routeAzimuth - lineAzimuth).truncatingRemainder(dividingBy: 180)
        let minimum: Double? =
          switch hazard.kind {
          case .pipeline, .cable: settings.minimumAssetCrossingAngleDegrees
          case .ferryLane: settings.minimumLaneCrossingAngleDegrees
          default: nil
          }
        found.append(
          RouteCrossing(
            assetName: hazard.name, assetKind: hazard.kind.rawValue,
            kpKm: pieces.kpKm[i] + geodesic.distanceMetres(p, x) / 1000, coordinate: x,
            angleDegrees: min(difference, 180 - difference), minimumAngleDegrees: minimum))
      }
    }
    found.sort { ($0.kpKm, $0.assetName) < ($1.kpKm, $1.assetName) }
    // A crossing exactly at a shared vertex is found on both segments: keep one.
    var unique: [RouteCrossing] = []
    for crossing in found
    where !unique.contains(where: {
      $0.assetName == crossing.assetName && abs($0.kpKm - crossing.kpKm) < 0.001
    }) {
      unique.append(crossing)
    }
    return unique
  }

  /// Where segments a–b and c–d meet, straight in lon/lat (as GIS draws them); nil when they
  /// do not (or are parallel).
  public static func segmentIntersection(_ a: Coordinate, _ b: Coordinate, _ c: Coordinate, _ d: Coordinate)
    -> Coordinate?
  {
    let rx = b.longitude - a.longitude
    let ry = b.latitude - a.latitude
    let sx = d.longitude - c.longitude
    let sy = d.latitude - c.latitude
    let denominator = rx * sy - ry * sx
    guard denominator != 0 else { return nil }
    let qx = c.longitude - a.longitude
    let qy = c.latitude - a.latitude
    let t = (qx * sy - qy * sx) / denominator
    let u = (qx * ry - qy * rx) / denominator
    guard t >= 0, t <= 1, u >= 0, u <= 1 else { return nil }
    if t == 1 { return b }
    return Coordinate(longitude: a.longitude + t * rx, latitude: a.latitude + t * ry)
  }

  // MARK: Clearances

  func clearances(_ pieces: (points: [Coordinate], kpKm: [Double])) throws -> [HazardClearance] {
    let line = Geometry.lineString(pieces.points)
    var result: [HazardClearance] = []
    for (index, hazard) in hazards.enumerated() where hazard.kind != .sectorBoundary {
      let (onRoute, onHazard) = try engine.nearestPoints(line, hazard.geometry)
      result.append(
        HazardClearance(
          hazardIndex: index, hazardName: hazard.name, hazardKind: hazard.kind.rawValue,
          distanceKm: Geodesic.wgs84.distanceMetres(onRoute, onHazard) / 1000,
          kpKm: Self.kpKm(of: onRoute, on: pieces)))
    }
    return result
  }

  /// The KP of a point on (or next to) the drawn route: along the nearest piece.
  static func kpKm(of c: Coordinate, on pieces: (points: [Coordinate], kpKm: [Double])) -> Double {
    let scale = cos(c.latitude * .pi / 180)
    var best = (index: 0, t: 0.0, distance: Double.infinity)
    for i in 0..<(pieces.points.count - 1) {
      let a = pieces.points[i]
      let b = pieces.points[i + 1]
      let ax = (a.longitude - c.longitude) * scale
      let ay = a.latitude - c.latitude
      let dx = (b.longitude - a.longitude) * scale
      let dy = b.latitude - a.latitude
      let length = dx * dx + dy * dy
      let t = length > 0 ? max(0, min(1, -(ax * dx + ay * dy) / length)) : 0
      let distance = (ax + t * dx) * (ax + t * dx) + (ay + t * dy) * (ay + t * dy)
      if distance < best.distance { best = (i, t, distance) }
    }
    let from = pieces.kpKm[best.index]
    return from + best.t * (pieces.kpKm[best.index + 1] - from)
  }

  // MARK: Intrusions

  /// Stretches of the route outside the sea polygon (islands included), by KP.
  func landStretches(track: RouteTrack, pieces: (points: [Coordinate], kpKm: [Double])) throws -> [(
    from: Double, to: Double
  )] {
    try stretches(
      track: track, pieces: pieces, touches: { try !self.sea.covers(.lineString($0)) },
      isInside: { try !self.sea.contains($0) })
  }

  /// Stretches of the route inside each no-go zone, by KP.
  func zoneStretches(track: RouteTrack, pieces: (points: [Coordinate], kpKm: [Double])) throws -> [Intrusion]
  {
    guard let zoneIndex else { return [] }
    let candidates = Set(zoneIndex.query(Envelope(covering: pieces.points)!)).sorted()
    var result: [Intrusion] = []
    for index in candidates {
      let zone = zones[index]
      guard try zone.area.intersects(.lineString(pieces.points)) else { continue }
      for stretch in try stretches(
        track: track, pieces: pieces, touches: { try zone.area.intersects(.lineString($0)) },
        isInside: { try zone.area.contains($0) })
      {
        result.append(
          Intrusion(kind: .noGo, name: zone.hazard.name, fromKpKm: stretch.from, toKpKm: stretch.to))
      }
    }
    return result
  }

  /// The KP ranges where `isInside` holds, found by testing runs of pieces with `touches` (whole
  /// runs first, halving the ones that touch), sampling each touching piece every 25 m and
  /// refining each edge by bisection to about a centimetre.
  func stretches(
    track: RouteTrack, pieces: (points: [Coordinate], kpKm: [Double]),
    touches: ([Coordinate]) throws -> Bool, isInside: (Coordinate) throws -> Bool
  ) throws -> [(from: Double, to: Double)] {
    var touching: [Int] = []
    var runs = [0..<(pieces.points.count - 1)]
    while let run = runs.popLast() {
      guard try touches(Array(pieces.points[run.lowerBound...run.upperBound])) else { continue }
      if run.count == 1 {
        touching.append(run.lowerBound)
      } else {
        let middle = run.lowerBound + run.count / 2
        runs.append(middle..<run.upperBound)
        runs.append(run.lowerBound..<middle)
      }
    }
    touching.sort()
    var result: [(from: Double, to: Double)] = []
    func edge(_ outside: Double, _ inside: Double) throws -> Double {
      var (out, inn) = (outside, inside)
      for _ in 0..<30 where abs(out - inn) > 1e-5 {
        let middle = (out + inn) / 2
        if try isInside(track.coordinate(atKpKm: middle)) { inn = middle } else { out = middle }
      }
      return inn
    }
    for piece in touching {
      let from = pieces.kpKm[piece]
      let to = pieces.kpKm[piece + 1]
      let steps = max(1, Int(((to - from) / 0.025).rounded(.up)))
      var previous: (kp: Double, inside: Bool)?
      for step in 0...steps {
        let kp = from + (to - from) * Double(step) / Double(steps)
        let inside = try isInside(track.coordinate(atKpKm: kp))
        if inside {
          let start = try previous.map { $0.inside ? $0.kp : try edge($0.kp, kp) } ?? kp
          if let last = result.last, start - last.to < 1e-4 {
            result[result.count - 1].to = kp
          } else {
            result.append((start, kp))
          }
        } else if let previous, previous.inside {
          result[result.count - 1].to = try edge(kp, previous.kp)
        }
        previous = (kp, inside)
      }
    }
    return result
  }
}
