import CaspianGeodata
import CaspianGeometry
import CaspianSupport

/// Route length within one band of water depth.
public struct DepthBand: Sendable, Hashable, Codable {
  /// Shallow edge of the band, metres.
  public var fromM: Double
  /// Deep edge of the band, metres; nil for the deepest band.
  public var toM: Double?
  /// Route length in this band, km.
  public var lengthKm: Double
}

/// The nearest hazard of one kind.
public struct Clearance: Sendable, Hashable, Codable {
  public var kind: String
  public var hazard: String
  /// Shortest distance from the route to the hazard's geometry (a platform's position, not
  /// its safety zone), km; 0 when the route crosses it.
  public var km: Double
}

/// The figures of a route, from its `RouteAnalysis` (WGS84 geodesic, the project's one depth
/// source and sample spacing).
public struct RouteMeasures: Sendable, Hashable {
  /// Sum of the geodesic lengths of the legs, km.
  public var routeLengthKm: Double
  /// Geodesic distance between the two ends, km.
  public var baselineKm: Double
  /// routeLengthKm / baselineKm.
  public var detourRatio: Double
  /// KP of each vertex (alter-course point), km; first 0, last routeLengthKm.
  public var vertexKpKm: [Double]
  public var maxDepthM: Double?
  /// Length-weighted mean depth, metres.
  public var meanDepthM: Double?
  public var depthBands: [DepthBand]
  /// Route length where the depth source has no depth, km.
  public var unknownDepthKm: Double
  /// Steepest seabed slope along the route, degrees.
  public var maxSlopeDeg: Double?
  /// KP of the steepest sample, km.
  public var maxSlopeKpKm: Double?
  /// The analysis's depth samples, by KP along the whole route.
  public var profile: [ProfileSample]
  /// Crossings of pipelines, cables and lanes, by KP.
  public var crossings: [RouteCrossing]
  /// Crossings of sector boundaries, by KP.
  public var boundaryCrossings: [RouteCrossing]
  /// Nearest hazard of each kind, sorted by kind.
  public var clearances: [Clearance]
  /// Stretches over land or through no-go zones (none for a planned route).
  public var intrusions: [Intrusion]
}

extension RouteMeasures {
  /// Depth bands, metres: landing and shore approach, anchor and fishing reach (double armour),
  /// shelf, slope (single armour to ~1000 m), deep water (lightweight).
  static let depthBandEdgesM: [Double] = [0, 20, 50, 200, 1000]

  /// The figures of a route from its analysis.
  public init(_ analysis: RouteAnalysis) {
    let profile = analysis.profile
    var bands = zip(Self.depthBandEdgesM, Self.depthBandEdgesM.dropFirst().map { Optional($0) } + [nil]).map {
      DepthBand(fromM: $0.0, toM: $0.1, lengthKm: 0)
    }
    var unknownKm = 0.0
    var weightedDepth = 0.0
    var knownKm = 0.0
    for (a, b) in zip(profile, profile.dropFirst()) {
      let km = b.kpKm - a.kpKm
      guard let da = a.depthM, let db = b.depthM else {
        unknownKm += km
        continue
      }
      let depth = (da + db) / 2
      weightedDepth += depth * km
      knownKm += km
      bands[Self.depthBandEdgesM.lastIndex(where: { depth >= $0 }) ?? 0].lengthKm += km
    }
    let steepest = profile.filter { $0.slopeDegrees != nil }.max { $0.slopeDegrees! < $1.slopeDegrees! }
    var nearest: [String: Clearance] = [:]
    for c in analysis.clearances where c.distanceKm < nearest[c.hazardKind]?.km ?? .infinity {
      nearest[c.hazardKind] = Clearance(kind: c.hazardKind, hazard: c.hazardName, km: c.distanceKm)
    }
    let length = analysis.lengthKm
    self.init(
      routeLengthKm: length, baselineKm: analysis.baselineKm,
      detourRatio: analysis.baselineKm > 0 ? length / analysis.baselineKm : 1,
      vertexKpKm: analysis.track.vertexKpKm, maxDepthM: profile.compactMap(\.depthM).max(),
      meanDepthM: knownKm > 0 ? weightedDepth / knownKm : nil, depthBands: bands, unknownDepthKm: unknownKm,
      maxSlopeDeg: steepest?.slopeDegrees, maxSlopeKpKm: steepest?.kpKm, profile: profile,
      crossings: analysis.crossings.filter { $0.assetKind != HazardKind.sectorBoundary.rawValue },
      boundaryCrossings: analysis.crossings.filter { $0.assetKind == HazardKind.sectorBoundary.rawValue },
      clearances: nearest.values.sorted { $0.kind < $1.kind }, intrusions: analysis.intrusions)
  }
}

extension RouteMeasures {
  /// The route's figures as flat numbers (GeoJSON properties and JSON).
  public var figures: [String: JSONValue] {
    func optional(_ value: Double?, _ decimals: Int) -> JSONValue {
      value.map { .number($0.rounded(decimals: decimals)) } ?? .null
    }
    return [
      "routeLengthKm": .number(routeLengthKm.rounded(decimals: 3)),
      "baselineKm": .number(baselineKm.rounded(decimals: 3)),
      "detourRatio": .number(detourRatio.rounded(decimals: 4)),
      "maxDepthM": optional(maxDepthM, 1),
      "meanDepthM": optional(meanDepthM, 1),
      "unknownDepthKm": .number(unknownDepthKm.rounded(decimals: 3)),
      "maxSlopeDeg": optional(maxSlopeDeg, 2),
      "maxSlopeKpKm": optional(maxSlopeKpKm, 3),
      "crossingCount": .number(Double(crossings.count)),
    ]
  }

  /// Every figure of the route for the JSON outputs: `figures` with the KPs of the vertices, the
  /// depth bands, crossings, boundary crossings, intrusions and nearest hazards. Every command
  /// that reports a route writes these members.
  public var jsonMembers: [String: JSONValue] {
    var members = figures
    members["vertexKpKm"] = .array(vertexKpKm.map { .number($0.rounded(decimals: 3)) })
    members["depthBands"] = .array(depthBands.map(\.jsonValue))
    members["crossings"] = .array(crossings.map(\.jsonValue))
    members["boundaryCrossings"] = .array(boundaryCrossings.map(\.jsonValue))
    members["intrusions"] = .array(intrusions.map(\.jsonValue))
    members["clearances"] = .array(
      clearances.map { c in
        .object([
          "kind": .string(c.kind), "hazard": .string(c.hazard), "km": .number(c.km.rounded(decimals: 3)),
        ])
      })
    return members
  }
}

extension DepthBand {
  public var jsonValue: JSONValue {
    [
      "fromM": .number(fromM), "toM": JSONValue(toM),
      "lengthKm": .number(lengthKm.rounded(decimals: 3)),
    ]
  }
}
