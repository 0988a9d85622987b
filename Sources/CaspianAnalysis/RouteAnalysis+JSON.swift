import CaspianGeometry
import CaspianSupport

/// The one JSON form of the analysis's findings, written by every command that reports them.
extension RouteCrossing: Encodable {
  public var jsonValue: JSONValue {
    [
      "assetName": .string(assetName), "assetKind": .string(assetKind),
      "kpKm": .number(kpKm.rounded(decimals: 3)),
      "angleDegrees": .number(angleDegrees.rounded(decimals: 1)), "position": coordinate.jsonPosition,
      "minimumAngleDegrees": JSONValue(minimumAngleDegrees), "belowMinimumAngle": .bool(isBelowMinimumAngle),
    ]
  }

  public func encode(to encoder: any Encoder) throws { try jsonValue.encode(to: encoder) }
}

extension Intrusion: Encodable {
  public var jsonValue: JSONValue {
    [
      "severity": "error", "kind": .string(kind.rawValue), "name": .string(name),
      "fromKpKm": .number(fromKpKm.rounded(decimals: 3)), "toKpKm": .number(toKpKm.rounded(decimals: 3)),
    ]
  }

  public func encode(to encoder: any Encoder) throws { try jsonValue.encode(to: encoder) }
}

extension Coordinate {
  /// `[lon, lat]` to 7 decimals (about a centimetre).
  public var jsonPosition: JSONValue {
    .array([.number(longitude.rounded(decimals: 7)), .number(latitude.rounded(decimals: 7))])
  }
}
