import Foundation

/// JSON text that does not follow RFC 8259, with the line and column (both from 1) where
/// reading stopped.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
  public let line: Int
  public let column: Int
  public let problem: String

  public var description: String { "line \(line), column \(column): \(problem)" }
}

extension JSONValue {
  /// Parses JSON text (RFC 8259, UTF-8, an optional byte-order mark is skipped).
  ///
  /// Numbers become `Double`. A key repeated within one object keeps the last value, unless
  /// `rejectingDuplicateKeys` is set (our own files: config, engineering, update-log lines), when
  /// it is an error at the repeated key.
  /// - Throws: `JSONSyntaxError` with the line and column of the first problem.
  public static func parse(
    _ data: Data, rejectingDuplicateKeys: Bool = false
  ) throws(JSONSyntaxError) -> JSONValue {
    let result: Result<JSONValue, JSONSyntaxError> = data.withUnsafeBytes { bytes in
      var parser = JSONTextParser(bytes: bytes, rejectingDuplicateKeys: rejectingDuplicateKeys)
      do throws(JSONSyntaxError) {
        return .success(try parser.document())
      } catch {
        return .failure(error)
      }
    }
    return try result.get()
  }

  /// Compact JSON text with object keys in sorted order, so that equal values always give
  /// equal text. Integral numbers up to 2⁵³ are written without a fraction, others in the
  /// shortest form that reads back to the same `Double`; non-finite numbers are written as null.
  public func serialized() -> String {
    var out = ""
    write(to: &out)
    return out
  }

  /// JSON text for people: keys sorted, two-space indentation, one member or item per line,
  /// a final newline. Numbers as in `serialized()`.
  public func prettyPrinted() -> String {
    var out = ""
    writePretty(to: &out, indent: "")
    out += "\n"
    return out
  }

  private func writePretty(to out: inout String, indent: String) {
    let inner = indent + "  "
    switch self {
    case .array(let items) where !items.isEmpty:
      out += "[\n"
      for (i, item) in items.enumerated() {
        out += i > 0 ? ",\n" + inner : inner
        item.writePretty(to: &out, indent: inner)
      }
      out += "\n" + indent + "]"
    case .object(let members) where !members.isEmpty:
      out += "{\n"
      for (i, key) in members.keys.sorted().enumerated() {
        out += i > 0 ? ",\n" + inner : inner
        JSONValue.writeString(key, to: &out)
        out += ": "
        members[key]!.writePretty(to: &out, indent: inner)
      }
      out += "\n" + indent + "}"
    default:
      write(to: &out)
    }
  }

  /// Appends `serialized()` to `out` (for writers that build one large text).
  public func write(to out: inout String) {
    switch self {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .number(let n): out += JSONValue.numberText(n)
    case .string(let s): JSONValue.writeString(s, to: &out)
    case .array(let items):
      out += "["
      for (i, item) in items.enumerated() {
        if i > 0 { out += "," }
        item.write(to: &out)
      }
      out += "]"
    case .object(let members):
      out += "{"
      for (i, key) in members.keys.sorted().enumerated() {
        if i > 0 { out += "," }
        JSONValue.writeString(key, to: &out)
        out += ":"
        members[key]!.write(to: &out)
      }
      out += "}"
    }
  }

  /// A number as `serialized()` writes it.
  public static func numberText(_ n: Double) -> String {
    guard n.isFinite else { return "null" }
    if n == n.rounded(), abs(n) <= 9_007_199_254_740_992 { return String(Int64(n)) }
    return "\(n)"
  }

  /// Appends `s` as a JSON string literal.
  public static func writeString(_ s: String, to out: inout String) {
    out += "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    out += "\""
  }

  /// A short name of the value's JSON type, for error messages ("a string", "an array", …).
  public var jsonTypeName: String {
    switch self {
    case .null: "null"
    case .bool: "a boolean"
    case .number: "a number"
    case .string: "a string"
    case .array: "an array"
    case .object: "an object"
    }
  }
}

/// A recursive-descent JSON parser over the bytes of a document.
private struct JSONTextParser {
  let bytes: UnsafeRawBufferPointer
  let rejectingDuplicateKeys: Bool
  var position = 0
  var depth = 0
  static let maximumDepth = 512

  init(bytes: UnsafeRawBufferPointer, rejectingDuplicateKeys: Bool) {
    self.bytes = bytes
    self.rejectingDuplicateKeys = rejectingDuplicateKeys
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
  }

  mutating func document() throws(JSONSyntaxError) -> JSONValue {
    skipWhitespace()
    guard position < bytes.count else { throw error("the document is empty") }
    let value = try self.value()
    skipWhitespace()
    guard position == bytes.count else { throw error("unexpected \(found()) after the JSON value") }
    return value
  }

  /// The error at the current position; line and column are counted only now, off the hot path.
  func error(_ problem: String) -> JSONSyntaxError {
    var line = 1
    var lineStart = 0
    for i in 0..<min(position, bytes.count) where bytes[i] == UInt8(ascii: "\n") {
      line += 1
      lineStart = i + 1
    }
    return JSONSyntaxError(line: line, column: position - lineStart + 1, problem: problem)
  }

  func found() -> String {
    guard position < bytes.count else { return "end of file" }
    let byte = bytes[position]
    if byte >= 0x20, byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
    return "byte 0x" + String(byte, radix: 16, uppercase: true)
  }

  mutating func skipWhitespace() {
    while position < bytes.count {
      switch bytes[position] {
      case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): position += 1
      default: return
      }
    }
  }

  mutating func value() throws(JSONSyntaxError) -> JSONValue {
    guard position < bytes.count else { throw error("unexpected end of file, expected a value") }
    switch bytes[position] {
    case UInt8(ascii: "{"): return try object()
    case UInt8(ascii: "["): return try array()
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "t"): return try literal("true", .bool(true))
    case UInt8(ascii: "f"): return try literal("false", .bool(false))
    case UInt8(ascii: "n"): return try literal("null", .null)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
    default: throw error("unexpected \(found()), expected a value")
    }
  }

  mutating func literal(_ word: StaticString, _ value: JSONValue) throws(JSONSyntaxError) -> JSONValue {
    let count = word.utf8CodeUnitCount
    guard position + count <= bytes.count,
      (0..<count).allSatisfy({ bytes[position + $0] == word.utf8Start[$0] })
    else { throw error("unexpected \(found()), expected a value") }
    position += count
    return value
  }

  mutating func enter() throws(JSONSyntaxError) {
    depth += 1
    guard depth <= Self.maximumDepth else {
      throw error("nesting deeper than \(Self.maximumDepth) levels")
    }
  }

  mutating func object() throws(JSONSyntaxError) -> JSONValue {
    try enter()
    position += 1
    var members: [String: JSONValue] = [:]
    skipWhitespace()
    if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
      position += 1
      depth -= 1
      return .object(members)
    }
    while true {
      skipWhitespace()
      guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
        throw error("unexpected \(found()), expected a member name in double quotes")
      }
      let keyStart = position
      let key = try string()
      if rejectingDuplicateKeys, members[key] != nil {
        position = keyStart
        throw error("duplicate key \"\(key)\" in one object")
      }
      skipWhitespace()
      guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
        throw error("unexpected \(found()), expected ':' after the member name")
      }
      position += 1
      skipWhitespace()
      members[key] = try value()
      skipWhitespace()
      guard position < bytes.count else { throw error("unexpected end of file, expected ',' or '}'") }
      if bytes[position] == UInt8(ascii: ",") {
        position += 1
      } else if bytes[position] == UInt8(ascii: "}") {
        position += 1
        depth -= 1
        return .object(members)
      } else {
        throw error("unexpected \(found()), expected ',' or '}'")
      }
    }
  }

  mutating func array() throws(JSONSyntaxError) -> JSONValue {
    try enter()
    position += 1
    var items: [JSONValue] = []
    skipWhitespace()
    if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
      position += 1
      depth -= 1
      return .array(items)
    }
    while true {
      skipWhitespace()
      items.append(try value())
      skipWhitespace()
      guard position < bytes.count else { throw error("unexpected end of file, expected ',' or ']'") }
      if bytes[position] == UInt8(ascii: ",") {
        position += 1
      } else if bytes[position] == UInt8(ascii: "]") {
        position += 1
        depth -= 1
        return .array(items)
      } else {
        throw error("unexpected \(found()), expected ',' or ']'")
      }
    }
  }

  /// A number per the JSON grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
  mutating func number() throws(JSONSyntaxError) -> Double {
    let start = position
    func digits(_ p: inout Int) -> Int {
      let from = p
      while p < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[p]) { p += 1 }
      return p - from
    }
    var p = position
    if bytes[p] == UInt8(ascii: "-") { p += 1 }
    let integerStart = p
    let integerDigits = digits(&p)
    guard integerDigits > 0 else {
      position = p
      throw error("unexpected \(found()), expected a digit")
    }
    guard integerDigits == 1 || bytes[integerStart] != UInt8(ascii: "0") else {
      position = integerStart
      throw error("numbers must not have leading zeros")
    }
    if p < bytes.count, bytes[p] == UInt8(ascii: ".") {
      p += 1
      guard digits(&p) > 0 else {
        position = p
        throw error("unexpected \(found()), expected a digit after the decimal point")
      }
    }
    if p < bytes.count, bytes[p] | 0x20 == UInt8(ascii: "e") {
      p += 1
      if p < bytes.count, bytes[p] == UInt8(ascii: "+") || bytes[p] == UInt8(ascii: "-") { p += 1 }
      guard digits(&p) > 0 else {
        position = p
        throw error("unexpected \(found()), expected a digit in the exponent")
      }
    }
    guard let value = DecimalText.parse(bytes, from: start, to: p), value.isFinite else {
      throw error("number out of range")
    }
    position = p
    return value
  }

  mutating func string() throws(JSONSyntaxError) -> String {
    position += 1
    let start = position
    // Fast path: no escapes.
    while position < bytes.count {
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") {
        let slice = UnsafeRawBufferPointer(rebasing: bytes[start..<position])
        guard let text = String(validating: slice, as: UTF8.self) else {
          position = start
          throw error("invalid UTF-8 in a string")
        }
        position += 1
        return text
      }
      if byte == UInt8(ascii: "\\") { break }
      guard byte >= 0x20 else { throw error("control character in a string (escape it)") }
      position += 1
    }
    var utf8 = Array(UnsafeRawBufferPointer(rebasing: bytes[start..<position]))
    while position < bytes.count {
      let byte = bytes[position]
      switch byte {
      case UInt8(ascii: "\""):
        position += 1
        guard let text = String(validating: utf8, as: UTF8.self) else {
          position = start
          throw error("invalid UTF-8 in a string")
        }
        return text
      case UInt8(ascii: "\\"):
        position += 1
        guard position < bytes.count else { break }
        let escaped = bytes[position]
        position += 1
        switch escaped {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escaped)
        case UInt8(ascii: "b"): utf8.append(0x08)
        case UInt8(ascii: "f"): utf8.append(0x0C)
        case UInt8(ascii: "n"): utf8.append(0x0A)
        case UInt8(ascii: "r"): utf8.append(0x0D)
        case UInt8(ascii: "t"): utf8.append(0x09)
        case UInt8(ascii: "u"):
          var scalar = try hex4()
          if (0xD800..<0xDC00).contains(scalar) {
            guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
              bytes[position + 1] == UInt8(ascii: "u")
            else { throw error("unpaired surrogate in a \\u escape") }
            position += 2
            let low = try hex4()
            guard (0xDC00..<0xE000).contains(low) else { throw error("unpaired surrogate in a \\u escape") }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
          }
          guard let unicode = Unicode.Scalar(scalar) else {
            throw error("unpaired surrogate in a \\u escape")
          }
          utf8.append(contentsOf: String(Character(unicode)).utf8)
        default:
          position -= 2
          throw error("invalid escape sequence, expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u")
        }
      default:
        guard byte >= 0x20 else { throw error("control character in a string (escape it)") }
        utf8.append(byte)
        position += 1
      }
    }
    throw error("unexpected end of file inside a string")
  }

  mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
    guard position + 4 <= bytes.count else { throw error("unexpected end of file in a \\u escape") }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let byte = bytes[position]
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default: throw error("unexpected \(found()) in a \\u escape, expected a hex digit")
      }
      value = value << 4 | UInt32(digit)
      position += 1
    }
    return value
  }
}
