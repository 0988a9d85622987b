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
          var members = option.properties
          members["geometry"] = GeoJSON.jsonValue(.lineString(option.vertices))
          members["vertexKp"] = .array(option.measures.vertexKp.map { .number(Self.round($0, 3)) })
          members["depthBands"] = .array(
            option.measures.depthBands.map { band in
              .object([
                "fromM": .number(band.fromM), "toM": band.toM.map { .number($0) } ?? .null,
                "lengthKm": .number(Self.round(band.lengthKm, 3)),
              ])
            })
          members["crossings"] = .array(
            option.measures.crossings.map { c in
              .object([
                "asset": .string(c.asset), "kind": .string(c.kind), "kp": .number(Self.round(c.kp, 3)),
                "angleDeg": .number(Self.round(c.angleDeg, 1)), "position": Self.position(c.position),
                "belowMinimumAngle": .bool(c.belowMinimumAngle),
              ])
            })
          members["boundaryCrossings"] = .array(
            option.measures.boundaryCrossings.map { b in
              .object([
                "boundary": .string(b.boundary), "kp": .number(Self.round(b.kp, 3)),
                "position": Self.position(b.position),
              ])
            })
          members["clearances"] = .array(
            option.measures.clearances.map { c in
              .object([
                "kind": .string(c.kind), "hazard": .string(c.hazard), "km": .number(Self.round(c.km, 3)),
              ])
            })
          return .object(members)
        }),
    ])
  }

  /// RFC 7946 FeatureCollection: one LineString per option with its figures as properties,
  /// then the landing points (and waypoints) as Points.
  public var featureCollection: FeatureCollection {
    var features = options.map { option in
      Feature(
        id: .number(Double(option.id)), geometry: .lineString(option.vertices), properties: option.properties)
    }
    let ends = [(from, "from")] + via.map { ($0, "via") } + [(to, "to")]
    for (point, role) in ends {
      features.append(
        Feature(
          geometry: .point(point.coordinate),
          properties: ["name": .string(point.name), "role": .string(role)]))
    }
    return FeatureCollection(features: features)
  }

  static func round(_ value: Double, _ decimals: Int) -> Double {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    return (value * scale).rounded() / scale
  }

  static func position(_ c: Coordinate) -> JSONValue {
    .array([.number(round(c.longitude, 7)), .number(round(c.latitude, 7))])
  }
}

extension RoutePoint {
  var jsonValue: JSONValue {
    .object(["name": .string(name), "position": PlannedRoute.position(coordinate)])
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
  /// The option's figures as flat properties (GeoJSON feature properties; the JSON document
  /// adds the nested lists).
  public var properties: [String: JSONValue] {
    let m = measures
    func optional(_ value: Double?, _ decimals: Int) -> JSONValue {
      value.map { .number(PlannedRoute.round($0, decimals)) } ?? .null
    }
    var clearance: [String: JSONValue] = [:]
    for c in m.clearances { clearance[c.kind] = .number(PlannedRoute.round(c.km, 3)) }
    var properties: [String: JSONValue] = [
      "id": .number(Double(id)),
      "kind": .string(kind.rawValue),
      "summary": .string(summary),
      "routeLengthKm": .number(PlannedRoute.round(m.routeLengthKm, 3)),
      "baselineKm": .number(PlannedRoute.round(m.baselineKm, 3)),
      "detourRatio": .number(PlannedRoute.round(m.detourRatio, 4)),
      "legs": .number(Double(legs)),
      "costKm": .number(PlannedRoute.round(costKm, 3)),
      "maxDepthM": optional(m.maxDepthM, 1),
      "meanDepthM": optional(m.meanDepthM, 1),
      "unknownDepthKm": .number(PlannedRoute.round(m.unknownDepthKm, 3)),
      "maxSlopeDeg": optional(m.maxSlopeDeg, 2),
      "maxSlopeKp": optional(m.maxSlopeKp, 3),
      "crossingCount": .number(Double(m.crossings.count)),
      "minClearanceKm": .object(clearance),
    ]
    if let c = comparison {
      properties["comparedWithOption1"] = .object([
        "lengthDeltaKm": .number(PlannedRoute.round(c.lengthDeltaKm, 3)),
        "maxSeparationKm": .number(PlannedRoute.round(c.maxSeparationKm, 3)),
        "maxSeparationDirection": .string(c.maxSeparationDirection),
        "sharedPercent": .number(PlannedRoute.round(c.sharedPercent, 1)),
      ])
    }
    return properties
  }
}
