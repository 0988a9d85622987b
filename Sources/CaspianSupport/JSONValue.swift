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
