import CaspianGeometry

/// The straight shore approach of a landing that has an approach bearing: the route leaves the
/// landing (or reaches it) on that bearing for `CostModel.minimumStraightApproachM`, and the
/// search runs to the approach's seaward end.
struct StraightApproach {
  /// The seaward end of the approach, where the search starts or ends.
  let end: RoutePoint
  let bearingDegrees: Double
}

extension RoutePlanner {
  /// The straight approach of `landing`, or nil when it has no bearing (or the model's length
  /// is 0).
  /// - Throws: `RoutingError.badConfig` naming the landings file when the approach leaves the
  ///   sea, enters a no-go zone or leaves the grid.
  func straightApproach(_ landing: RoutePoint) throws -> StraightApproach? {
    guard let bearing = landing.approachBearingDegrees, model.minimumStraightApproachM > 0 else { return nil }
    let end = Geodesic.wgs84.direct(
      from: landing.coordinate, azimuthDegrees: bearing, distanceMetres: model.minimumStraightApproachM)
    let what = String(
      format: "landing \"%@\": its straight approach on %g° for %g m", landing.name, bearing,
      model.minimumStraightApproachM)
    if let problem = try checker.problem(leg: landing.coordinate, end) {
      throw RoutingError.badConfig(path: data.files.landings.relativePath, problem: "\(what) \(problem)")
    }
    do {
      return StraightApproach(
        end: try point(end, name: landing.name, label: "the end of \(what)"), bearingDegrees: bearing)
    } catch let error as RoutingError {
      throw RoutingError.badConfig(path: data.files.landings.relativePath, problem: "\(error)")
    }
  }
}
