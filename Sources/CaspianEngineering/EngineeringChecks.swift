import CaspianGeometry
import Foundation

/// A finding a route engineer must look at, located by KP.
public struct EngineeringWarning: Sendable, Equatable, Codable {
  public enum Kind: String, Sendable, Codable {
    case crossingAngle = "crossing-angle"
    case parallelSeparation = "parallel-separation"
    case suspensionSlope = "suspension-slope"
    case loopRisk = "loop-risk"
    case platformClearance = "platform-clearance"
    case protectedAreaClearance = "protected-area-clearance"
    case drySection = "dry-section"
    case unknownDepth = "unknown-depth"
  }

  public var kind: Kind
  /// Where it starts, kilometres from the first landing.
  public var kpKm: Double
  /// Where it ends, kilometres; `nil` for a single point.
  public var kpEndKm: Double?
  public var message: String

  /// "KP 12.345" or "KP 12.345–13.000".
  public var kpText: String {
    kpEndKm.map { "KP \(kmText(kpKm))–\(kmText($0))" } ?? "KP \(kmText(kpKm))"
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
  let profile: SeabedProfile
  let parameters: EngineeringParameters
  let engine: GeometryEngine
  var work: EngineeringWork? = nil

  private var checks: EngineeringParameters.Checks { parameters.checks }

  /// Crossings of pipelines and cables flatter than the minimum angle.
  func crossingAngles(_ crossings: [Crossing]) -> [EngineeringWarning] {
    crossings.filter { $0.isAssetCrossing && $0.angleDegrees < checks.minimumCrossingAngleDegrees }
      .map {
        EngineeringWarning(
          kind: .crossingAngle, kpKm: $0.kpKm, kpEndKm: nil,
          message: "crosses \($0.assetKind) \($0.assetName) at \(String(format: "%.0f", $0.angleDegrees))°, "
            + "under the \(String(format: "%.0f", checks.minimumCrossingAngleDegrees))° minimum")
      }
  }

  /// Stretches where the route runs closer to a pipeline or cable than the separation factor
  /// times the water depth, away from where it crosses that asset.
  ///
  /// Near a crossing at angle θ the route is inevitably within a distance d of the asset for
  /// d / sin θ either side; those stretches are not parallel running and are left out.
  func parallelSeparation(assets: [EngineeringAsset], crossings: [Crossing]) throws -> [EngineeringWarning] {
    var warnings: [EngineeringWarning] = []
    let factor = checks.parallelSeparationDepthFactor
    for asset in assets where asset.isLinearAsset {
      let own = crossings.filter { $0.assetName == asset.name && $0.assetKind == asset.kind }
      let exclusions = own.map { crossing -> ClosedRange<Double> in
        // The depth, and so the required separation, changes along the approach: widen the
        // stretch until it covers the deepest water within it (converges where the seabed
        // slope is under sin θ / factor).
        let centre = crossing.kpKm * 1000
        let sine = max(sin(crossing.angleDegrees * .pi / 180), 0.05)
        var halfWidth = 0.0
        for _ in 0..<8 {
          // The window by bisection (1 m wider), then the exact test: no pass over the route.
          let window = profile.samples(fromKP: centre - halfWidth - 2, toKP: centre + halfWidth + 2)
          work?.samplesVisited += window.count
          let deepest = window.filter { abs($0.kp - centre) <= halfWidth + 1 }.compactMap(\.depthM).max() ?? 0
          halfWidth = factor * max(0, deepest) / sine
        }
        return (centre - halfWidth - 1)...(centre + halfWidth + 1)
      }
      var flagged: [(kp: Double, distance: Double, required: Double)] = []
      var runs: [[(kp: Double, distance: Double, required: Double)]] = []
      for sample in profile.samples {
        let required = factor * max(0, sample.depthM ?? 0)
        var hit = false
        if required > 0, asset.mayBeWithin(required, of: sample.coordinate),
          !exclusions.contains(where: { $0.contains(sample.kp) }),
          !asset.isCertainlyFartherThan(required, from: sample.coordinate)
        {
          work?.distanceTests += 1
          let distance = try engine.distanceMetres(.point(sample.coordinate), asset.geometry)
          if distance < required {
            flagged.append((sample.kp, distance, required))
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
            kind: .parallelSeparation, kpKm: run[0].kp / 1000,
            kpEndKm: run.count > 1 ? run[run.count - 1].kp / 1000 : nil,
            message:
              "runs within \(String(format: "%.0f", closest.distance)) m of \(asset.kind) \(asset.name); "
              + "\(String(format: "%g", factor)) × depth requires \(String(format: "%.0f", closest.required)) m"
          ))
      }
    }
    return warnings
  }

  /// Stretches where the seabed along the route is steeper than the suspension threshold.
  func suspensionSlopes() -> [EngineeringWarning] {
    var warnings: [EngineeringWarning] = []
    var run: (start: Double, end: Double, steepest: Double)?
    for (a, b) in zip(profile.samples, profile.samples.dropFirst()) {
      var slope = 0.0
      if let da = a.depthM, let db = b.depthM, b.kp > a.kp {
        slope = atan2(abs(db - da), b.kp - a.kp) * 180 / .pi
      }
      if slope > checks.suspensionSlopeDegrees {
        run = (run?.start ?? a.kp, b.kp, max(run?.steepest ?? 0, slope))
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
      kind: .suspensionSlope, kpKm: run.start / 1000, kpEndKm: run.end / 1000,
      message: "seabed slope up to \(String(format: "%.1f", run.steepest))° along the route "
        + "(over \(String(format: "%g", checks.suspensionSlopeDegrees))°): suspension risk")
  }

  /// Stretches above the water surface and stretches without depth data.
  func depthCoverage() -> [EngineeringWarning] {
    var warnings: [EngineeringWarning] = []
    let length = profile.track.lengthM
    for (start, end) in runs(where: { ($0.depthM ?? 1) <= 0 }) {
      let place =
        start <= 0 ? "from the first landing" : end >= length ? "to the last landing" : "mid-route (a shoal)"
      warnings.append(
        EngineeringWarning(
          kind: .drySection, kpKm: start / 1000, kpEndKm: end / 1000,
          message: "route is above the water surface \(place): "
            + "\(kmText((end - start) / 1000)) km of land section"))
    }
    for (start, end) in runs(where: { $0.depthM == nil }) {
      warnings.append(
        EngineeringWarning(
          kind: .unknownDepth, kpKm: start / 1000, kpEndKm: end / 1000,
          message: "no depth data: armour SA and burial assumed"))
    }
    return warnings
  }

  /// KP ranges (metres) of consecutive samples meeting a condition.
  private func runs(where condition: (SeabedSample) -> Bool) -> [(Double, Double)] {
    var result: [(Double, Double)] = []
    var start: Double?
    var last = 0.0
    for sample in profile.samples {
      if condition(sample) {
        if start == nil { start = sample.kp }
        last = sample.kp
      } else if let s = start {
        result.append((s, last))
        start = nil
      }
    }
    if let s = start { result.append((s, last)) }
    return result
  }

  /// Closest approach to every platform and protected area, with warnings where it is less than
  /// required.
  func clearances(assets: [EngineeringAsset]) throws -> (
    clearances: [AssetClearance], warnings: [EngineeringWarning]
  ) {
    let route = Geometry.lineString(profile.samples.map(\.coordinate))
    var clearances: [AssetClearance] = []
    var warnings: [EngineeringWarning] = []
    for asset in assets {
      var required: Double
      let kind: EngineeringWarning.Kind
      switch asset.kind {
      case "platform":
        required = max(asset.safetyZoneM ?? 500, checks.platformMinimumClearanceM)
        kind = .platformClearance
      case "protected-area":
        required = checks.protectedAreaMinimumClearanceM
        kind = .protectedAreaClearance
      default:
        continue
      }
      // A clearance band drawn around the feature adds to what is required.
      required += asset.bufferM ?? 0
      // `distanceMetres` is the geodesic between these nearest points: found once, not twice.
      let (onRoute, onAsset) = try engine.nearestPoints(route, asset.geometry)
      let distance = Geodesic.wgs84.distanceMetres(onRoute, onAsset)
      let clearance = AssetClearance(
        assetName: asset.name, assetKind: asset.kind, minimumM: distance,
        kpKm: profile.kp(nearest: onRoute) / 1000, requiredM: required)
      clearances.append(clearance)
      if distance < required {
        warnings.append(
          EngineeringWarning(
            kind: kind, kpKm: clearance.kpKm, kpEndKm: nil,
            message: distance <= 0
              ? "enters \(asset.kind) \(asset.name)"
              : "passes \(String(format: "%.0f", distance)) m from \(asset.kind) \(asset.name); "
                + "\(String(format: "%.0f", required)) m required"))
      }
    }
    return (clearances.sorted { $0.minimumM < $1.minimumM }, warnings)
  }
}
