import CaspianGeometry

/// Checks straight legs against the real vector geometry of the hard constraints (not the
/// raster): a leg must lie in the sea (`covers`) and must not touch any no-go zone or platform
/// safety zone. A leg is checked both as drawn in lon/lat (as GeoJSON and GIS tools draw it)
/// and along its WGS84 geodesic (the track a lay ship steers), densified every 1 km.
final class ConstraintChecker {
  let engine: GeometryEngine
  private let sea: PreparedGeometry
  let zones: [HazardShape]
  private let preparedZones: [PreparedGeometry]
  private let index: SpatialIndex?
  /// Spacing of the points that stand for a leg's geodesic, metres.
  static let geodesicSpacingM = 1000.0

  init(engine: GeometryEngine, sea: Geometry, shapes: [HazardShape]) throws {
    self.engine = engine
    self.sea = try engine.prepare(sea)
    zones = shapes.filter {
      if case .noGo = $0.role { return $0.area?.envelope != nil }
      return false
    }
    preparedZones = try zones.map { try engine.prepare($0.area!) }
    index =
      zones.isEmpty ? nil : try SpatialIndex(engine: engine, envelopes: zones.map { $0.area!.envelope! })
  }

  /// Whether the point lies in the sea (on its boundary counts).
  func isInSea(_ c: Coordinate) throws -> Bool {
    try sea.covers(.point(c))
  }

  /// The no-go zone containing `c` (boundary included), if any.
  func noGoZone(containing c: Coordinate) throws -> HazardShape? {
    let box = Envelope(
      minLongitude: c.longitude, minLatitude: c.latitude, maxLongitude: c.longitude, maxLatitude: c.latitude)
    for i in index?.query(box) ?? [] where try preparedZones[i].intersects(.point(c)) {
      return zones[i]
    }
    return nil
  }

  /// What is wrong with the straight leg from `a` to `b`, or nil when it respects every hard
  /// constraint.
  func problem(leg a: Coordinate, _ b: Coordinate) throws -> String? {
    let drawn = Geometry.lineString([a, b])
    let track = Geodesic.wgs84.densify([a, b], maxSpacingMetres: Self.geodesicSpacingM)
    let lines = track.count > 2 ? [drawn, .lineString(track)] : [drawn]
    for line in lines where !(try sea.covers(line)) {
      return "leaves the sea"
    }
    let box = Envelope(covering: track + [a, b])!
    for i in index?.query(box) ?? [] {
      for line in lines where try preparedZones[i].intersects(line) {
        let h = zones[i].hazard
        return "enters the no-go \(h.kind.rawValue) \"\(h.name)\""
      }
    }
    return nil
  }

  /// The no-go zones a path passes through (in the order of the hazards file).
  func zonesCrossed(by path: [Coordinate]) throws -> [HazardShape] {
    guard path.count >= 2 else { return [] }
    let line = Geometry.lineString(path)
    var found: [HazardShape] = []
    for i in (index?.query(line.envelope!) ?? []) where try preparedZones[i].intersects(line) {
      found.append(zones[i])
    }
    return found
  }
}
