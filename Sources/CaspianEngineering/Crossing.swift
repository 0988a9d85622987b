import CaspianAnalysis
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
  /// asset segment (straight in lon/lat, as GeoJSON draws them); the crossing's KP is the sample's
  /// plus the geodesic distance to the crossing, its angle taken between the two geodesic
  /// azimuths there.
  ///
  /// The sampled segments are indexed by their boxes (GEOS STRtree), so each asset segment is
  /// tested only against the route segments whose boxes meet its own, in route order.
  func crossings(with assets: [EngineeringAsset], engine: GeometryEngine, work: EngineeringWork? = nil) throws
    -> [Crossing]
  {
    let geodesic = track.geodesic
    let index = try SpatialIndex(
      engine: engine,
      envelopes: zip(samples, samples.dropFirst()).map { a, b in
        Envelope(covering: [a.coordinate, b.coordinate])!
      })
    var found: [Crossing] = []
    for asset in assets {
      var assetCrossings: [Crossing] = []
      for line in asset.lines {
        for (p, q) in zip(line, line.dropFirst()) {
          // Padded by ~0.1 mm so that rounding in the intersection test cannot find a crossing
          // with a segment whose box the query missed.
          var box = Envelope(covering: [p, q])!
          box = Envelope(
            minLongitude: box.minLongitude - 1e-9, minLatitude: box.minLatitude - 1e-9,
            maxLongitude: box.maxLongitude + 1e-9, maxLatitude: box.maxLatitude + 1e-9)
          for i in index.query(box) {
            let a = samples[i]
            let b = samples[i + 1]
            work?.segmentTests += 1
            guard let point = RouteAnalyzer.segmentIntersection(a.coordinate, b.coordinate, p, q) else {
              continue
            }
            let kp = a.kp + geodesic.distanceMetres(a.coordinate, point)
            let routeAzimuth = geodesic.inverse(a.coordinate, b.coordinate).azimuth1Degrees
            let assetAzimuth =
              point == q ? geodesic.inverse(p, q).azimuth2Degrees : geodesic.inverse(point, q).azimuth1Degrees
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
