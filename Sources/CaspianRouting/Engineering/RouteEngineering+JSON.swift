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
    struct WarningFigures: Encodable {
      var kind: String
      var kpKm: Double
      var kpEndKm: Double?
      var message: String
    }
    var members = headlineProperties
    members["cableTypes"] = Self.jsonValue(
      cableTypes.map {
        TypeFigures(
          cableType: $0.cableType.rawValue, routeKm: PlannedRoute.round($0.routeKm, 3),
          cableKm: PlannedRoute.round($0.cableKm, 3))
      })
    members["warnings"] = Self.jsonValue(
      warnings.map {
        WarningFigures(
          kind: $0.kind.rawValue, kpKm: PlannedRoute.round($0.kpKm, 3),
          kpEndKm: $0.kpEndKm.map { PlannedRoute.round($0, 3) }, message: $0.message)
      })
    return members
  }

  /// The headline figures, flat, for GeoJSON feature properties.
  public var headlineProperties: [String: JSONValue] {
    [
      "cableLengthKm": .number(PlannedRoute.round(cableLengthKm, 3)),
      "seabedLengthKm": .number(PlannedRoute.round(seabedLengthKm, 3)),
      "buriedKm": .number(PlannedRoute.round(buriedKm, 3)),
      "landSectionKm": .number(PlannedRoute.round(landSectionKm, 3)),
      "costUSD": .number(costUSD.rounded()),
      "layDays": .number(PlannedRoute.round(layDays, 1)),
      "warningCount": .number(Double(warnings.count)),
    ]
  }

  /// Any of the engineering types as a `JSONValue` (through its `Encodable` form).
  public static func jsonValue(_ value: some Encodable) -> JSONValue {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    // Only a non-finite number could fail to encode; the figures are finite.
    return (try? JSONValue.parse(encoder.encode(value))) ?? .null
  }
}
