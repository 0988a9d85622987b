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
          cableType: $0.cableType.rawValue, routeKm: $0.routeKm.rounded(decimals: 3),
          cableKm: $0.cableKm.rounded(decimals: 3))
      })
    members["warnings"] = Self.jsonValue(
      warnings.map {
        WarningFigures(
          kind: $0.kind.rawValue, kpKm: $0.kpKm.rounded(decimals: 3),
          kpEndKm: $0.kpEndKm.map { $0.rounded(decimals: 3) }, message: $0.message)
      })
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

  /// Any of the engineering types as a `JSONValue` (through its `Encodable` form).
  public static func jsonValue(_ value: some Encodable) -> JSONValue {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    // Only a non-finite number could fail to encode; the figures are finite.
    return (try? JSONValue.parse(encoder.encode(value))) ?? .null
  }
}
