import CaspianGeometry
import Foundation

/// A place where the route crosses a line on the seabed or the chart.
public struct Crossing: Sendable, Equatable, Codable {
  public var assetName: String
  /// The asset's `kind` (pipeline, cable, sector-boundary, ferry-lane, …).
  public var assetKind: String
  /// Kilometres from the first landing.
  public var kpKm: Double
  public var latitude: Double
  public var longitude: Double
  /// Acute angle between the route and the asset, degrees (90 = perpendicular).
  public var angleDegrees: Double

  /// Whether this is a pipeline or cable on the seabed (checked, buried deeper, costed), rather
  /// than a boundary or lane drawn on the chart.
  public var isAssetCrossing: Bool { assetKind == "pipeline" || assetKind == "cable" }
}

extension SeabedProfile {
  /// Every crossing of the assets' line work by the sampled route, in KP order.
  ///
  /// Each sampled route segment (a few hundred metres of geodesic) is intersected with each
  /// asset segment in a local equirectangular frame; the crossing's KP is interpolated along the
  /// route segment and its angle taken between the two geodesic azimuths at the crossing.
  func crossings(with assets: [EngineeringAsset]) -> [Crossing] {
    let geodesic = track.geodesic
    var found: [Crossing] = []
    for asset in assets {
      var assetCrossings: [Crossing] = []
      for line in asset.lines {
        for (p, q) in zip(line, line.dropFirst()) {
          for (a, b) in zip(samples, samples.dropFirst()) {
            guard let (t, u) = segmentIntersection(a.coordinate, b.coordinate, p, q) else { continue }
            let kp = a.kp + t * (b.kp - a.kp)
            let point = track.coordinate(atKP: kp)
            let routeAzimuth = geodesic.inverse(a.coordinate, b.coordinate).azimuth1Degrees
            let assetPoint = Coordinate(
              longitude: p.longitude + u * (q.longitude - p.longitude),
              latitude: p.latitude + u * (q.latitude - p.latitude))
            let assetAzimuth =
              u < 0.5
              ? geodesic.inverse(assetPoint, q).azimuth1Degrees
              : geodesic.inverse(p, assetPoint).azimuth2Degrees
            let difference = abs(routeAzimuth - assetAzimuth).truncatingRemainder(dividingBy: 180)
            assetCrossings.append(
              Crossing(
                assetName: asset.name, assetKind: asset.kind, kpKm: kp / 1000,
                latitude: point.latitude, longitude: point.longitude,
                angleDegrees: min(difference, 180 - difference)))
          }
        }
      }
      // A crossing exactly at a shared vertex is found on both segments: keep one.
      assetCrossings.sort { $0.kpKm < $1.kpKm }
      for crossing in assetCrossings
      where found.last.map({ $0.assetName != asset.name || crossing.kpKm - $0.kpKm > 0.001 }) ?? true {
        found.append(crossing)
      }
    }
    return found.sorted { $0.kpKm < $1.kpKm }
  }
}

/// Where segments a–b and p–q cross, as fractions along each (0…1), in a local equirectangular
/// frame (longitude scaled by the cosine of the latitude); `nil` if they do not meet or are
/// parallel.
func segmentIntersection(_ a: Coordinate, _ b: Coordinate, _ p: Coordinate, _ q: Coordinate)
  -> (Double, Double)?
{
  let scale = cos(a.latitude * .pi / 180)
  let rx = (b.longitude - a.longitude) * scale
  let ry = b.latitude - a.latitude
  let sx = (q.longitude - p.longitude) * scale
  let sy = q.latitude - p.latitude
  let denominator = rx * sy - ry * sx
  guard abs(denominator) > 1e-18 else { return nil }
  let wx = (p.longitude - a.longitude) * scale
  let wy = p.latitude - a.latitude
  let t = (wx * sy - wy * sx) / denominator
  let u = (wx * ry - wy * rx) / denominator
  guard (0...1).contains(t), (0...1).contains(u) else { return nil }
  return (t, u)
}
