import CaspianGeometry
import CaspianSupport
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

  /// Half-width of the corridor around earlier options that an alternative option is
  /// steered away from, km.
  public var corridorHalfWidthKm = 25.0
  /// Extra cost per metre inside that corridor.
  public var corridorPenalty = 1.0
  /// Half-width of the corridor around an option's coarse route in which it is re-planned at
  /// the resolution of finer data, km (widened, doubling, where no route passes in it).
  public var refineHalfWidthKm = 10.0
  /// Cell size of the corridor re-plan, metres; 0 = the resolution of the finest grid under
  /// each stretch (stretches over grids no finer than `cellSizeM` are not re-planned).
  public var refineCellSizeM = 0.0
  /// In a corridor re-plan, a survey grid finer than 1 km that shows the seabed shallower
  /// than this, metres (0: dry, at or above the water surface), closes the cell as land
  /// whatever the sea polygon says, except near the landings.
  public var surveyMinimumDepthM = 0.0
  /// Length of the straight approach on a landing's approach bearing (`approachBearingDeg` in
  /// the landings file), metres: the route leaves such a landing on that bearing for this far
  /// before the search takes over (assumed: a beach-manhole approach held straight to about
  /// 1 km offshore, through the surf zone and the shore-end burial).
  public var minimumStraightApproachM = 1000.0
  /// Length of the shore approach at each end of a route, km: the stretch from the landing (or
  /// the seaward end of its straight approach) this far along the route is re-planned at
  /// `shoreApproachCellSizeM`, or at the finest grid's resolution there when that is finer
  /// (0 turns the shore-approach pass off).
  public var shoreApproachKm = 5.0
  /// Cell size of the shore-approach pass, metres (assumed: 25 m resolves the beach approaches
  /// of a 1:10 M coastline and the hazards near a landing).
  public var shoreApproachCellSizeM = 25.0
  /// Half-width of the corridor the shore approach is re-planned in, km (doubled, up to twice,
  /// where no route passes in it).
  public var shoreApproachHalfWidthKm = 2.0
  /// A straight leg replaces raster steps only when its cost is at most this fraction above
  /// theirs (0.02 = 2%).
  public var straighteningTolerance = 0.02

  public init() {}

  private enum Key: String, CodingKey, CaseIterable {
    case cellSizeM, connectivity, shallowWaterDepthM, shallowWaterPenalty, steepSlopeDeg
    case steepSlopePenaltyPerDeg, ferryLanePenalty, defaultFerryLaneWidthM, portPenalty
    case protectedAreaPenalty, fieldPenalty, crossingCostKm
    case corridorHalfWidthKm, corridorPenalty, refineHalfWidthKm, refineCellSizeM, surveyMinimumDepthM
    case minimumStraightApproachM, shoreApproachKm, shoreApproachCellSizeM, shoreApproachHalfWidthKm
    case straighteningTolerance
  }

  private static var paths: [Key: WritableKeyPath<CostModel, Double>] {
    [
      .cellSizeM: \.cellSizeM, .shallowWaterDepthM: \.shallowWaterDepthM,
      .shallowWaterPenalty: \.shallowWaterPenalty, .steepSlopeDeg: \.steepSlopeDeg,
      .steepSlopePenaltyPerDeg: \.steepSlopePenaltyPerDeg, .ferryLanePenalty: \.ferryLanePenalty,
      .defaultFerryLaneWidthM: \.defaultFerryLaneWidthM, .portPenalty: \.portPenalty,
      .protectedAreaPenalty: \.protectedAreaPenalty, .fieldPenalty: \.fieldPenalty,
      .crossingCostKm: \.crossingCostKm,
      .corridorHalfWidthKm: \.corridorHalfWidthKm, .corridorPenalty: \.corridorPenalty,
      .refineHalfWidthKm: \.refineHalfWidthKm, .refineCellSizeM: \.refineCellSizeM,
      .surveyMinimumDepthM: \.surveyMinimumDepthM, .minimumStraightApproachM: \.minimumStraightApproachM,
      .shoreApproachKm: \.shoreApproachKm, .shoreApproachCellSizeM: \.shoreApproachCellSizeM,
      .shoreApproachHalfWidthKm: \.shoreApproachHalfWidthKm,
      .straighteningTolerance: \.straighteningTolerance,
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

  /// Every value is within its `Limits` range (units in the message) and connectivity is 8 or
  /// 16. Returns the first problem, naming the key.
  public func problem() -> String? {
    if connectivity != 8 && connectivity != 16 { return "connectivity must be 8 or 16, got \(connectivity)" }
    for (key, value) in keyValues {
      if let problem = Limits.named(key).problem(value) { return problem }
    }
    return nil
  }

  /// Loads a model from a JSON file holding the keys to change.
  /// - Throws: `RoutingError.badConfig` naming the file: not JSON, a repeated or unknown key,
  ///   wrong type, or a value outside its `Limits` range.
  public static func load(from url: URL) throws -> CostModel {
    let data: Data
    do {
      data = try FileBytes.read(url)
    } catch {
      throw RoutingError.badConfig(path: url.path, problem: error.problem)
    }
    let document: JSONValue
    do {
      document = try JSONValue.parse(data, rejectingDuplicateKeys: true)
    } catch {
      let what = error.problem.hasPrefix("duplicate key") ? "" : "not JSON: "
      throw RoutingError.badConfig(path: url.path, problem: what + error.description)
    }
    guard case .object(let members) = document else {
      throw RoutingError.badConfig(path: url.path, problem: "not a JSON object")
    }
    var model = CostModel()
    for (name, value) in members.sorted(by: { $0.key < $1.key }) {
      guard let key = Key(rawValue: name) else {
        let known = Key.allCases.map(\.rawValue).sorted()
        throw RoutingError.badConfig(
          path: url.path, problem: "unknown key \"\(name)\" (known: \(known.joined(separator: ", ")))")
      }
      guard let number = value.doubleValue else {
        throw RoutingError.badConfig(
          path: url.path, problem: "\"\(name)\" must be a number, got \(value.jsonTypeName)")
      }
      guard let path = Self.paths[key] else {
        guard number == 8 || number == 16 else {
          let text = Int(exactly: number).map(String.init) ?? "\(number)"
          throw RoutingError.badConfig(path: url.path, problem: "connectivity must be 8 or 16, got \(text)")
        }
        model.connectivity = Int(number)
        continue
      }
      // Checked where it is read, before anything is sized from it.
      if let problem = Limits.named(name).problem(number) {
        throw RoutingError.badConfig(path: url.path, problem: problem)
      }
      model[keyPath: path] = number
    }
    return model
  }
}
