import CaspianAnalysis
import CaspianGeometry
import CaspianSupport
import Foundation

/// Length of cable of one construction on a route.
public struct CableTypeLength: Sendable, Equatable, Codable {
  public var cableType: CableType
  /// Route length laid with this construction, km.
  public var routeKm: Double
  /// Cable of this construction to manufacture, km (slack and end allowances included).
  public var cableKm: Double
}

/// Everything the engineering layer works out for one route: lengths, the RPL, armour and
/// burial, checks, landing approaches, and the cost and lay-time estimate.
public struct RouteEngineering: Sendable, Equatable, Encodable {
  /// Water-surface level the depths refer to, metres relative to mean ocean level (if known).
  public var waterSurfaceM: Double?
  public var routeLengthKm: Double
  /// 3-D length along the seabed, km (≥ route length).
  public var seabedLengthKm: Double
  /// Cable to manufacture, km (≥ seabed length).
  public var cableLengthKm: Double
  /// Descent to the seabed plus shore-end allowance at the first and the last landing, km.
  public var endAllowancesKm: [Double]
  public var cableTypes: [CableTypeLength]
  /// Route km buried at sea (the land section is trenched and counted in `landSectionKm`).
  public var buriedKm: Double
  /// Route km above the water surface.
  public var landSectionKm: Double
  public var landingApproaches: [LandingApproach]
  /// Every crossing of a line (pipelines, cables, lanes, sector boundaries): the analysis's.
  public var crossings: [RouteCrossing]
  public var clearances: [AssetClearance]
  public var warnings: [EngineeringWarning]
  public var estimate: CostEstimate
  public var assumptions: [String]
  public var rows: [RPLRow]
  /// The estimate's total, US dollars.
  public var costUSD: Double
  /// The estimate's lay time including weather, days.
  public var layDays: Double
}

/// Turns a route into its engineering figures.
public struct RouteEngineer: Sendable {
  public var parameters: EngineeringParameters

  public init(parameters: EngineeringParameters = .defaults) {
    self.parameters = parameters
  }

  /// Works out the engineering of a route from its analysis.
  ///
  /// - Parameters:
  ///   - analysis: the route's along-route facts (track, profile, crossings, clearances,
  ///     intrusions), from `analyzer`.
  ///   - analyzer: its depth source and hazards, for the samples and remarks engineering adds.
  ///   - landingNames: names of the first and last landing, for remarks.
  ///   - waterSurfaceM: the water-surface level the depths refer to, for the record.
  /// - Throws: `FileError` for a route with no depth data at all; geometry errors from
  ///   the distance computations.
  public func analyse(
    _ analysis: RouteAnalysis, by analyzer: RouteAnalyzer, landingNames: (String, String),
    waterSurfaceM: Double?
  ) throws -> RouteEngineering {
    try analyse(analysis, by: analyzer, landingNames: landingNames, waterSurfaceM: waterSurfaceM, work: nil)
  }

  /// `analyse`, counting the geometric tests it makes in `work` (for tests that bound the work).
  ///
  /// One pass along the route: the assets near a point come from a spatial index (GEOS
  /// STRtree), and the samples of a leg or a KP window from bisection, so the work grows with
  /// the route's vertices and samples, not with their product.
  func analyse(
    _ analysis: RouteAnalysis, by analyzer: RouteAnalyzer, landingNames: (String, String),
    waterSurfaceM: Double?,
    work: EngineeringWork?
  ) throws -> RouteEngineering {
    let track = analysis.track
    let route = track.points
    let depth = analyzer.depth
    guard analysis.profile.contains(where: { $0.depthM != nil }) else {
      throw FileError(file: "route", problem: "no depth data anywhere along the route")
    }
    let engine = try GeometryEngine()
    let crossings = analysis.crossings
    let assetCrossingKpsM = crossings.filter(\.isAssetCrossing).map { $0.kpKm * 1000 }
    // Sample exactly at crossings, the edges of their burial zones and the landing DA limits.
    let zone = parameters.burial.crossingZoneM
    let landingDA = parameters.armour.landingDoubleArmourM
    let extraKpsM =
      assetCrossingKpsM.flatMap { [$0 - zone, $0, $0 + zone] } + [landingDA, track.lengthM - landingDA]
    let profile = SeabedProfile(analysis: analysis, depth: depth, extraKpsM: extraKpsM)
    let rules = ArmourBurialRules(
      parameters: parameters, routeLengthM: track.lengthM, crossingKpsM: assetCrossingKpsM)
    let sections = profile.sections(rules: rules, depth: depth)
    let points = profile.rplPoints(sections: sections, crossings: crossings, landingNames: landingNames)

    let checks = EngineeringChecks(
      analysis: analysis, profile: profile, parameters: parameters, engine: engine, work: work)
    let assets = analyzer.hazards.map(EngineeringAsset.init(hazard:))
    let nearby = try NearbyAssets(assets, engine: engine, work: work)
    var rows: [RPLRow] = []
    var warnings: [EngineeringWarning] = []
    var routeM = 0.0
    var seabedM = 0.0
    var typeLengths: [CableType: (route: Double, cable: Double)] = [:]
    var buriedM = 0.0
    let startDepth = max(0, depth.depthMetres(at: route[0]) ?? 0)
    let endDepth = max(0, depth.depthMetres(at: route[route.count - 1]) ?? 0)
    let endAllowances = [startDepth, endDepth].map { $0 + parameters.landing.shoreEndAllowanceM }
    var cumulativeCableM = endAllowances[0]

    for (index, point) in points.enumerated() {
      let c = track.coordinate(atKpM: point.kpM)
      var row = RPLRow(
        index: index, point: point.point, latitude: c.latitude, longitude: c.longitude,
        latitudeDDM: PositionFormat.degreesDecimalMinutes(latitude: c.latitude),
        longitudeDDM: PositionFormat.degreesDecimalMinutes(longitude: c.longitude),
        kpKm: point.kpM / 1000, legKm: nil, bearingDegrees: nil, depthM: depth.depthMetres(at: c),
        cableType: nil, slackPercent: nil, legCableKm: nil, cumulativeCableKm: cumulativeCableM / 1000,
        burialDepthM: nil,
        remarks: point.remarks
          + (try nearbyRemarks(at: c, nearby: nearby, engine: engine, named: point.remarks))
      )
      if index + 1 < points.count {
        let next = points[index + 1]
        let leg = Geodesic.wgs84.inverse(c, track.coordinate(atKpM: next.kpM))
        let spec = section(containing: (point.kpM + next.kpM) / 2, in: sections).spec
        let seabed = profile.seabedLengthM(from: point.kpM, to: next.kpM, depth: depth)
        let legDepths = profile.samples(fromKpM: point.kpM, toKpM: next.kpM).compactMap(\.depthM)
        work?.samplesVisited += legDepths.count
        let planned = plannedSlackPercent(
          spec: spec, meanDepthM: legDepths.isEmpty ? nil : legDepths.reduce(0, +) / Double(legDepths.count))
        let cable = max(leg.distanceMetres * (1 + planned / 100), seabed)
        let slack = (cable / leg.distanceMetres - 1) * 100
        if slack >= parameters.slack.loopRiskPercent {
          warnings.append(
            EngineeringWarning(
              kind: .loopRisk, fromKpKm: point.kpM / 1000, toKpKm: next.kpM / 1000,
              message: "bottom slack \(String(format: "%.1f", slack))% on this leg: loop risk"))
        }
        row.legKm = leg.distanceMetres / 1000
        row.bearingDegrees = normalisedBearing(leg.azimuth1Degrees)
        row.cableType = spec.cableType
        row.slackPercent = slack
        row.legCableKm = cable / 1000
        row.burialDepthM = spec.burialDepthM
        routeM += leg.distanceMetres
        seabedM += max(seabed, leg.distanceMetres)
        cumulativeCableM += cable
        typeLengths[spec.cableType, default: (0, 0)].route += leg.distanceMetres
        typeLengths[spec.cableType, default: (0, 0)].cable += cable
        if spec.burialDepthM != nil, spec.cableType != .land { buriedM += leg.distanceMetres }
      } else {
        cumulativeCableM += endAllowances[1]
        row.cumulativeCableKm = cumulativeCableM / 1000
      }
      rows.append(row)
    }
    // The end allowances are cable of the construction laid at each end.
    if let first = rows.first?.cableType { typeLengths[first, default: (0, 0)].cable += endAllowances[0] }
    if let last = rows.dropLast().last?.cableType {
      typeLengths[last, default: (0, 0)].cable += endAllowances[1]
    }

    warnings += analysis.intrusions.map(EngineeringWarning.init)
    warnings += checks.crossingAngles()
    warnings += try checks.parallelSeparation(assets: assets)
    warnings += checks.suspensionSlopes()
    warnings += checks.depthCoverage()
    let (clearances, clearanceWarnings) = checks.clearances(hazards: analyzer.hazards)
    warnings += clearanceWarnings
    warnings.sort { ($0.fromKpKm, $0.kind.rawValue) < ($1.fromKpKm, $1.kind.rawValue) }

    let landKm = (typeLengths[.land]?.route ?? 0) / 1000
    let cableTypes = CableType.allCases.compactMap { type in
      typeLengths[type].map {
        CableTypeLength(cableType: type, routeKm: $0.route / 1000, cableKm: $0.cable / 1000)
      }
    }
    let estimate = CostEstimate(
      cableKm: typeLengths.mapValues { $0.cable / 1000 },
      surfaceLayKm: routeM / 1000 - buriedM / 1000 - landKm, buriedKm: buriedM / 1000,
      crossings: crossings.filter(\.isAssetCrossing).count, shoreEnds: 2, parameters: parameters)
    return RouteEngineering(
      waterSurfaceM: waterSurfaceM, routeLengthKm: analysis.lengthKm, seabedLengthKm: seabedM / 1000,
      cableLengthKm: cumulativeCableM / 1000, endAllowancesKm: endAllowances.map { $0 / 1000 },
      cableTypes: cableTypes, buriedKm: buriedM / 1000, landSectionKm: landKm,
      landingApproaches: profile.landingApproaches(
        names: landingNames, shallowDepthM: parameters.landing.shallowApproachDepthM, depth: depth),
      crossings: crossings, clearances: clearances, warnings: warnings, estimate: estimate,
      assumptions: parameters.assumptions, rows: rows, costUSD: estimate.totalUSD, layDays: estimate.layDays)
  }

  /// Planned slack for a leg, percent: buried (or land) legs get the buried figure, surface-laid
  /// legs the shelf or deep-water figure by their mean depth.
  func plannedSlackPercent(spec: SectionSpec, meanDepthM: Double?) -> Double {
    let slack = parameters.slack
    if spec.burialDepthM != nil || spec.cableType == .land { return slack.buriedPercent }
    return (meanDepthM ?? 0) > slack.deepWaterDepthM ? slack.deepSurfacePercent : slack.shelfSurfacePercent
  }

  /// The first section ending after `kp` (the last one at the route's end), by bisection.
  func section(containing kpM: Double, in sections: [Section]) -> Section {
    var low = 0
    var high = sections.count - 1
    while low < high {
      let middle = (low + high) / 2
      if sections[middle].endKpM > kpM { high = middle } else { low = middle + 1 }
    }
    return sections[low]
  }

  /// "near platform X (0.8 km)" or "in port Y" for the assets within `nearbyHazardM` of a point.
  private func nearbyRemarks(
    at c: Coordinate, nearby: NearbyAssets, engine: GeometryEngine, named: [String]
  ) throws -> [String] {
    let limit = parameters.checks.nearbyHazardM
    var remarks: [String] = []
    // Assets the row already names (a crossing) are not repeated.
    for asset in nearby.candidates(within: limit, of: c)
    where asset.mayBeWithin(limit, of: c) && !named.contains(where: { $0.contains(asset.name) })
      && !asset.isCertainlyFartherThan(limit, from: c)
    {
      nearby.work?.distanceTests += 1
      let distance = try engine.distanceMetres(.point(c), asset.geometry)
      // A line the route crosses here is named by the crossing remark.
      guard distance <= limit, distance > 0 || asset.lines.isEmpty else { continue }
      remarks.append(
        distance <= 0
          ? "in \(asset.kind) \(asset.name)"
          : "near \(asset.kind) \(asset.name) (\(String(format: "%.1f", distance / 1000)) km)")
    }
    return remarks
  }
}

/// An azimuth in degrees brought into 0..<360.
func normalisedBearing(_ degrees: Double) -> Double {
  let value = degrees.truncatingRemainder(dividingBy: 360)
  return value < 0 ? value + 360 : value
}

/// Counts of the geometric tests one `analyse` makes, for tests that bound the work (never the
/// time). Filled only when asked for; one analysis at a time.
final class EngineeringWork: @unchecked Sendable {
  /// Exact point–asset distances (GEOS).
  var distanceTests = 0
  /// Samples read for the figures of RPL legs and crossing windows.
  var samplesVisited = 0
}

/// The assets indexed by their bounding boxes, for "which assets may be near this point".
struct NearbyAssets {
  let assets: [EngineeringAsset]
  let index: SpatialIndex
  let work: EngineeringWork?

  init(_ assets: [EngineeringAsset], engine: GeometryEngine, work: EngineeringWork?) throws {
    self.assets = assets
    self.work = work
    index = try SpatialIndex(
      engine: engine,
      envelopes: assets.map {
        Envelope(
          minLongitude: $0.bounds.minLongitude, minLatitude: $0.bounds.minLatitude,
          maxLongitude: $0.bounds.maxLongitude, maxLatitude: $0.bounds.maxLatitude)
      })
  }

  /// The assets, in their order, whose boxes come within `metres` of `c`: a superset of those
  /// for which `EngineeringAsset.mayBeWithin(metres, of: c)` holds (the box is padded so that
  /// rounding cannot drop one), so that test still decides.
  func candidates(within metres: Double, of c: Coordinate) -> [EngineeringAsset] {
    let dLat = metres / 110_574 + 1e-6
    let dLon = metres / (111_320 * max(0.01, cos(c.latitude * .pi / 180))) + 1e-6
    let box = Envelope(
      minLongitude: c.longitude - dLon, minLatitude: c.latitude - dLat, maxLongitude: c.longitude + dLon,
      maxLatitude: c.latitude + dLat)
    return index.query(box).map { assets[$0] }
  }
}

extension AnalysisSettings {
  /// The analysis settings an engineering file gives: its sample spacing and minimum crossing
  /// angles (pipelines and cables, lanes).
  public init(engineering: EngineeringParameters) {
    self.init()
    profileSpacingM = engineering.profile.sampleSpacingM
    minimumAssetCrossingAngleDegrees = engineering.checks.minimumCrossingAngleDegrees
    minimumLaneCrossingAngleDegrees = engineering.checks.minimumLaneCrossingAngleDegrees
  }
}
