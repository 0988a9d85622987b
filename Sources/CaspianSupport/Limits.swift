/// The documented range of a number read from a flag or a file, with its unit.
///
/// Every number a user can give (a flag, a key of a config, engineering or plan file, a field of
/// an update record) is checked against one `Limit` where it is parsed, so that flags and files
/// share one bound and one message. The table is `Limits.all`; the README lists it.
public struct Limit: Sendable, Hashable {
  /// The name as the user writes it: the file key (`cellSizeM`) or the flag (`--percent`).
  public let name: String
  public let range: ClosedRange<Double>
  /// The unit as printed after the numbers ("m", "days", "%"); empty for a plain number.
  public let unit: String

  public init(_ name: String, _ range: ClosedRange<Double>, unit: String = "") {
    self.name = name
    self.range = range
    self.unit = unit
  }

  /// "between 1 and 20000 m" (or "at least" / "at most" where one end is open).
  public var rangeText: String {
    let suffix = unit.isEmpty ? "" : " \(unit)"
    if range.upperBound == .greatestFiniteMagnitude {
      return "at least \(Self.number(range.lowerBound))\(suffix)"
    }
    if range.lowerBound == -.greatestFiniteMagnitude {
      return "at most \(Self.number(range.upperBound))\(suffix)"
    }
    return "between \(Self.number(range.lowerBound)) and \(Self.number(range.upperBound))\(suffix)"
  }

  /// Nil when `value` is finite and in range; else "cellSizeM must be between 1 and 20000 m, got 1e+12".
  public func problem(_ value: Double) -> String? {
    guard value.isFinite, range.contains(value) else {
      return "\(name) must be \(rangeText), got \(Self.number(value))"
    }
    return nil
  }

  /// `value` if it is in range.
  /// - Throws: `FileError` naming `source` (the file, `file:line` or "command line") and the range.
  @discardableResult
  public func check(_ value: Double, source: String) throws(FileError) -> Double {
    if let problem = problem(value) { throw FileError(file: source, problem: problem) }
    return value
  }

  /// Whole numbers print without a fraction; others in their shortest form.
  public static func number(_ value: Double) -> String {
    if value.isFinite, value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return "\(value)"
  }
}

/// Every documented range, in one table (the README's "Limits" section lists the same).
public enum Limits {
  /// Every limit, for the documentation test and `--help`.
  public static let all: [Limit] = schedule + lay + routing + engineering + geodata

  // MARK: Schedule (plan file, update records and their flags)

  static let schedule: [Limit] = [
    lagDays, weight, routeLengthKm, percentComplete, percentFlag, kp, kpFlag, durationDays, impactDays,
    probability, workableShare, correlation, iterations, seed,
  ]

  /// `lagDays` of a plan dependency (a negative lag is a lead).
  public static let lagDays = Limit("lagDays", -3650...3650, unit: "days")
  /// `weight` of a plan activity (any scale; only the shares matter).
  public static let weight = Limit("weight", 0...1_000_000)
  /// `routeLengthKm` of a plan (and the length of a route file given to `progress --route`).
  public static let routeLengthKm = Limit("routeLengthKm", 0.001...40_000, unit: "km")
  /// `percentComplete` of an update record.
  public static let percentComplete = Limit("percentComplete", 0...100, unit: "%")
  /// `schedule update --percent`.
  public static let percentFlag = Limit("--percent", 0...100, unit: "%")
  /// `kp` of an update record; at most the plan's `routeLengthKm` (checked against the plan).
  public static let kp = Limit("kp", 0...Double.greatestFiniteMagnitude, unit: "km")
  /// `schedule update --kp`; at most the plan's `routeLengthKm` (checked against the plan).
  public static let kpFlag = Limit("--kp", 0...Double.greatestFiniteMagnitude, unit: "km")
  /// Each point of an activity's `duration` range (days; working days with a calendar).
  public static let durationDays = Limit("duration", 0...36_500, unit: "days")
  /// Each point of a risk's `impactDays` range.
  public static let impactDays = Limit("impactDays", 0...3650, unit: "days")
  /// `probability` of a plan risk.
  public static let probability = Limit("probability", 0...1)
  /// Each month of a calendar's `workableShare`.
  public static let workableShare = Limit("workableShare", 0...1, unit: "(share of the month's days)")
  /// `coefficient` of a plan correlation.
  public static let correlation = Limit("coefficient", -1...1)
  /// `schedule risk --iterations` (the rank sums stay exact 64-bit integers up to this count).
  public static let iterations = Limit("--iterations", 1...1_000_000, unit: "iterations")
  /// `schedule risk --seed` (a whole number that a JSON number holds exactly).
  public static let seed = Limit("--seed", 0...9_007_199_254_740_991)

  // MARK: As-laid tracking (`lay import`)

  static let lay: [Limit] = [layMaxOffset, Limit("payout_km", 0...100_000, unit: "km")]

  /// `lay import --max-offset`: fixes further from the route are reported and not used.
  public static let layMaxOffset = Limit("--max-offset", 1...100_000, unit: "m")

  // MARK: Routing (cost model: `--config` keys and the matching flags)

  static let routing: [Limit] = [
    Limit("cellSizeM", 1...20_000, unit: "m"),
    Limit("connectivity", 8...16, unit: "neighbours (8 or 16)"),
    Limit("shallowWaterDepthM", 1...11_000, unit: "m"),
    Limit("shallowWaterPenalty", 0...1000, unit: "× the open-seabed cost"),
    Limit("steepSlopeDeg", 0...90, unit: "°"),
    Limit("steepSlopePenaltyPerDeg", 0...1000, unit: "× the open-seabed cost per °"),
    Limit("ferryLanePenalty", 0...1000, unit: "× the open-seabed cost"),
    Limit("defaultFerryLaneWidthM", 0...50_000, unit: "m"),
    Limit("portPenalty", 0...1000, unit: "× the open-seabed cost"),
    Limit("protectedAreaPenalty", 0...1000, unit: "× the open-seabed cost"),
    Limit("fieldPenalty", 0...1000, unit: "× the open-seabed cost"),
    Limit("crossingCostKm", 0...10_000, unit: "km"),
    Limit("corridorHalfWidthKm", 0...1000, unit: "km"),
    Limit("corridorPenalty", 0...1000, unit: "× the open-seabed cost"),
    Limit("refineHalfWidthKm", 0.1...200, unit: "km"),
    Limit("refineCellSizeM", 0...20_000, unit: "m (0 = the finest grid's)"),
    Limit("surveyMinimumDepthM", 0...100, unit: "m"),
    Limit("minimumStraightApproachM", 0...20_000, unit: "m"),
    Limit("shoreApproachKm", 0...100, unit: "km (0 = no shore-approach pass)"),
    Limit("shoreApproachCellSizeM", 1...1000, unit: "m"),
    Limit("shoreApproachHalfWidthKm", 0.1...50, unit: "km"),
    Limit("straighteningTolerance", 0...1, unit: "(fraction, 0.02 = 2 %)"),
    Limit("--options", 1...10, unit: "options"),
    Limit("--memory-budget", 0.01...1_000_000, unit: "GB"),
  ]

  // MARK: Engineering (`--engineering` file keys)

  static let engineering: [Limit] = [
    Limit("profile.sampleSpacingM", 10...5000, unit: "m"),
    Limit("profile.minimumSectionM", 0...100_000, unit: "m"),
    Limit("armour.landingDoubleArmourM", 0...100_000, unit: "m"),
    Limit("armour.doubleArmourMaxDepthM", 0...11_000, unit: "m"),
    Limit("armour.singleArmourMaxDepthM", 1...11_000, unit: "m"),
    Limit("burial.targetDepthM", 0...10, unit: "m"),
    Limit("burial.maxWaterDepthM", 0...11_000, unit: "m"),
    Limit("burial.crossingDepthM", 0...10, unit: "m"),
    Limit("burial.crossingZoneM", 0...50_000, unit: "m"),
    Limit("slack.buriedPercent", 0...50, unit: "%"),
    Limit("slack.shelfSurfacePercent", 0...50, unit: "%"),
    Limit("slack.deepSurfacePercent", 0...50, unit: "%"),
    Limit("slack.deepWaterDepthM", 0...11_000, unit: "m"),
    Limit("slack.loopRiskPercent", 0...100, unit: "%"),
    Limit("landing.shoreEndAllowanceM", 0...20_000, unit: "m"),
    Limit("landing.shallowApproachDepthM", 0...1000, unit: "m"),
    Limit("landing.nearshoreDepthM", 0...100, unit: "m"),
    Limit("checks.minimumCrossingAngleDegrees", 0...90, unit: "°"),
    Limit("checks.minimumLaneCrossingAngleDegrees", 0...90, unit: "°"),
    Limit("checks.parallelSeparationDepthFactor", 0...100, unit: "× water depth"),
    Limit("checks.suspensionSlopeDegrees", 0...89, unit: "°"),
    Limit("checks.platformMinimumClearanceM", 0...100_000, unit: "m"),
    Limit("checks.protectedAreaMinimumClearanceM", 0...100_000, unit: "m"),
    Limit("checks.nearbyHazardM", 0...100_000, unit: "m"),
    Limit("cost.doubleArmourUSDPerKm", 0...100_000_000, unit: "USD/km"),
    Limit("cost.singleArmourUSDPerKm", 0...100_000_000, unit: "USD/km"),
    Limit("cost.lightweightProtectedUSDPerKm", 0...100_000_000, unit: "USD/km"),
    Limit("cost.landSectionUSDPerKm", 0...100_000_000, unit: "USD/km"),
    Limit("cost.vesselSpreadUSDPerDay", 0...10_000_000, unit: "USD/day"),
    Limit("cost.crossingUSD", 0...1_000_000_000, unit: "USD"),
    Limit("cost.shoreEndUSD", 0...1_000_000_000, unit: "USD"),
    Limit("lay.surfaceKmPerDay", 1...1000, unit: "km/day"),
    Limit("lay.ploughKmPerDay", 0.1...500, unit: "km/day"),
    Limit("lay.crossingDays", 0...365, unit: "days"),
    Limit("lay.shoreEndDays", 0...365, unit: "days"),
    Limit("lay.weatherFactor", 1...10),
    Limit("--sea-level", -500...500, unit: "m"),
  ]

  // MARK: Geodata (grids, hazards, landings)

  static let geodata: [Limit] = [
    Limit("ncols", 2...1_000_000, unit: "columns"),
    Limit("nrows", 2...1_000_000, unit: "rows"),
    Limit("xllcorner", -180...180, unit: "° longitude"),
    Limit("xllcenter", -180...180, unit: "° longitude"),
    Limit("yllcorner", -90...90, unit: "° latitude"),
    Limit("yllcenter", -90...90, unit: "° latitude"),
    Limit("cellsize", 0.000_001...10, unit: "°"),
    Limit("dx", 0.000_001...10, unit: "°"),
    Limit("dy", 0.000_001...10, unit: "°"),
    Limit("NODATA_value", -1e38...1e38),
    Limit("elevation", -12_000...9_000, unit: "m"),
    Limit("gridCells", 4...200_000_000, unit: "cells"),
    Limit("verticalOffsetM", -12_000...12_000, unit: "m"),
    Limit("waterSurfaceM", -1000...1000, unit: "m"),
    Limit("safetyZoneM", 0...10_000, unit: "m"),
    Limit("bufferM", 0...50_000, unit: "m"),
    Limit("widthM", 0...50_000, unit: "m"),
    Limit("snappedM", 0...50_000, unit: "m"),
    Limit("approachBearingDeg", 0...360, unit: "°"),
  ]
}
