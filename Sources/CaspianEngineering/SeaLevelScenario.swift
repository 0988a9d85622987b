import CaspianAnalysis
import CaspianGeometry

/// How a landing's approach looks at one water level.
public struct LandingApproach: Sendable, Equatable, Codable {
  public var landing: String
  /// Route km from the landing point to where the water begins (depth > 0): the stretch that is
  /// now shore and needs a land section. 0 when the landing point is in the water.
  public var dryKm: Double
  /// Route km from the landing point to where the water first reaches the main-lay depth
  /// (`EngineeringParameters.landing.shallowApproachDepthM`): the shore-end and shallow work.
  public var approachKm: Double
}

extension SeabedProfile {
  /// The approaches at the first and the last landing, walking along the route from each.
  ///
  /// The crossing of each depth threshold is located by bisection on the geodesic to 1 cm.
  /// Where the route never reaches the depth, the whole route length is reported.
  func landingApproaches(names: (String, String), shallowDepthM: Double, depth: some DepthProvider)
    -> [LandingApproach]
  {
    let length = track.lengthM
    func distance(toDepth threshold: Double, fromStart: Bool) -> Double {
      let ordered = fromStart ? samples : samples.reversed()
      func reached(_ d: Double?) -> Bool { (d ?? -.infinity) > threshold }
      guard let firstIndex = ordered.firstIndex(where: { reached($0.depthM) }) else { return length }
      if firstIndex == 0 { return 0 }
      var outside = ordered[firstIndex - 1].kpM
      var inside = ordered[firstIndex].kpM
      while abs(inside - outside) > 0.01 {
        let middle = (outside + inside) / 2
        if reached(depth.depthMetres(at: track.coordinate(atKpM: middle))) {
          inside = middle
        } else {
          outside = middle
        }
      }
      let kpM = (outside + inside) / 2
      return fromStart ? kpM : length - kpM
    }
    return [(names.0, true), (names.1, false)].map { name, fromStart in
      LandingApproach(
        landing: name, dryKm: distance(toDepth: 0, fromStart: fromStart) / 1000,
        approachKm: distance(toDepth: shallowDepthM, fromStart: fromStart) / 1000)
    }
  }
}

/// One figure today and under a sea-level scenario.
public struct ScenarioFigure: Sendable, Equatable, Codable {
  public var figure: String
  /// Unit of the values (km, USD, days).
  public var unit: String
  public var today: Double
  public var scenario: Double
  public var change: Double { scenario - today }
}

/// What a different water-surface level does to a route: today's figures against the
/// scenario's.
///
/// Depths change by the difference in level (`SeaLevelShiftedDepth`); where the sea falls, the
/// shore moves seaward along the route, so the landing approach lengthens (a land section where
/// the seabed dries) and more of the route is shallow, double-armoured and buried.
public struct SeaLevelComparison: Sendable, Equatable, Codable {
  /// Today's water surface (the data set's), metres relative to mean ocean level.
  public var todaySurfaceM: Double
  /// The scenario's water surface, metres relative to mean ocean level.
  public var scenarioSurfaceM: Double
  public var figures: [ScenarioFigure]

  public init(
    today: RouteEngineering, scenario: RouteEngineering, todaySurfaceM: Double, scenarioSurfaceM: Double
  ) {
    self.todaySurfaceM = todaySurfaceM
    self.scenarioSurfaceM = scenarioSurfaceM
    var figures: [ScenarioFigure] = []
    for (now, then) in zip(today.landingApproaches, scenario.landingApproaches) {
      figures.append(
        ScenarioFigure(
          figure: "landing approach \(now.landing)", unit: "km", today: now.approachKm,
          scenario: then.approachKm))
      figures.append(
        ScenarioFigure(
          figure: "dry (land section) at \(now.landing)", unit: "km", today: now.dryKm, scenario: then.dryKm))
    }
    func cableKm(_ result: RouteEngineering, _ type: CableType) -> Double {
      result.cableTypes.first { $0.cableType == type }?.cableKm ?? 0
    }
    figures += [
      ScenarioFigure(figure: "buried at sea", unit: "km", today: today.buriedKm, scenario: scenario.buriedKm),
      ScenarioFigure(
        figure: "DA cable", unit: "km", today: cableKm(today, .doubleArmour),
        scenario: cableKm(scenario, .doubleArmour)),
      ScenarioFigure(
        figure: "land section cable", unit: "km", today: cableKm(today, .land),
        scenario: cableKm(scenario, .land)),
      ScenarioFigure(
        figure: "cable length", unit: "km", today: today.cableLengthKm, scenario: scenario.cableLengthKm),
      ScenarioFigure(figure: "lay time", unit: "days", today: today.layDays, scenario: scenario.layDays),
      ScenarioFigure(figure: "cost", unit: "USD", today: today.costUSD, scenario: scenario.costUSD),
    ]
    self.figures = figures
  }
}

extension RouteEngineer {
  /// The route's engineering today (the analyzer's depths, at `todaySurfaceM`) and at another
  /// water-surface level, with the comparison.
  ///
  /// - Parameters:
  ///   - analysis: the route's analysis by `analyzer`.
  ///   - scenarioSurfaceM: the water surface to study, metres relative to mean ocean level
  ///     (e.g. −33 for a 2050 forecast).
  public func seaLevelScenario(
    _ analysis: RouteAnalysis, by analyzer: RouteAnalyzer, landingNames: (String, String),
    todaySurfaceM: Double,
    scenarioSurfaceM: Double
  ) throws -> (today: RouteEngineering, scenario: RouteEngineering, comparison: SeaLevelComparison) {
    let today = try analyse(analysis, by: analyzer, landingNames: landingNames, waterSurfaceM: todaySurfaceM)
    let shifted = analyzer.replacingDepth(
      with: SeaLevelShiftedDepth(base: analyzer.depth, surfaceChangeM: scenarioSurfaceM - todaySurfaceM))
    let scenario = try analyse(
      try shifted.analyse(analysis.track.points), by: shifted, landingNames: landingNames,
      waterSurfaceM: scenarioSurfaceM)
    return (
      today, scenario,
      SeaLevelComparison(
        today: today, scenario: scenario, todaySurfaceM: todaySurfaceM, scenarioSurfaceM: scenarioSurfaceM)
    )
  }
}
