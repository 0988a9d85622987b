import CaspianSupport
import Foundation

/// Every figure the cable-engineering layer assumes, in one place.
///
/// The defaults come from public sources (named on each field); a user overrides any subset with
/// a JSON file of the same shape (`--engineering FILE`), e.g. `{"burial": {"maxWaterDepthM": 200}}`.
/// Units are in the names: metres (`M`), kilometres (`Km`), degrees, percent, US dollars (`USD`),
/// days.
public struct EngineeringParameters: Codable, Sendable, Equatable {
  /// How the seabed is sampled along the route.
  public struct Profile: Codable, Sendable, Equatable {
    /// Spacing of depth samples along each geodesic leg, metres. The guide asks for 100–500 m;
    /// finer than the 0.1° (~10 km) default grid, so a user's survey grid is resolved too.
    public var sampleSpacingM: Double = 250
    /// Shortest stretch of one cable type or burial target, metres. A shorter stretch takes the
    /// stronger specification of its neighbours (a factory does not change armour for 100 m);
    /// assumption.
    public var minimumSectionM: Double = 500
  }

  /// Armour by depth band (industry practice; ITU-T G.972/G.978).
  public struct Armour: Codable, Sendable, Equatable {
    /// Double armour (DA) from each landing out to this route distance, metres, whatever the
    /// depth: surf zone, anchorages and beach works (assumption).
    public var landingDoubleArmourM: Double = 1000
    /// Double armour where the water is shallower than this, metres. Practice is 20–50 m; the
    /// upper end is used because the Caspian shelf carries heavy oil-field vessel traffic.
    public var doubleArmourMaxDepthM: Double = 50
    /// Single armour (SA) on the shelf down to this depth, metres; lightweight protected (LWP)
    /// deeper. Practice: ~1000 m.
    public var singleArmourMaxDepthM: Double = 1000
  }

  /// Burial (ASN method statement; KCS PLOW-II).
  public struct Burial: Codable, Sendable, Equatable {
    /// Target depth of lowering below the seabed, metres (~1 m; 1.5–3 m with a plough).
    public var targetDepthM: Double = 1.0
    /// Bury from the shore out to this water depth, metres: where fishing and anchoring stop
    /// (typically 15 m to 1000 m of water).
    public var maxWaterDepthM: Double = 1000
    /// Target depth of lowering near crossings of pipelines and cables, metres.
    public var crossingDepthM: Double = 2.0
    /// Half-width of the deeper-burial zone on each side of a crossing, metres (assumption).
    public var crossingZoneM: Double = 500
  }

  /// Slack: cable paid out beyond the route length (TAT-1, BSTJ 1957; subsea-cable-tools docs).
  public struct Slack: Codable, Sendable, Equatable {
    /// Slack where the cable is buried (or on land), percent (0.5–2% in practice).
    public var buriedPercent: Double = 1.0
    /// Slack for surface lay down to `deepWaterDepthM`, percent.
    public var shelfSurfacePercent: Double = 2.0
    /// Slack for surface lay deeper than `deepWaterDepthM`, percent (~5% in deep water).
    public var deepSurfacePercent: Double = 5.0
    /// Mean leg depth beyond which deep-water slack applies, metres.
    public var deepWaterDepthM: Double = 1000
    /// Bottom slack at or above which a leg is flagged for loop risk, percent
    /// (subsea-cable-tools `LAY_ASSESSMENT.md`).
    public var loopRiskPercent: Double = 8.0
  }

  /// The ends of the route.
  public struct Landing: Codable, Sendable, Equatable {
    /// Cable from the beach manhole to the route's first (or last) point, metres, added at each
    /// end on top of the vertical descent to the seabed. Landing points lie ~300 m seaward of the
    /// coastline (data-set contract); the manhole ~100 m inland (assumption).
    public var shoreEndAllowanceM: Double = 400
    /// Water depth a main-lay vessel needs, metres: the landing approach is the stretch from
    /// each landing to where the water first reaches this depth (shore-end barge work before it;
    /// assumption).
    public var shallowApproachDepthM: Double = 10
    /// Least depth inside the sea polygon, metres, where the (coarse) grid shows land or less:
    /// the nearshore water the grid cannot resolve (assumption: ~1:150 beach slope 300 m out).
    public var nearshoreDepthM: Double = 2
  }

  /// Engineering checks reported as warnings.
  public struct Checks: Codable, Sendable, Equatable {
    /// Crossings of pipelines and cables flatter than this are flagged, degrees (INGAA pipeline
    /// crossing guideline: as near 90° as practical, 45° minimum).
    public var minimumCrossingAngleDegrees: Double = 45
    /// Crossings of ferry and shipping lanes flatter than this are flagged, degrees
    /// (assumption: a shallow crossing keeps the cable under the traffic, and its anchors, longer).
    public var minimumLaneCrossingAngleDegrees: Double = 30
    /// Separation from a parallel pipeline or cable must be at least this multiple of the water
    /// depth (ICPC; some national rules use 1.25).
    public var parallelSeparationDepthFactor: Double = 3.0
    /// Seabed slope along the route above which the cable risks suspensions (spans), degrees
    /// (screening threshold; assumption).
    public var suspensionSlopeDegrees: Double = 10
    /// Minimum clearance from a platform, metres; never less than the platform's own safety
    /// zone (500 m, UNCLOS art. 60(5)); the extra 500 m leaves room for anchors and ROVs
    /// (assumption).
    public var platformMinimumClearanceM: Double = 1000
    /// Minimum clearance from a protected area, metres (assumption).
    public var protectedAreaMinimumClearanceM: Double = 1000
    /// Hazards closer than this to an RPL point are named in its remarks, metres (the width of
    /// a 500–1000 m survey corridor; assumption).
    public var nearbyHazardM: Double = 1000
  }

  /// Cost rates, US dollars (estimates; Wang et al., ICTON 2019: ~25–28 thousand USD per km
  /// for the cable system, varying up to 6× by armour; US 2025/0175409).
  public struct Cost: Codable, Sendable, Equatable {
    /// Double-armour cable supply, USD per cable km.
    public var doubleArmourUSDPerKm: Double = 45_000
    /// Single-armour cable supply, USD per cable km.
    public var singleArmourUSDPerKm: Double = 27_000
    /// Lightweight protected cable supply, USD per cable km.
    public var lightweightProtectedUSDPerKm: Double = 15_000
    /// Land section (cable, trench, duct, reinstatement), USD per cable km (assumption).
    public var landSectionUSDPerKm: Double = 150_000
    /// Lay vessel with plough and crew, USD per day (assumption).
    public var vesselSpreadUSDPerDay: Double = 90_000
    /// Each crossing of a pipeline or cable: agreement, design, mattresses, USD (assumption).
    public var crossingUSD: Double = 250_000
    /// Each shore end: beach manhole, duct, divers, USD (assumption).
    public var shoreEndUSD: Double = 750_000
  }

  /// Lay rates (TAT-1; kis-orca.eu; Tyco trials).
  public struct Lay: Codable, Sendable, Equatable {
    /// Surface lay, route km per day (~6–7 kn pay-out ≈ 150–300 km/day in practice).
    public var surfaceKmPerDay: Double = 200
    /// Lay with simultaneous plough burial, route km per day (0.2–1 km/h ≈ 5–20 km/day).
    public var ploughKmPerDay: Double = 10
    /// Vessel days per pipeline or cable crossing (assumption).
    public var crossingDays: Double = 1
    /// Vessel days per shore end (assumption).
    public var shoreEndDays: Double = 2
    /// Multiplier for weather downtime on top of working days (assumption).
    public var weatherFactor: Double = 1.3
  }

  public var profile = Profile()
  public var armour = Armour()
  public var burial = Burial()
  public var slack = Slack()
  public var landing = Landing()
  public var checks = Checks()
  public var cost = Cost()
  public var lay = Lay()

  /// The documented defaults.
  public static let defaults = EngineeringParameters()

  public init() {}

  /// The defaults with the members present in a JSON document replaced.
  ///
  /// - Parameters:
  ///   - data: a JSON object shaped like `EngineeringParameters` (any subset of its members).
  ///   - source: the file name used in error messages.
  /// - Throws: `FileError` for malformed JSON (a repeated key included), an unknown
  ///   member, a non-numeric value or a figure outside its `Limits` range.
  public static func overriding(with data: Data, source: String) throws -> EngineeringParameters {
    let overrides: JSONValue
    do {
      overrides = try JSONValue.parse(data, rejectingDuplicateKeys: true)
    } catch {
      // A repeated key is valid JSON text but ambiguous: name it without calling the file broken.
      let what = error.problem.hasPrefix("duplicate key") ? "" : "not valid JSON: "
      throw FileError(file: source, problem: what + error.description)
    }
    guard case .object(let overrideMembers) = overrides else {
      throw FileError(file: source, problem: "expected a JSON object")
    }
    let base = try JSONValue.parse(JSONEncoder().encode(defaults))
    guard case .object(let baseMembers) = base else { preconditionFailure("defaults encode as an object") }
    let merged = try merge(overrideMembers, into: baseMembers, path: "", source: source)
    let parameters = try JSONDecoder().decode(
      EngineeringParameters.self, from: Data(JSONValue.object(merged).serialized().utf8))
    try parameters.validate(source: source)
    return parameters
  }

  private static func merge(
    _ overrides: [String: JSONValue], into base: [String: JSONValue], path: String, source: String
  ) throws -> [String: JSONValue] {
    var result = base
    for (key, value) in overrides.sorted(by: { $0.key < $1.key }) {
      let name = path.isEmpty ? key : "\(path).\(key)"
      switch (base[key], value) {
      case (nil, _):
        throw FileError(file: source, problem: "unknown member \"\(name)\"")
      case (.object(let current)?, .object(let replacement)):
        result[key] = .object(try merge(replacement, into: current, path: name, source: source))
      case (.object?, _):
        throw FileError(file: source, problem: "\"\(name)\" must be an object")
      case (_, .number(let number)):
        // Checked here, before anything is computed from it.
        if let problem = Limits.named(name).problem(number) {
          throw FileError(file: source, problem: problem)
        }
        result[key] = value
      default:
        throw FileError(file: source, problem: "\"\(name)\" must be a number")
      }
    }
    return result
  }

  /// Every figure by its file key (`cost.crossingUSD`), in declaration order.
  var keyValues: [(key: String, value: Double)] {
    [
      ("profile.sampleSpacingM", profile.sampleSpacingM),
      ("profile.minimumSectionM", profile.minimumSectionM),
      ("armour.landingDoubleArmourM", armour.landingDoubleArmourM),
      ("armour.doubleArmourMaxDepthM", armour.doubleArmourMaxDepthM),
      ("armour.singleArmourMaxDepthM", armour.singleArmourMaxDepthM),
      ("burial.targetDepthM", burial.targetDepthM),
      ("burial.maxWaterDepthM", burial.maxWaterDepthM),
      ("burial.crossingDepthM", burial.crossingDepthM),
      ("burial.crossingZoneM", burial.crossingZoneM),
      ("slack.buriedPercent", slack.buriedPercent),
      ("slack.shelfSurfacePercent", slack.shelfSurfacePercent),
      ("slack.deepSurfacePercent", slack.deepSurfacePercent),
      ("slack.deepWaterDepthM", slack.deepWaterDepthM),
      ("slack.loopRiskPercent", slack.loopRiskPercent),
      ("landing.shoreEndAllowanceM", landing.shoreEndAllowanceM),
      ("landing.shallowApproachDepthM", landing.shallowApproachDepthM),
      ("landing.nearshoreDepthM", landing.nearshoreDepthM),
      ("checks.minimumCrossingAngleDegrees", checks.minimumCrossingAngleDegrees),
      ("checks.minimumLaneCrossingAngleDegrees", checks.minimumLaneCrossingAngleDegrees),
      ("checks.parallelSeparationDepthFactor", checks.parallelSeparationDepthFactor),
      ("checks.suspensionSlopeDegrees", checks.suspensionSlopeDegrees),
      ("checks.platformMinimumClearanceM", checks.platformMinimumClearanceM),
      ("checks.protectedAreaMinimumClearanceM", checks.protectedAreaMinimumClearanceM),
      ("checks.nearbyHazardM", checks.nearbyHazardM),
      ("cost.doubleArmourUSDPerKm", cost.doubleArmourUSDPerKm),
      ("cost.singleArmourUSDPerKm", cost.singleArmourUSDPerKm),
      ("cost.lightweightProtectedUSDPerKm", cost.lightweightProtectedUSDPerKm),
      ("cost.landSectionUSDPerKm", cost.landSectionUSDPerKm),
      ("cost.vesselSpreadUSDPerDay", cost.vesselSpreadUSDPerDay),
      ("cost.crossingUSD", cost.crossingUSD),
      ("cost.shoreEndUSD", cost.shoreEndUSD),
      ("lay.surfaceKmPerDay", lay.surfaceKmPerDay),
      ("lay.ploughKmPerDay", lay.ploughKmPerDay),
      ("lay.crossingDays", lay.crossingDays),
      ("lay.shoreEndDays", lay.shoreEndDays),
      ("lay.weatherFactor", lay.weatherFactor),
    ]
  }

  /// Checks that every figure is usable: each within its `Limits` range (units in the
  /// message), and the armour depths in order.
  /// - Throws: `FileError` naming the first figure out of range.
  public func validate(source: String) throws {
    for (key, value) in keyValues {
      if let problem = Limits.named(key).problem(value) {
        throw FileError(file: source, problem: problem)
      }
    }
    guard armour.doubleArmourMaxDepthM <= armour.singleArmourMaxDepthM else {
      throw FileError(
        file: source,
        problem: "\"armour.doubleArmourMaxDepthM\" (\(armour.doubleArmourMaxDepthM)) must not exceed "
          + "\"armour.singleArmourMaxDepthM\" (\(armour.singleArmourMaxDepthM))")
    }
  }

  /// Cable supply rate for a construction, USD per cable km (the land section's rate includes
  /// its civil works).
  public func supplyUSDPerKm(_ type: CableType) -> Double {
    switch type {
    case .land: cost.landSectionUSDPerKm
    case .doubleArmour: cost.doubleArmourUSDPerKm
    case .singleArmour: cost.singleArmourUSDPerKm
    case .lightweightProtected: cost.lightweightProtectedUSDPerKm
    }
  }

  /// The assumptions behind the figures, one line each, for printing next to estimates.
  public var assumptions: [String] {
    [
      "Depth sampled every \(fmt(profile.sampleSpacingM)) m by KP along the whole route; "
        + "stretches shorter than \(fmt(profile.minimumSectionM)) m take the stronger neighbour's "
        + "specification.",
      "Armour: DA within \(fmt(armour.landingDoubleArmourM)) m of a landing and in water shallower "
        + "than \(fmt(armour.doubleArmourMaxDepthM)) m; SA to \(fmt(armour.singleArmourMaxDepthM)) m; "
        + "LWP deeper; LAND above the water surface (ITU-T G.972/G.978 practice).",
      "Burial: \(fmt(burial.targetDepthM)) m from the shore to \(fmt(burial.maxWaterDepthM)) m of "
        + "water, \(fmt(burial.crossingDepthM)) m within \(fmt(burial.crossingZoneM)) m of a "
        + "crossing (ASN; KCS PLOW-II).",
      "Slack: \(fmt(slack.buriedPercent))% buried, \(fmt(slack.shelfSurfacePercent))% surface lay "
        + "to \(fmt(slack.deepWaterDepthM)) m, \(fmt(slack.deepSurfacePercent))% deeper; never "
        + "less than the 3-D seabed length; loop risk flagged at \(fmt(slack.loopRiskPercent))% "
        + "(TAT-1; subsea-cable-tools).",
      "Each end adds its water depth plus \(fmt(landing.shoreEndAllowanceM)) m from the beach "
        + "manhole; the landing approach runs to \(fmt(landing.shallowApproachDepthM)) m of water; where "
        + "the sea polygon has water but the grid is dry or shallower, the depth is taken as "
        + "\(fmt(landing.nearshoreDepthM)) m.",
      "Checks: pipeline and cable crossings under \(fmt(checks.minimumCrossingAngleDegrees))° (INGAA), "
        + "lane crossings under \(fmt(checks.minimumLaneCrossingAngleDegrees))° (assumed), parallel "
        + "separation under \(fmt(checks.parallelSeparationDepthFactor)) × depth (ICPC), slopes over "
        + "\(fmt(checks.suspensionSlopeDegrees))°, platforms closer than "
        + "\(fmt(checks.platformMinimumClearanceM)) m (500 m safety zone, UNCLOS art. 60(5)), "
        + "protected areas closer than \(fmt(checks.protectedAreaMinimumClearanceM)) m.",
      "Cable supply per km: DA \(usd(cost.doubleArmourUSDPerKm)), SA \(usd(cost.singleArmourUSDPerKm)), "
        + "LWP \(usd(cost.lightweightProtectedUSDPerKm)); land section \(usd(cost.landSectionUSDPerKm))/km "
        + "(Wang et al., ICTON 2019: ~25–28 thousand USD/km, up to 6× by armour).",
      "Vessel spread \(usd(cost.vesselSpreadUSDPerDay))/day; \(usd(cost.crossingUSD)) per crossing; "
        + "\(usd(cost.shoreEndUSD)) per shore end (assumptions).",
      "Lay: surface \(fmt(lay.surfaceKmPerDay)) km/day, plough burial \(fmt(lay.ploughKmPerDay)) km/day "
        + "(TAT-1; kis-orca.eu), \(fmt(lay.crossingDays)) day(s) per crossing, "
        + "\(fmt(lay.shoreEndDays)) day(s) per shore end, weather factor \(fmt(lay.weatherFactor)).",
      "Estimates for the marine cable and its installation only: no landing stations, terminal "
        + "equipment, survey or permits.",
    ]
  }
}

private func fmt(_ value: Double) -> String {
  value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
}

private func usd(_ value: Double) -> String {
  "USD " + groupedThousands(value)
}
