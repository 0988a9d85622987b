import CaspianGeometry
import Foundation

/// Reference computations written independently of the code under test (no PROJ).
enum Independent {
  /// Vincenty's inverse formula on WGS84: the geodesic distance in metres (converges to well
  /// under a millimetre for the distances used here).
  static func vincentyMetres(_ p: Coordinate, _ q: Coordinate) -> Double {
    let a = 6_378_137.0
    let f = 1 / 298.257_223_563
    let b = a * (1 - f)
    let rad = Double.pi / 180
    let L = (q.longitude - p.longitude) * rad
    let U1 = atan((1 - f) * tan(p.latitude * rad))
    let U2 = atan((1 - f) * tan(q.latitude * rad))
    let (sinU1, cosU1, sinU2, cosU2) = (sin(U1), cos(U1), sin(U2), cos(U2))
    var lambda = L
    var sinSigma = 0.0
    var cosSigma = 0.0
    var sigma = 0.0
    var cosSqAlpha = 0.0
    var cos2SigmaM = 0.0
    for _ in 0..<200 {
      let sinLambda = sin(lambda)
      let cosLambda = cos(lambda)
      let t1 = cosU2 * sinLambda
      let t2 = cosU1 * sinU2 - sinU1 * cosU2 * cosLambda
      sinSigma = (t1 * t1 + t2 * t2).squareRoot()
      if sinSigma == 0 { return 0 }
      cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda
      sigma = atan2(sinSigma, cosSigma)
      let sinAlpha = cosU1 * cosU2 * sinLambda / sinSigma
      cosSqAlpha = 1 - sinAlpha * sinAlpha
      cos2SigmaM = cosSqAlpha != 0 ? cosSigma - 2 * sinU1 * sinU2 / cosSqAlpha : 0
      let C = f / 16 * cosSqAlpha * (4 + f * (4 - 3 * cosSqAlpha))
      let previous = lambda
      lambda =
        L + (1 - C) * f * sinAlpha
        * (sigma + C * sinSigma * (cos2SigmaM + C * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)))
      if abs(lambda - previous) < 1e-13 { break }
    }
    let uSq = cosSqAlpha * (a * a - b * b) / (b * b)
    let A = 1 + uSq / 16384 * (4096 + uSq * (-768 + uSq * (320 - 175 * uSq)))
    let B = uSq / 1024 * (256 + uSq * (-128 + uSq * (74 - 47 * uSq)))
    let deltaSigma =
      B * sinSigma
      * (cos2SigmaM + B / 4
        * (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM) - B / 6 * cos2SigmaM
          * (-3 + 4 * sinSigma * sinSigma) * (-3 + 4 * cos2SigmaM * cos2SigmaM)))
    return b * A * (sigma - deltaSigma)
  }

  /// Sum of Vincenty distances along a path, km.
  static func pathKm(_ path: [Coordinate]) -> Double {
    zip(path, path.dropFirst()).reduce(0) { $0 + vincentyMetres($1.0, $1.1) } / 1000
  }

  /// Bearing of a short line from `p` to `q` in the local tangent plane, degrees clockwise
  /// from north (WGS84 radii of curvature at the mid latitude).
  static func localBearing(_ p: Coordinate, _ q: Coordinate) -> Double {
    let a = 6_378_137.0
    let e2 = 0.006_694_379_990_14
    let phi = (p.latitude + q.latitude) / 2 * Double.pi / 180
    let w = (1 - e2 * sin(phi) * sin(phi)).squareRoot()
    let meridional = a * (1 - e2) / (w * w * w)
    let normal = a / w
    let dx = (q.longitude - p.longitude) * Double.pi / 180 * normal * cos(phi)
    let dy = (q.latitude - p.latitude) * Double.pi / 180 * meridional
    return atan2(dx, dy) * 180 / Double.pi
  }
}
