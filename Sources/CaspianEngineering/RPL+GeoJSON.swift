import CaspianGeometry
import CaspianSupport

extension RouteEngineering {
  /// The RPL as a GeoJSON FeatureCollection for GIS: the route line (drawn along the geodesic,
  /// with the headline figures), then one Point per RPL row with its figures as flat
  /// properties (`featureType` "rpl", remarks joined with "; "). Numbers as in the CSV: KP and
  /// lengths to the metre, depths to a decimetre, bearings and slack to a hundredth.
  public func rplFeatureCollection(
    route: [Coordinate], option: String, toleranceMetres: Double = Geodesic.drawingToleranceMetres
  ) -> FeatureCollection {
    func number(_ value: Double?, _ decimals: Int) -> JSONValue {
      value.map { .number($0.rounded(decimals: decimals)) } ?? .null
    }
    var line = headlineProperties
    line["option"] = .string(option)
    line["routeLengthKm"] = number(routeLengthKm, 3)
    var features = [
      Feature(
        geometry: .lineString(
          Geodesic.wgs84.densifiedForDrawing(route, toleranceMetres: toleranceMetres).points),
        properties: line)
    ]
    for row in rows {
      features.append(
        Feature(
          geometry: .point(Coordinate(longitude: row.longitude, latitude: row.latitude)),
          properties: [
            "featureType": "rpl", "option": .string(option), "index": JSONValue(row.index),
            "point": .string(row.point.rawValue), "latitudeDDM": .string(row.latitudeDDM),
            "longitudeDDM": .string(row.longitudeDDM), "kpKm": number(row.kpKm, 3),
            "legKm": number(row.legKm, 3), "bearingDegrees": number(row.bearingDegrees, 2),
            "depthM": number(row.depthM, 1), "cableType": JSONValue(row.cableType?.rawValue),
            "slackPercent": number(row.slackPercent, 2), "legCableKm": number(row.legCableKm, 3),
            "cumulativeCableKm": number(row.cumulativeCableKm, 3),
            "burialDepthM": number(row.burialDepthM, 1),
            "remarks": .string(row.remarks.joined(separator: "; ")),
          ]))
    }
    return FeatureCollection(features: features)
  }
}
