import Foundation

/// What a route pays for, in one place: the weights of the cost surface the planner searches,
/// and the settings of the search. Every default is documented here and in the README;
/// a user overrides any of them with a JSON file (`route plan --config FILE`) holding the
/// keys to change, e.g. `{"shallowWaterPenalty": 2, "crossingCostKm": 10}`.
///
/// Costs are per metre of route, relative to open deep seabed (`1`). Hard constraints are not
/// weights: land (outside the sea polygon), `no-go` hazards and platform safety zones are
/// never entered.
public struct CostModel: Sendable, Hashable, Codable {
  /// Side of a cost-grid cell, metres (the grid is laid in the Caspian equidistant projection).
  public var cellSizeM = 1000.0
  /// Grid moves: 8 or 16 (knight moves; raster paths ~2.8% longer than straight instead of 8.2%).
  public var connectivity = 16

  /// Depth above which anchors and bottom trawls strike a cable, metres (burial stops near
  /// 1000 m in ocean practice; the shallow Caspian shelf is fished and anchored to ~50 m).
  public var shallowWaterDepthM = 50.0
  /// Extra cost per metre in water of zero depth, falling linearly to 0 at `shallowWaterDepthM`.
  public var shallowWaterPenalty = 1.0
  /// Seabed slope above which spans and suspensions become likely, degrees.
  public var steepSlopeDeg = 3.0
  /// Extra cost per metre for each degree of slope above `steepSlopeDeg`.
  public var steepSlopePenaltyPerDeg = 0.5

  /// Extra cost per metre inside a ferry lane (a lane drawn as a line is `widthM` wide).
  public var ferryLanePenalty = 1.0
  /// Width of a ferry lane drawn as a line without `widthM`, metres.
  public var defaultFerryLaneWidthM = 2000.0
  /// Extra cost per metre inside a port approach or anchorage.
  public var portPenalty = 2.0
  /// Extra cost per metre inside a protected area marked "soft".
  public var protectedAreaPenalty = 1.5
  /// Extra cost per metre inside an oil/gas field marked "soft" (an exploration block).
  public var fieldPenalty = 0.5
  /// Cost of crossing a pipeline or cable at right angles, in km of open-seabed route; a
  /// crossing at angle θ costs about this / sin θ, so shallow angles cost more.
  public var crossingCostKm = 5.0
  /// Crossing angle below which a crossing is flagged (INGAA guideline), degrees.
  public var minimumCrossingAngleDeg = 45.0

  /// Half-width of the corridor around earlier options that an alternative option is
  /// steered away from, km.
  public var corridorHalfWidthKm = 25.0
  /// Extra cost per metre inside that corridor.
  public var corridorPenalty = 1.0
  /// A straight leg replaces raster steps only when its cost is at most this fraction above
  /// theirs (0.02 = 2%).
  public var straighteningTolerance = 0.02
  /// Spacing of depth samples along a route, metres.
  public var profileSpacingM = 500.0

  public init() {}

  private enum Key: String, CodingKey, CaseIterable {
    case cellSizeM, connectivity, shallowWaterDepthM, shallowWaterPenalty, steepSlopeDeg
    case steepSlopePenaltyPerDeg, ferryLanePenalty, defaultFerryLaneWidthM, portPenalty
    case protectedAreaPenalty, fieldPenalty, crossingCostKm, minimumCrossingAngleDeg
    case corridorHalfWidthKm, corridorPenalty, straighteningTolerance, profileSpacingM
  }

  private static var paths: [Key: WritableKeyPath<CostModel, Double>] {
    [
      .cellSizeM: \.cellSizeM, .shallowWaterDepthM: \.shallowWaterDepthM,
      .shallowWaterPenalty: \.shallowWaterPenalty, .steepSlopeDeg: \.steepSlopeDeg,
      .steepSlopePenaltyPerDeg: \.steepSlopePenaltyPerDeg, .ferryLanePenalty: \.ferryLanePenalty,
      .defaultFerryLaneWidthM: \.defaultFerryLaneWidthM, .portPenalty: \.portPenalty,
      .protectedAreaPenalty: \.protectedAreaPenalty, .fieldPenalty: \.fieldPenalty,
      .crossingCostKm: \.crossingCostKm, .minimumCrossingAngleDeg: \.minimumCrossingAngleDeg,
      .corridorHalfWidthKm: \.corridorHalfWidthKm, .corridorPenalty: \.corridorPenalty,
      .straighteningTolerance: \.straighteningTolerance, .profileSpacingM: \.profileSpacingM,
    ]
  }

  /// Every setting by its JSON key, in declaration order (connectivity as a number).
  var keyValues: [(key: String, value: Double)] {
    Key.allCases.map { key in
      (key.rawValue, Self.paths[key].map { self[keyPath: $0] } ?? Double(connectivity))
    }
  }

  /// Reads the keys present; the others keep their defaults.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: Key.self)
    self.init()
    for (key, path) in Self.paths {
      if let value = try container.decodeIfPresent(Double.self, forKey: key) { self[keyPath: path] = value }
    }
    if let value = try container.decodeIfPresent(Int.self, forKey: .connectivity) { connectivity = value }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: Key.self)
    for key in Key.allCases {
      if let path = Self.paths[key] {
        try container.encode(self[keyPath: path], forKey: key)
      } else {
        try container.encode(connectivity, forKey: key)
      }
    }
  }

  /// Every value is usable: sizes and the tolerance positive, penalties zero or more,
  /// connectivity 8 or 16. Returns the first problem, naming the key.
  public func problem() -> String? {
    if connectivity != 8 && connectivity != 16 { return "connectivity must be 8 or 16, got \(connectivity)" }
    for key in Key.allCases {
      guard let path = Self.paths[key] else { continue }
      let value = self[keyPath: path]
      let mustBePositive: Set<Key> = [.cellSizeM, .shallowWaterDepthM, .steepSlopeDeg, .profileSpacingM]
      if !value.isFinite || value < 0 || (mustBePositive.contains(key) && value == 0) {
        return
          "\(key.rawValue) must be a \(mustBePositive.contains(key) ? "positive" : "non-negative") number, got \(value)"
      }
    }
    if minimumCrossingAngleDeg > 90 {
      return "minimumCrossingAngleDeg must be at most 90, got \(minimumCrossingAngleDeg)"
    }
    return nil
  }

  /// Loads a model from a JSON file holding the keys to change.
  /// - Throws: `RoutingError.badConfig` naming the file: not JSON, unknown key, wrong type,
  ///   or a value out of range.
  public static func load(from url: URL) throws -> CostModel {
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw RoutingError.badConfig(path: url.path, problem: "cannot read the file")
    }
    guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
      throw RoutingError.badConfig(path: url.path, problem: "not a JSON object")
    }
    let known = Set(Key.allCases.map(\.rawValue))
    if let unknown = object.keys.sorted().first(where: { !known.contains($0) }) {
      throw RoutingError.badConfig(
        path: url.path,
        problem: "unknown key \"\(unknown)\" (known: \(known.sorted().joined(separator: ", ")))")
    }
    let model: CostModel
    do {
      model = try JSONDecoder().decode(CostModel.self, from: data)
    } catch DecodingError.typeMismatch(_, let context), DecodingError.dataCorrupted(let context) {
      let key = context.codingPath.last?.stringValue ?? "value"
      throw RoutingError.badConfig(path: url.path, problem: "\"\(key)\" must be a number")
    }
    if let problem = model.problem() { throw RoutingError.badConfig(path: url.path, problem: problem) }
    return model
  }
}
