import CaspianAnalysis
import CaspianGeometry

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
public struct RouteEngineering: Sendable, Equatable, Codable {
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
  public var crossings: [Crossing]
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
  public var geodesic: Geodesic

  public init(parameters: EngineeringParameters = .defaults, geodesic: Geodesic = .wgs84) {
    self.parameters = parameters
    self.geodesic = geodesic
  }

  /// Works out the engineering of a route.
  ///
  /// - Parameters:
  ///   - route: alter-course points from the first landing to the last, lon/lat degrees WGS84.
  ///   - landingNames: names of the first and last landing, for remarks.
  ///   - depth: water depth along the route (positive down) at the level to study.
  ///   - assets: hazards and seabed assets (crossings, clearances, remarks).
  ///   - waterSurfaceM: the water-surface level `depth` refers to, for the record.
  /// - Throws: `EngineeringError` for an unusable route or one with no depth data at all;
  ///   geometry errors from the distance computations.
  public func analyse(
    route: [Coordinate], landingNames: (String, String), depth: some DepthProvider,
    assets: [EngineeringAsset], waterSurfaceM: Double?
  ) throws -> RouteEngineering {
    let track = try RouteTrack(points: route, geodesic: geodesic)
    let spacing = parameters.profile.sampleSpacingM
    let coarse = SeabedProfile(track: track, depth: depth, spacingM: spacing)
    guard coarse.samples.contains(where: { $0.depthM != nil }) else {
      throw EngineeringError(source: "route", message: "no depth data anywhere along the route")
    }
    let crossings = coarse.crossings(with: assets)
    let assetCrossingKPs = crossings.filter(\.isAssetCrossing).map { $0.kpKm * 1000 }
    // Sample exactly at crossings, the edges of their burial zones and the landing DA limits.
    let zone = parameters.burial.crossingZoneM
    let landingDA = parameters.armour.landingDoubleArmourM
    let extraKPs =
      assetCrossingKPs.flatMap { [$0 - zone, $0, $0 + zone] } + [landingDA, track.lengthM - landingDA]
    let profile = SeabedProfile(track: track, depth: depth, spacingM: spacing, extraKPs: extraKPs)
    let rules = ArmourBurialRules(
      parameters: parameters, routeLengthM: track.lengthM, crossingKPs: assetCrossingKPs)
    let sections = profile.sections(rules: rules, depth: depth)
    let points = profile.rplPoints(sections: sections, crossings: crossings, landingNames: landingNames)

    let engine = try GeometryEngine()
    let checks = EngineeringChecks(profile: profile, parameters: parameters, engine: engine)
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
      let c = track.coordinate(atKP: point.kp)
      var row = RPLRow(
        index: index, point: point.point, latitude: c.latitude, longitude: c.longitude,
        latitudeDDM: PositionFormat.degreesDecimalMinutes(latitude: c.latitude),
        longitudeDDM: PositionFormat.degreesDecimalMinutes(longitude: c.longitude),
        kpKm: routeM / 1000, legKm: nil, bearingDegrees: nil, depthM: depth.depthMetres(at: c),
        cableType: nil, slackPercent: nil, legCableKm: nil, cumulativeCableKm: cumulativeCableM / 1000,
        burialDepthM: nil,
        remarks: point.remarks
          + (try nearbyRemarks(at: c, assets: assets, engine: engine, named: point.remarks))
      )
      if index + 1 < points.count {
        let next = points[index + 1]
        let leg = geodesic.inverse(c, track.coordinate(atKP: next.kp))
        let spec =
          sections.first { $0.endKP > (point.kp + next.kp) / 2 }?.spec ?? sections[sections.count - 1].spec
        let seabed = profile.seabedLengthM(from: point.kp, to: next.kp, depth: depth)
        let legDepths = profile.samples.filter { $0.kp >= point.kp && $0.kp <= next.kp }.compactMap(\.depthM)
        let planned = plannedSlackPercent(
          spec: spec, meanDepthM: legDepths.isEmpty ? nil : legDepths.reduce(0, +) / Double(legDepths.count))
        let cable = max(leg.distanceMetres * (1 + planned / 100), seabed)
        let slack = (cable / leg.distanceMetres - 1) * 100
        if slack >= parameters.slack.loopRiskPercent {
          warnings.append(
            EngineeringWarning(
              kind: .loopRisk, kpKm: routeM / 1000, kpEndKm: (routeM + leg.distanceMetres) / 1000,
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

    warnings += checks.crossingAngles(crossings)
    warnings += try checks.parallelSeparation(assets: assets, crossings: crossings)
    warnings += checks.suspensionSlopes()
    warnings += checks.depthCoverage()
    let (clearances, clearanceWarnings) = try checks.clearances(assets: assets)
    warnings += clearanceWarnings
    warnings.sort { ($0.kpKm, $0.kind.rawValue) < ($1.kpKm, $1.kind.rawValue) }

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
      waterSurfaceM: waterSurfaceM, routeLengthKm: routeM / 1000, seabedLengthKm: seabedM / 1000,
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

  /// "near platform X (0.8 km)" or "in port Y" for the assets within `nearbyHazardM` of a point.
  private func nearbyRemarks(
    at c: Coordinate, assets: [EngineeringAsset], engine: GeometryEngine, named: [String]
  ) throws -> [String] {
    let limit = parameters.checks.nearbyHazardM
    var remarks: [String] = []
    // Assets the row already names (a crossing) are not repeated.
    for asset in assets
    where asset.mayBeWithin(limit, of: c) && !named.contains(where: { $0.contains(asset.name) }) {
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
