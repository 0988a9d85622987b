import Foundation

/// A JSON value, used for GeoJSON feature properties so that no member is lost on a round trip.
public enum JSONValue: Sendable, Hashable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  public var stringValue: String? {
    if case .string(let s) = self { return s }
    return nil
  }

  public var doubleValue: Double? {
    if case .number(let n) = self { return n }
    return nil
  }

  public var boolValue: Bool? {
    if case .bool(let b) = self { return b }
    return nil
  }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
  ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral,
  ExpressibleByNilLiteral
{
  public init(stringLiteral value: String) { self = .string(value) }
  public init(integerLiteral value: Int) { self = .number(Double(value)) }
  public init(floatLiteral value: Double) { self = .number(value) }
  public init(booleanLiteral value: Bool) { self = .bool(value) }
  public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
  public init(dictionaryLiteral elements: (String, JSONValue)...) {
    self = .object(Dictionary(elements, uniquingKeysWith: { $1 }))
  }
  public init(nilLiteral: ()) { self = .null }

  /// A string, or null for nil.
  public init(_ value: String?) { self = value.map(JSONValue.string) ?? .null }
  /// A number, or null for nil.
  public init(_ value: Double?) { self = value.map(JSONValue.number) ?? .null }
  /// A whole number, or null for nil.
  public init(_ value: Int?) { self = value.map { .number(Double($0)) } ?? .null }
  /// Text values (dates, ids) by their description, or null for nil.
  public init(describing value: (some CustomStringConvertible)?) {
    self = value.map { .string($0.description) } ?? .null
  }
}

extension JSONValue {
  /// Any `Encodable` value as a `JSONValue` (nil-free: a value that cannot be encoded, only a
  /// non-finite number, becomes `.null`).
  public init(encoding value: some Encodable) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    self = (try? JSONValue.parse(encoder.encode(value))) ?? .null
  }
}

extension JSONValue: Encodable {
  private struct MemberName: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  public func encode(to encoder: any Encoder) throws {
    switch self {
    case .null:
      var container = encoder.singleValueContainer()
      try container.encodeNil()
    case .bool(let value):
      var container = encoder.singleValueContainer()
      try container.encode(value)
    case .number(let value):
      var container = encoder.singleValueContainer()
      try container.encode(value)
    case .string(let value):
      var container = encoder.singleValueContainer()
      try container.encode(value)
    case .array(let values):
      var container = encoder.unkeyedContainer()
      for value in values { try container.encode(value) }
    case .object(let members):
      var container = encoder.container(keyedBy: MemberName.self)
      for (key, value) in members { try container.encode(value, forKey: MemberName(stringValue: key)) }
    }
  }
}
