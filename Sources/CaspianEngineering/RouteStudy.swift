import CaspianAnalysis
import CaspianGeometry
import CaspianSupport

/// Everything worked out for one route: its analysis figures and its engineering today and,
/// when asked, at a scenario water level. What `route plan`, `route rpl` and `report` show of a
/// route comes from here.
public struct RouteStudy: Sendable {
  /// The engineering at another water level, and how it compares with today's.
  public struct Scenario: Sendable, Encodable {
    public var comparison: SeaLevelComparison
    public var engineering: RouteEngineering
  }

  /// The route's analysis figures (length, depths, crossings, intrusions).
  public let measures: RouteMeasures
  /// The engineering at today's level.
  public let engineering: RouteEngineering
  public let scenario: Scenario?

  /// The figures at the level asked for: the scenario's when there is one.
  public var primary: RouteEngineering { scenario?.engineering ?? engineering }

  /// Error-level findings (land or no-go stretches); a planned route has none.
  public var errors: [EngineeringWarning] { primary.warnings.filter { $0.severity == .error } }

  /// - Parameters:
  ///   - route: alter-course points, first landing to last.
  ///   - waterSurfaceM: today's level, which the analyzer's depths refer to.
  ///   - scenarioSurfaceM: a water level to study as well, metres relative to mean ocean level.
  /// - Throws: `RouteProblem` for an unusable geometry, `FileError` for a route with no
  ///   depth data, geometry errors from GEOS.
  public init(
    route: [Coordinate], landingNames: (String, String), analyzer: RouteAnalyzer, engineer: RouteEngineer,
    waterSurfaceM: Double, scenarioSurfaceM: Double? = nil
  ) throws {
    try self.init(
      analysis: try analyzer.analyse(route), landingNames: landingNames, analyzer: analyzer,
      engineer: engineer,
      waterSurfaceM: waterSurfaceM, scenarioSurfaceM: scenarioSurfaceM)
  }

  /// The study of a route already analysed by `analyzer`.
  public init(
    analysis: RouteAnalysis, landingNames: (String, String), analyzer: RouteAnalyzer, engineer: RouteEngineer,
    waterSurfaceM: Double, scenarioSurfaceM: Double? = nil
  ) throws {
    measures = RouteMeasures(analysis)
    if let scenarioSurfaceM {
      let result = try engineer.seaLevelScenario(
        analysis, by: analyzer, landingNames: landingNames, todaySurfaceM: waterSurfaceM,
        scenarioSurfaceM: scenarioSurfaceM)
      engineering = result.today
      scenario = Scenario(comparison: result.comparison, engineering: result.scenario)
    } else {
      engineering = try engineer.analyse(
        analysis, by: analyzer, landingNames: landingNames, waterSurfaceM: waterSurfaceM)
      scenario = nil
    }
  }
}
