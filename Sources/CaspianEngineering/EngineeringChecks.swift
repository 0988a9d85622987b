import CaspianAnalysis
import CaspianGeodata
import CaspianGeometry
import Foundation

/// A finding a route engineer must look at, located by KP.
public struct EngineeringWarning: Sendable, Equatable, Encodable {
  /// `error`: the route must not be built as it is (it crosses land away from the landings, or
  /// a no-go zone); `warning`: a figure to look at.
  public enum Severity: String, Sendable, Codable {
    case warning
    case error
  }

  public enum Kind: String, Sendable, Codable {
    case land
    case noGo = "no-go"
    case crossingAngle = "crossing-angle"
    case parallelSeparation = "parallel-separation"
    case suspensionSlope = "suspension-slope"
    case loopRisk = "loop-risk"
    case platformClearance = "platform-clearance"
    case protectedAreaClearance = "protected-area-clearance"
    case drySection = "dry-section"
    case unknownDepth = "unknown-depth"
  }

  public var severity: Severity
  public var kind: Kind
  /// What it concerns: the asset, zone or "land"; nil for a finding about the seabed.
  public var name: String?
  /// Where it starts, kilometres from the first landing.
  public var fromKpKm: Double
  /// Where it ends, kilometres; `nil` for a single point.
  public var toKpKm: Double?
  public var message: String

  public init(
    severity: Severity = .warning, kind: Kind, name: String? = nil, fromKpKm: Double, toKpKm: Double? = nil,
    message: String
  ) {
    self.severity = severity
    self.kind = kind
    self.name = name
    self.fromKpKm = fromKpKm
    self.toKpKm = toKpKm
    self.message = message
  }

  /// The error-level finding for a stretch over land or through a no-go zone.
  public init(_ intrusion: Intrusion) {
    switch intrusion.kind {
    case .land:
      self.init(
        severity: .error, kind: .land, name: intrusion.name, fromKpKm: intrusion.fromKpKm,
        toKpKm: intrusion.toKpKm,
        message: "crosses land for \(kmText(intrusion.toKpKm - intrusion.fromKpKm)) km away from the landings"
      )
    case .noGo:
      self.init(
        severity: .error, kind: .noGo, name: intrusion.name, fromKpKm: intrusion.fromKpKm,
        toKpKm: intrusion.toKpKm,
        message:
          "runs through no-go zone \(intrusion.name) for \(kmText(intrusion.toKpKm - intrusion.fromKpKm)) km")
    }
  }

  public func encode(to encoder: any Encoder) throws { try jsonValue.encode(to: encoder) }

  /// "KP 12.345" or "KP 12.345–13.000".
  public var kpText: String {
    toKpKm.map { "KP \(kmText(fromKpKm))–\(kmText($0))" } ?? "KP \(kmText(fromKpKm))"
  }
}

/// The closest approach of the route to a platform or protected area.
public struct AssetClearance: Sendable, Equatable, Codable {
  public var assetName: String
  public var assetKind: String
  /// Geodesic distance from the route, metres (0 where the route enters the area).
  public var minimumM: Double
  /// Where on the route the closest approach is, kilometres from the first landing.
  public var kpKm: Double
  /// The clearance the checks require, metres.
  public var requiredM: Double
}

/// Kilometres to the metre, as the RPL writes them.
func kmText(_ km: Double) -> String { String(format: "%.3f", km) }

/// The engineering checks on one route: each produces warnings with KPs.
struct EngineeringChecks {
  let analysis: RouteAnalysis
  /// The analysis's profile with the samples engineering adds (crossing zones, landing limits).
  let profile: SeabedProfile
  let parameters: EngineeringParameters
  let engine: GeometryEngine
  var work: EngineeringWork? = nil

  private var checks: EngineeringParameters.Checks { parameters.checks }

  /// Crossings flatter than the minimum angle for their kind (pipelines and cables, lanes).
  func crossingAngles() -> [EngineeringWarning] {
    analysis.crossings.filter(\.isBelowMinimumAngle).map {
      EngineeringWarning(
        kind: .crossingAngle, name: $0.assetName, fromKpKm: $0.kpKm,
        message: "crosses \($0.assetKind) \($0.assetName) at \(String(format: "%.0f", $0.angleDegrees))°, "
          + "under the \(String(format: "%.0f", $0.minimumAngleDegrees ?? 0))° minimum")
    }
  }

  /// Stretches where the route runs closer to a pipeline or cable than the separation factor
  /// times the water depth, away from where it crosses that asset.
  ///
  /// Near a crossing at angle θ the route is inevitably within a distance d of the asset for
  /// d / sin θ either side; those stretches are not parallel running and are left out.
  func parallelSeparation(assets: [EngineeringAsset]) throws -> [EngineeringWarning] {
    var warnings: [EngineeringWarning] = []
    let factor = checks.parallelSeparationDepthFactor
    for asset in assets where asset.isLinearAsset {
      let own = analysis.crossings.filter { $0.assetName == asset.name && $0.assetKind == asset.kind }
      let exclusions = own.map { crossing -> ClosedRange<Double> in
        // The depth, and so the required separation, changes along the approach: widen the
        // stretch until it covers the deepest water within it (converges where the seabed
        // slope is under sin θ / factor).
        let centre = crossing.kpKm * 1000
        let sine = max(sin(crossing.angleDegrees * .pi / 180), 0.05)
        var halfWidth = 0.0
        for _ in 0..<8 {
          // The window by bisection (1 m wider), then the exact test: no pass over the route.
          let window = profile.samples(fromKpM: centre - halfWidth - 2, toKpM: centre + halfWidth + 2)
          work?.samplesVisited += window.count
          let deepest =
            window.filter { abs($0.kpM - centre) <= halfWidth + 1 }.compactMap(\.depthM).max() ?? 0
          halfWidth = factor * max(0, deepest) / sine
        }
        return (centre - halfWidth - 1)...(centre + halfWidth + 1)
      }
      var flagged: [(kpM: Double, distance: Double, required: Double)] = []
      var runs: [[(kpM: Double, distance: Double, required: Double)]] = []
      for sample in profile.samples {
        let required = factor * max(0, sample.depthM ?? 0)
        var hit = false
        if required > 0, asset.mayBeWithin(required, of: sample.coordinate),
          !exclusions.contains(where: { $0.contains(sample.kpM) }),
          !asset.isCertainlyFartherThan(required, from: sample.coordinate)
        {
          work?.distanceTests += 1
          let distance = try engine.distanceMetres(.point(sample.coordinate), asset.geometry)
          if distance < required {
            flagged.append((sample.kpM, distance, required))
            hit = true
          }
        }
        if !hit, !flagged.isEmpty {
          runs.append(flagged)
          flagged = []
        }
      }
      if !flagged.isEmpty { runs.append(flagged) }
      for run in runs {
        let closest = run.min { $0.distance < $1.distance }!
        warnings.append(
          EngineeringWarning(
            kind: .parallelSeparation, name: asset.name, fromKpKm: run[0].kpM / 1000,
            toKpKm: run.count > 1 ? run[run.count - 1].kpM / 1000 : nil,
            message:
              "runs within \(String(format: "%.0f", closest.distance)) m of \(asset.kind) \(asset.name); "
              + "\(String(format: "%g", factor)) × depth requires \(String(format: "%.0f", closest.required)) m"
          ))
      }
    }
    return warnings
  }

  /// Stretches where the seabed along the route is steeper than the suspension threshold (the
  /// analysis's slopes, sample to sample at the configured spacing).
  func suspensionSlopes() -> [EngineeringWarning] {
    var warnings: [EngineeringWarning] = []
    var run: (start: Double, end: Double, steepest: Double)?
    for (a, b) in zip(analysis.profile, analysis.profile.dropFirst()) {
      let slope = b.slopeDegrees ?? 0
      if slope > checks.suspensionSlopeDegrees {
        run = (run?.start ?? a.kpKm, b.kpKm, max(run?.steepest ?? 0, slope))
      } else if let current = run {
        warnings.append(slopeWarning(current))
        run = nil
      }
    }
    if let current = run { warnings.append(slopeWarning(current)) }
    return warnings
  }

  private func slopeWarning(_ run: (start: Double, end: Double, steepest: Double)) -> EngineeringWarning {
    EngineeringWarning(
      kind: .suspensionSlope, fromKpKm: run.start, toKpKm: run.end,
      message: "seabed slope up to \(String(format: "%.1f", run.steepest))° along the route "
        + "(over \(String(format: "%g", checks.suspensionSlopeDegrees))°): suspension risk")
  }

  /// Stretches above the water surface and stretches without depth data.
  func depthCoverage() -> [EngineeringWarning] {
    var warnings: [EngineeringWarning] = []
    let length = analysis.lengthKm
    for (start, end) in runs(where: { ($0.depthM ?? 1) <= 0 }) {
      let place =
        start <= 0 ? "from the first landing" : end >= length ? "to the last landing" : "mid-route (a shoal)"
      warnings.append(
        EngineeringWarning(
          kind: .drySection, fromKpKm: start, toKpKm: end,
          message: "route is above the water surface \(place): "
            + "\(kmText(end - start)) km of land section"))
    }
    for (start, end) in runs(where: { $0.depthM == nil }) {
      warnings.append(
        EngineeringWarning(
          kind: .unknownDepth, fromKpKm: start, toKpKm: end,
          message: "no depth data: armour SA and burial assumed"))
    }
    return warnings
  }

  /// KP ranges (km) of consecutive samples of the analysis's profile meeting a condition.
  private func runs(where condition: (ProfileSample) -> Bool) -> [(Double, Double)] {
    var result: [(Double, Double)] = []
    var start: Double?
    var last = 0.0
    for sample in analysis.profile {
      if condition(sample) {
        if start == nil { start = sample.kpKm }
        last = sample.kpKm
      } else if let s = start {
        result.append((s, last))
        start = nil
      }
    }
    if let s = start { result.append((s, last)) }
    return result
  }

  /// Closest approach to every platform and protected area (the analysis's clearances), with
  /// warnings where it is less than required.
  func clearances(hazards: [Hazard]) -> (clearances: [AssetClearance], warnings: [EngineeringWarning]) {
    var clearances: [AssetClearance] = []
    var warnings: [EngineeringWarning] = []
    for approach in analysis.clearances {
      let hazard = hazards[approach.hazardIndex]
      var required: Double
      let kind: EngineeringWarning.Kind
      switch hazard.kind {
      case .platform:
        required = max(
          hazard.safetyZoneM ?? Hazard.defaultPlatformSafetyZoneM, checks.platformMinimumClearanceM)
        kind = .platformClearance
      case .protectedArea:
        required = checks.protectedAreaMinimumClearanceM
        kind = .protectedAreaClearance
      default:
        continue
      }
      // A clearance band drawn around the feature adds to what is required.
      required += hazard.bufferM ?? 0
      let distance = approach.distanceKm * 1000
      let clearance = AssetClearance(
        assetName: hazard.name, assetKind: hazard.kind.rawValue, minimumM: distance, kpKm: approach.kpKm,
        requiredM: required)
      clearances.append(clearance)
      if distance < required {
        warnings.append(
          EngineeringWarning(
            kind: kind, name: hazard.name, fromKpKm: clearance.kpKm,
            message: distance <= 0
              ? "enters \(hazard.kind.rawValue) \(hazard.name)"
              : "passes \(String(format: "%.0f", distance)) m from \(hazard.kind.rawValue) \(hazard.name); "
                + "\(String(format: "%.0f", required)) m required"))
      }
    }
    return (clearances.sorted { $0.minimumM < $1.minimumM }, warnings)
  }
}
