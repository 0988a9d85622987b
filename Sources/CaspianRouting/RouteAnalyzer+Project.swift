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
