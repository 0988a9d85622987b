import CaspianGeometry
import CaspianSupport
import Foundation

extension RouteEngineering {
  /// The engineering figures `route plan --format json` adds to each option: `cableLengthKm`,
  /// `seabedLengthKm`, `cableTypes`, `buriedKm`, `landSectionKm`, `costUSD`, `layDays`,
  /// `warnings[]` (lengths to the metre, money to the dollar, days to a tenth).
  public var planMembers: [String: JSONValue] {
    struct TypeFigures: Encodable {
      var cableType: String
      var routeKm: Double
      var cableKm: Double
    }
    var members = headlineProperties
    members["cableTypes"] = JSONValue(
      encoding:
        cableTypes.map {
          TypeFigures(
            cableType: $0.cableType.rawValue, routeKm: $0.routeKm.rounded(decimals: 3),
            cableKm: $0.cableKm.rounded(decimals: 3))
        })
    members["warnings"] = .array(warnings.map(\.jsonValue))
    return members
  }

  /// The headline figures, flat, for GeoJSON feature properties.
  public var headlineProperties: [String: JSONValue] {
    [
      "cableLengthKm": .number(cableLengthKm.rounded(decimals: 3)),
      "seabedLengthKm": .number(seabedLengthKm.rounded(decimals: 3)),
      "buriedKm": .number(buriedKm.rounded(decimals: 3)),
      "landSectionKm": .number(landSectionKm.rounded(decimals: 3)),
      "costUSD": .number(costUSD.rounded()),
      "layDays": .number(layDays.rounded(decimals: 1)),
      "warningCount": .number(Double(warnings.count)),
    ]
  }
}

extension EngineeringWarning {
  /// The finding as every command writes it: severity, kind, name, KP range (km, to the metre)
  /// and message.
  public var jsonValue: JSONValue {
    [
      "severity": .string(severity.rawValue), "kind": .string(kind.rawValue), "name": JSONValue(name),
      "fromKpKm": .number(fromKpKm.rounded(decimals: 3)), "toKpKm": JSONValue(toKpKm?.rounded(decimals: 3)),
      "message": .string(message),
    ]
  }
}
