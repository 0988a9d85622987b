import CaspianGeodata
import CaspianGeometry

/// Measures a route on the WGS84 ellipsoid: lengths and KPs by PROJ's geodesic, depths and
/// slopes sampled along the geodesic legs, crossings and clearances against the hazards.
struct RouteMeasurer {
  /// Depth bands, metres: landing and shore approach, anchor and fishing reach (double armour),
  /// shelf, slope (single armour to ~1000 m), deep water (lightweight).
  static let depthBandEdgesM: [Double] = [0, 20, 50, 200, 1000]

  let planner: RoutePlanner

  func measure(_ vertices: [Coordinate]) throws -> RouteMeasures {
    let geodesic = Geodesic.wgs84
    var vertexKp = [0.0]
    for (a, b) in zip(vertices, vertices.dropFirst()) {
      vertexKp.append(vertexKp.last! + geodesic.distanceMetres(a, b) / 1000)
    }
    let length = vertexKp.last!
    let baseline = geodesic.distanceMetres(vertices.first!, vertices.last!) / 1000

    let profile = self.profile(vertices, vertexKp: vertexKp)
    var bands = zip(Self.depthBandEdgesM, Self.depthBandEdgesM.dropFirst().map { Optional($0) } + [nil]).map {
      DepthBand(fromM: $0.0, toM: $0.1, lengthKm: 0)
    }
    var unknownKm = 0.0
    var weightedDepth = 0.0
    var knownKm = 0.0
    for (a, b) in zip(profile, profile.dropFirst()) {
      let km = b.kp - a.kp
      guard let da = a.depthM, let db = b.depthM else {
        unknownKm += km
        continue
      }
      let depth = (da + db) / 2
      weightedDepth += depth * km
      knownKm += km
      let band = Self.depthBandEdgesM.lastIndex(where: { depth >= $0 }) ?? 0
      bands[band].lengthKm += km
    }
    let depths = profile.compactMap(\.depthM)
    let steepest = profile.filter { $0.slopeDeg != nil }.max { $0.slopeDeg! < $1.slopeDeg! }

    return RouteMeasures(
      routeLengthKm: length, baselineKm: baseline, detourRatio: baseline > 0 ? length / baseline : 1,
      vertexKp: vertexKp, maxDepthM: depths.max(), meanDepthM: knownKm > 0 ? weightedDepth / knownKm : nil,
      depthBands: bands, unknownDepthKm: unknownKm, maxSlopeDeg: steepest?.slopeDeg, maxSlopeKp: steepest?.kp,
      profile: profile, crossings: try crossings(vertices, vertexKp: vertexKp),
      boundaryCrossings: boundaryCrossings(vertices, vertexKp: vertexKp),
      clearances: try clearances(vertices))
  }

  /// Samples along each geodesic leg, no more than `profileSpacingM` apart, vertices included.
  private func profile(_ vertices: [Coordinate], vertexKp: [Double]) -> [ProfileSample] {
    let geodesic = Geodesic.wgs84
    let relief = planner.relief
    var samples: [ProfileSample] = []
    for (leg, (a, b)) in zip(vertices, vertices.dropFirst()).enumerated() {
      let points = geodesic.densify([a, b], maxSpacingMetres: planner.model.profileSpacingM)
      var kp = vertexKp[leg]
      for (k, p) in points.enumerated() {
        if k > 0 { kp += geodesic.distanceMetres(points[k - 1], p) / 1000 }
        if leg > 0 && k == 0 { continue }
        let sampleKp = k == points.count - 1 ? vertexKp[leg + 1] : kp
        samples.append(
          ProfileSample(
            kp: sampleKp, position: p, depthM: relief.depthMetres(at: p), slopeDeg: relief.slopeDegrees(at: p)
          ))
      }
    }
    return samples
  }

  /// Where the legs cross the lines of `shapes`: (shape, leg, point, angle in degrees 0–90).
  private func intersections(_ vertices: [Coordinate], with shapes: [HazardShape]) -> [(
    shape: HazardShape, leg: Int, point: Coordinate, angleDeg: Double
  )] {
    let geodesic = Geodesic.wgs84
    var found: [(shape: HazardShape, leg: Int, point: Coordinate, angleDeg: Double)] = []
    for shape in shapes {
      for line in shape.lines {
        for (c, d) in zip(line, line.dropFirst()) {
          for (leg, (a, b)) in zip(vertices, vertices.dropFirst()).enumerated() {
            guard let p = Self.segmentIntersection(a, b, c, d) else { continue }
            // Azimuths of both lines at the crossing point.
            let routeAzimuth =
              p == b ? geodesic.inverse(a, b).azimuth2Degrees : geodesic.inverse(p, b).azimuth1Degrees
            let assetAzimuth =
              p == d ? geodesic.inverse(c, d).azimuth2Degrees : geodesic.inverse(p, d).azimuth1Degrees
            var angle = abs(routeAzimuth - assetAzimuth).truncatingRemainder(dividingBy: 180)
            if angle > 90 { angle = 180 - angle }
            found.append((shape, leg, p, angle))
          }
        }
      }
    }
    return found
  }

  private func crossings(_ vertices: [Coordinate], vertexKp: [Double]) throws -> [RouteCrossing] {
    let assets = planner.shapes.filter {
      ($0.hazard.kind == .pipeline || $0.hazard.kind == .cable) && !$0.lines.isEmpty
    }
    return intersections(vertices, with: assets).map { hit in
      RouteCrossing(
        asset: hit.shape.hazard.name, kind: hit.shape.hazard.kind.rawValue,
        kp: vertexKp[hit.leg] + Geodesic.wgs84.distanceMetres(vertices[hit.leg], hit.point) / 1000,
        angleDeg: hit.angleDeg, position: hit.point,
        belowMinimumAngle: hit.angleDeg < planner.model.minimumCrossingAngleDeg
      )
    }.sorted { $0.kp < $1.kp }
  }

  private func boundaryCrossings(_ vertices: [Coordinate], vertexKp: [Double]) -> [BoundaryCrossing] {
    let boundaries = planner.shapes.filter { $0.hazard.kind == .sectorBoundary }
    return intersections(vertices, with: boundaries).map { hit in
      BoundaryCrossing(
        boundary: hit.shape.hazard.name,
        kp: vertexKp[hit.leg] + Geodesic.wgs84.distanceMetres(vertices[hit.leg], hit.point) / 1000,
        position: hit.point)
    }.sorted { $0.kp < $1.kp }
  }

  /// The nearest hazard of each kind (sector boundaries excluded), by kind name.
  private func clearances(_ vertices: [Coordinate]) throws -> [Clearance] {
    let route = Geometry.lineString(vertices)
    var nearest: [String: Clearance] = [:]
    for hazard in planner.data.hazards where hazard.kind != .sectorBoundary {
      let km = try planner.checker.engine.distanceMetres(route, hazard.geometry) / 1000
      let kind = hazard.kind.rawValue
      if km < nearest[kind]?.km ?? .infinity {
        nearest[kind] = Clearance(kind: kind, hazard: hazard.name, km: km)
      }
    }
    return nearest.values.sorted { $0.kind < $1.kind }
  }

  /// Where segments a–b and c–d meet, straight in lon/lat (as GeoJSON draws them); nil when
  /// they do not (or are parallel).
  static func segmentIntersection(_ a: Coordinate, _ b: Coordinate, _ c: Coordinate, _ d: Coordinate)
    -> Coordinate?
  {
    let rx = b.longitude - a.longitude
    let ry = b.latitude - a.latitude
    let sx = d.longitude - c.longitude
    let sy = d.latitude - c.latitude
    let denominator = rx * sy - ry * sx
    guard denominator != 0 else { return nil }
    let qx = c.longitude - a.longitude
    let qy = c.latitude - a.latitude
    let t = (qx * sy - qy * sx) / denominator
    let u = (qx * ry - qy * rx) / denominator
    guard t >= 0, t <= 1, u >= 0, u <= 1 else { return nil }
    return Coordinate(longitude: a.longitude + t * rx, latitude: a.latitude + t * ry)
  }
}
