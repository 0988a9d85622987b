import CaspianAnalysis
import CaspianGeometry

/// One row of a Route Position List: a point on the route and the leg from it to the next row.
///
/// Rows are the alter-course points, plus points inserted on a leg where the cable type or the
/// burial target changes and where the route crosses a line (pipeline, cable, boundary, lane),
/// so every leg has one specification. Leg figures are `nil` on the last row.
public struct RPLRow: Sendable, Equatable, Codable {
  public enum Point: String, Sendable, Codable {
    /// The first or last point of the route.
    case landing
    /// An alter-course point of the route.
    case alterCourse = "AC"
    /// A point inserted on a leg (type or burial change, crossing).
    case event
  }

  /// 0-based position in the list.
  public var index: Int
  public var point: Point
  /// Degrees, WGS84.
  public let latitude: Double
  /// Degrees, WGS84.
  public let longitude: Double
  /// Latitude in degrees and decimal minutes, e.g. `43°38.100'N`.
  public let latitudeDDM: String
  /// Longitude in degrees and decimal minutes, e.g. `051°08.400'E`.
  public let longitudeDDM: String
  /// Kilometres from the first landing along the route (geodesic).
  public var kpKm: Double
  /// Length of the leg to the next row, km (geodesic).
  public var legKm: Double?
  /// Initial bearing of the leg to the next row, degrees true (0–360).
  public var bearingDegrees: Double?
  /// Water depth at the point, metres; `nil` where unknown.
  public var depthM: Double?
  /// Cable construction on the leg to the next row.
  public var cableType: CableType?
  /// Cable paid out beyond the leg's route length, percent.
  public var slackPercent: Double?
  /// Cable on the leg to the next row, km.
  public var legCableKm: Double?
  /// Cable from the beach manhole at the first landing to this point, km; on the last row, the
  /// whole cable length including the far end's allowance.
  public var cumulativeCableKm: Double
  /// Target depth of lowering on the leg to the next row, metres; `nil`: surface lay.
  public var burialDepthM: Double?
  public var remarks: [String]
}

/// A point where the RPL needs a row, before its leg figures are known.
struct RPLPoint {
  /// Metres from the first point.
  var kpM: Double
  var point: RPLRow.Point
  var remarks: [String]
}

extension SeabedProfile {
  /// The RPL points: alter-course points, section boundaries and crossings, in KP order; points
  /// within 1 m of each other are one row with both remarks.
  func rplPoints(sections: [Section], crossings: [RouteCrossing], landingNames: (String, String))
    -> [RPLPoint]
  {
    let last = track.points.count - 1
    var points = track.vertexKpM.enumerated().map { index, kpM in
      RPLPoint(
        kpM: kpM, point: index == 0 || index == last ? .landing : .alterCourse,
        remarks: index == 0
          ? ["landing \(landingNames.0)"] : index == last ? ["landing \(landingNames.1)"] : [])
    }
    for (previous, section) in zip(sections, sections.dropFirst()) {
      var remarks: [String] = []
      if previous.spec.cableType != section.spec.cableType {
        remarks.append(
          "cable type change \(previous.spec.cableType.rawValue)→\(section.spec.cableType.rawValue)")
      }
      if previous.spec.burialDepthM != section.spec.burialDepthM {
        remarks.append(
          "burial change \(burialText(previous.spec.burialDepthM))→\(burialText(section.spec.burialDepthM))")
      }
      points.append(RPLPoint(kpM: section.startKpM, point: .event, remarks: remarks))
    }
    for crossing in crossings {
      points.append(
        RPLPoint(
          kpM: crossing.kpKm * 1000, point: .event,
          remarks: [
            "crossing \(crossing.assetKind) \(crossing.assetName) at \(String(format: "%.0f", crossing.angleDegrees))°"
          ]))
    }
    points.sort { $0.kpM < $1.kpM }
    var merged: [RPLPoint] = []
    for point in points {
      if let previous = merged.last, point.kpM - previous.kpM < 1 {
        // Keep the alter-course point's position and kind; an event joins it.
        let keep = previous.point == .event ? point : previous
        merged[merged.count - 1] = RPLPoint(
          kpM: keep.kpM, point: keep.point, remarks: previous.remarks + point.remarks)
      } else {
        merged.append(point)
      }
    }
    return merged
  }
}

/// "1.0 m" or "none".
func burialText(_ depth: Double?) -> String {
  depth.map { String(format: "%.1f m", $0) } ?? "none"
}
