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
          members["geometry"] = GeoJSON.jsonValue(.lineString(option.vertices))
          members["vertexKpKm"] = .array(option.measures.vertexKpKm.map { .number($0.rounded(decimals: 3)) })
          members["depthBands"] = .array(option.measures.depthBands.map(Self.jsonValue))
          members["crossings"] = .array(option.measures.crossings.map(Self.jsonValue))
          members["boundaryCrossings"] = .array(option.measures.boundaryCrossings.map(Self.jsonValue))
          members["intrusions"] = .array(option.measures.intrusions.map(Self.jsonValue))
          members["clearances"] = .array(
            option.measures.clearances.map { c in
              .object([
                "kind": .string(c.kind), "hazard": .string(c.hazard),
                "km": .number(c.km.rounded(decimals: 3)),
              ])
            })
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

  static func jsonValue(_ band: DepthBand) -> JSONValue {
    [
      "fromM": .number(band.fromM), "toM": JSONValue(band.toM),
      "lengthKm": .number(band.lengthKm.rounded(decimals: 3)),
    ]
  }

  /// A crossing as the JSON outputs write it (KP to the metre, angle to a tenth of a degree).
  public static func jsonValue(_ c: RouteCrossing) -> JSONValue {
    [
      "assetName": .string(c.assetName), "assetKind": .string(c.assetKind),
      "kpKm": .number(c.kpKm.rounded(decimals: 3)),
      "angleDegrees": .number(c.angleDegrees.rounded(decimals: 1)), "position": position(c.coordinate),
      "minimumAngleDegrees": JSONValue(c.minimumAngleDegrees),
      "belowMinimumAngle": .bool(c.isBelowMinimumAngle),
    ]
  }

  /// An intrusion as a finding of severity "error" (as in `warnings[]` of the engineering).
  public static func jsonValue(_ i: Intrusion) -> JSONValue {
    [
      "severity": "error", "kind": .string(i.kind.rawValue), "name": .string(i.name),
      "fromKpKm": .number(i.fromKpKm.rounded(decimals: 3)), "toKpKm": .number(i.toKpKm.rounded(decimals: 3)),
    ]
  }

  static func position(_ c: Coordinate) -> JSONValue {
    .array([.number(c.longitude.rounded(decimals: 7)), .number(c.latitude.rounded(decimals: 7))])
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
  /// The figures shared by the GeoJSON properties and the JSON document (numbers and strings).
  var figures: [String: JSONValue] {
    let m = measures
    func optional(_ value: Double?, _ decimals: Int) -> JSONValue {
      value.map { .number($0.rounded(decimals: decimals)) } ?? .null
    }
    return [
      "id": .number(Double(id)),
      "kind": .string(kind.rawValue),
      "summary": .string(summary),
      "routeLengthKm": .number(m.routeLengthKm.rounded(decimals: 3)),
      "baselineKm": .number(m.baselineKm.rounded(decimals: 3)),
      "detourRatio": .number(m.detourRatio.rounded(decimals: 4)),
      "legs": .number(Double(legs)),
      "costKm": .number(costKm.rounded(decimals: 3)),
      "maxDepthM": optional(m.maxDepthM, 1),
      "meanDepthM": optional(m.meanDepthM, 1),
      "unknownDepthKm": .number(m.unknownDepthKm.rounded(decimals: 3)),
      "maxSlopeDeg": optional(m.maxSlopeDeg, 2),
      "maxSlopeKpKm": optional(m.maxSlopeKpKm, 3),
      "crossingCount": .number(Double(m.crossings.count)),
    ]
  }

  /// The nearest hazard of each kind, km (to the metre), by kind.
  var minimumClearances: [String: Double] {
    Dictionary(measures.clearances.map { ($0.kind, $0.km.rounded(decimals: 3)) }, uniquingKeysWith: min)
  }

  /// The option's figures as flat properties for GIS (numbers and strings only, no nested
  /// objects): `figures`, then `minClearance<Kind>Km` per hazard kind and, for options after
  /// the first, `lengthDeltaKm`, `maxSeparationKm`, `maxSeparationDirection`, `sharedPercent`
  /// against option 1.
  public var properties: [String: JSONValue] {
    var properties = figures
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
