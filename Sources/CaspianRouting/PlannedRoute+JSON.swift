import CaspianAnalysis
import CaspianGeometry
import CaspianSupport

/// JSON and GeoJSON views of planned routes. Numbers are rounded to what they mean (km to the
/// metre, degrees to a tenth, depths to a decimetre) so that output is stable and readable.
extension PlannedRoute {
  /// The document `route plan --format json` prints: `from`, `to`, `via`, the grid, the cost
  /// model and `options[]`, each with its figures and its `geometry` (a GeoJSON LineString).
  public var jsonValue: JSONValue {
    .object([
      "from": from.jsonValue,
      "to": to.jsonValue,
      "via": .array(via.map(\.jsonValue)),
      "notes": .array(notes.map { .string($0) }),
      "grid": .object([
        "rows": .number(Double(gridRows)), "cols": .number(Double(gridCols)),
        "cellSizeM": .number(model.cellSizeM),
        "projection": .string("+proj=aeqd +lat_0=42 +lon_0=50.5 +datum=WGS84 +units=m"),
      ]),
      "costModel": model.jsonValue,
      "options": .array(
        options.map { option in
          var members = option.figures
          members["minClearanceKm"] = .object(option.minimumClearances.mapValues { .number($0) })
          if let c = option.comparison {
            members["comparedWithOption1"] = .object([
              "lengthDeltaKm": .number(c.lengthDeltaKm.rounded(decimals: 3)),
              "maxSeparationKm": .number(c.maxSeparationKm.rounded(decimals: 3)),
              "maxSeparationDirection": .string(c.maxSeparationDirection),
              "sharedPercent": .number(c.sharedPercent.rounded(decimals: 1)),
            ])
          }
          members["plannedStretches"] = .array(option.stretches.map(\.jsonValue))
          members["geometry"] = GeoJSON.jsonValue(.lineString(option.vertices))
          members.merge(option.measures.jsonMembers) { current, _ in current }
          return .object(members)
        }),
    ])
  }

  /// RFC 7946 FeatureCollection: one LineString per option with its figures as flat
  /// properties, drawn along the geodesic (densified so that no straight lon/lat segment is
  /// more than `toleranceMetres` from it); then the landing points (and waypoints) as Points
  /// (`role` from, via, to); then each option's alter-course points as Points with
  /// `featureType` "alterCourse", `option`, `index` (from 0) and `kpKm`.
  public func featureCollection(toleranceMetres: Double = Geodesic.drawingToleranceMetres)
    -> FeatureCollection
  {
    let geodesic = Geodesic.wgs84
    var features = options.map { option in
      var properties = option.properties
      properties["alterCoursePoints"] = .number(Double(option.vertices.count))
      return Feature(
        id: .number(Double(option.id)),
        geometry: .lineString(
          geodesic.densifiedForDrawing(option.vertices, toleranceMetres: toleranceMetres).points),
        properties: properties)
    }
    let ends = [(from, "from")] + via.map { ($0, "via") } + [(to, "to")]
    for (point, role) in ends {
      features.append(
        Feature(
          geometry: .point(point.coordinate),
          properties: ["name": .string(point.name), "role": .string(role)]))
    }
    for option in options {
      for (index, (vertex, kp)) in zip(option.vertices, option.measures.vertexKpKm).enumerated() {
        features.append(
          Feature(
            geometry: .point(vertex),
            properties: [
              "featureType": .string("alterCourse"), "option": .number(Double(option.id)),
              "index": .number(Double(index)), "kpKm": .number(kp.rounded(decimals: 3)),
            ]))
      }
    }
    return FeatureCollection(features: features)
  }

}

extension PlannedStretch {
  /// `{startKpKm, endKpKm, cellSizeM, grid, corridorHalfWidthKm}` (the width null for the
  /// coarse pass over the whole sea).
  var jsonValue: JSONValue {
    .object([
      "startKpKm": .number(startKpKm.rounded(decimals: 3)), "endKpKm": .number(endKpKm.rounded(decimals: 3)),
      "cellSizeM": .number(cellSizeM), "grid": .string(grid),
      "corridorHalfWidthKm": corridorHalfWidthKm.map { .number($0) } ?? .null,
      "approachBearingDeg": approachBearingDegrees.map { .number($0) } ?? .null,
      "shoreApproach": .bool(isShoreApproach),
    ])
  }

  /// "KP 0.000–41.250: 1000 m cells, caspian-etopo1-0.1deg.asc" (and ", corridor ±10 km"; "shore
  /// approach, " before the cells for the shore-approach pass).
  public var text: String {
    if let bearing = approachBearingDegrees {
      return String(
        format: "KP %.3f–%.3f: straight approach on %g° (the landing's bearing)", startKpKm, endKpKm, bearing)
    }
    return String(
      format: "KP %.3f–%.3f: %@%g m cells, ", startKpKm, endKpKm, isShoreApproach ? "shore approach, " : "",
      cellSizeM) + grid
      + (corridorHalfWidthKm.map { String(format: ", corridor ±%g km", $0) } ?? "")
  }
}

extension RoutePoint {
  var jsonValue: JSONValue {
    .object(["name": .string(name), "position": coordinate.jsonPosition])
  }
}

extension CostModel {
  var jsonValue: JSONValue {
    var members: [String: JSONValue] = [:]
    for (key, value) in keyValues { members[key] = .number(value) }
    return .object(members)
  }
}

extension RouteOption {
  var figures: [String: JSONValue] {
    var members = measures.figures
    members["id"] = .number(Double(id))
    members["kind"] = .string(kind.rawValue)
    members["summary"] = .string(summary)
    members["legs"] = .number(Double(legs))
    members["costKm"] = .number(costKm.rounded(decimals: 3))
    return members
  }

  var minimumClearances: [String: Double] {
    Dictionary(measures.clearances.map { ($0.kind, $0.km.rounded(decimals: 3)) }, uniquingKeysWith: min)
  }

  /// The option's figures as flat properties for GIS (numbers and strings only, no nested
  /// objects): `figures`, then `minClearance<Kind>Km` per hazard kind and, for options after
  /// the first, `lengthDeltaKm`, `maxSeparationKm`, `maxSeparationDirection`, `sharedPercent`
  /// against option 1; `plannedStretches` (each stretch's `text`, joined by "; ") and
  /// `finestCellSizeM`.
  public var properties: [String: JSONValue] {
    var properties = figures
    properties["plannedStretches"] = .string(stretches.map(\.text).joined(separator: "; "))
    if let finest = stretches.map(\.cellSizeM).min() { properties["finestCellSizeM"] = .number(finest) }
    for (kind, km) in minimumClearances {
      let name = kind.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
      properties["minClearance\(name)Km"] = .number(km)
    }
    if let c = comparison {
      properties["lengthDeltaKm"] = .number(c.lengthDeltaKm.rounded(decimals: 3))
      properties["maxSeparationKm"] = .number(c.maxSeparationKm.rounded(decimals: 3))
      properties["maxSeparationDirection"] = .string(c.maxSeparationDirection)
      properties["sharedPercent"] = .number(c.sharedPercent.rounded(decimals: 1))
    }
    return properties
  }
}
