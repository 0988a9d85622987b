import CaspianAnalysis
import CaspianEngineering
import CaspianGeodata

extension AnalysisSettings {
  /// The analysis settings of a project: the engineering file's (`init(engineering:)`) with the
  /// cost model's default lane width.
  public init(engineering: EngineeringParameters, model: CostModel) {
    self.init(engineering: engineering)
    defaultLaneWidthM = model.defaultFerryLaneWidthM
  }
}

extension RouteAnalyzer {
  /// The analyzer every command uses on a data set: its depths with the sea polygon trusted
  /// at the coast (`SeaMaskedDepth`, the engineering file's nearshore depth).
  public convenience init(data: GeodataSet, engineering: EngineeringParameters, model: CostModel) throws {
    try self.init(
      data: data, depth: try SeaMaskedDepth(data: data, nearshoreDepthM: engineering.landing.nearshoreDepthM),
      settings: AnalysisSettings(engineering: engineering, model: model))
  }
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
