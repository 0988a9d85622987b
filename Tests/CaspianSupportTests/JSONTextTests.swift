import Foundation
import Testing

@testable import CaspianSupport

@Suite struct JSONTextTests {
  @Test func parsesAllValueKinds() throws {
    let text = #"{"a":[1,-2.5e3,0.125,true,false,null],"s":"q\"\\\/\b\f\n\r\t\u00e9\ud83c\udf0a","e":{}}"#
    let value = try JSONValue.parse(Data(text.utf8))
    #expect(
      value
        == .object([
          "a": .array([.number(1), .number(-2500), .number(0.125), .bool(true), .bool(false), .null]),
          "s": .string("q\"\\/\u{8}\u{c}\n\r\té🌊"),
          "e": .object([:]),
        ]))
  }

  @Test func serializesWithSortedKeys() throws {
    let value = JSONValue.object(["b": .number(1.5), "a": .array([.string("x\n"), .number(3)]), "c": .null])
    #expect(value.serialized() == #"{"a":["x\n",3],"b":1.5,"c":null}"#)
    #expect(try JSONValue.parse(Data(value.serialized().utf8)) == value)
  }

  @Test(
    arguments: [
      ("", 1, 1, "the document is empty"),
      ("[1,]", 1, 4, "unexpected ']', expected a value"),
      ("{\"a\" 1}", 1, 6, "expected ':'"),
      ("[\n  01\n]", 2, 3, "leading zeros"),
      ("[1.]", 1, 4, "expected a digit after the decimal point"),
      ("\"abc", 1, 5, "unexpected end of file inside a string"),
      ("[1e999]", 1, 2, "number out of range"),
      ("[tru]", 1, 2, "expected a value"),
      ("{} x", 1, 4, "after the JSON value"),
      ("[\"\\x\"]", 1, 3, "invalid escape"),
    ])
  func reportsLineAndColumn(text: String, line: Int, column: Int, problem: String) {
    do {
      _ = try JSONValue.parse(Data(text.utf8))
      Issue.record("accepted \(text)")
    } catch {
      #expect(error.line == line)
      #expect(error.column == column)
      #expect(error.problem.contains(problem), "\(error.problem)")
    }
  }

  /// The fast decimal path must agree bit for bit with the standard library's correctly rounded parser.
  @Test func decimalsMatchTheStandardLibrary() {
    var generator = SystemRandomNumberGenerator()
    var samples = [
      "0", "-0", "1", "-9999", "3.14159", ".5", "7.", "+2", "1e5", "2.5E-3", "123456789012345678901234",
      "0.1", "0.30000000000000004", "9007199254740993", "1e-320", "43.6350000", "-28.000001",
    ]
    for _ in 0..<2000 {
      let value = Double.random(in: -1000...1000, using: &generator)
      samples.append(String(format: "%.\(Int.random(in: 0...9, using: &generator))f", value))
      samples.append("\(value)")
    }
    for text in samples {
      let parsed = Array(text.utf8).withUnsafeBytes { DecimalText.parse($0, from: 0, to: $0.count) }
      #expect(parsed?.bitPattern == Double(text)?.bitPattern, "\(text)")
    }
    for bad in ["", "-", ".", "e5", "1e", "1.2.3", "nan", "inf", "1,5", "0x10", "12a"] {
      #expect(
        Array(bad.utf8).withUnsafeBytes { DecimalText.parse($0, from: 0, to: $0.count) } == nil, "\(bad)")
    }
  }

  @Test func duplicateKeysAreRefusedOnlyWhenAsked() throws {
    let text = Data(#"{"a": 1, "b": {"c": 2, "c": 3}}"#.utf8)
    #expect(try JSONValue.parse(text) == .object(["a": .number(1), "b": .object(["c": .number(3)])]))
    #expect(throws: JSONSyntaxError(line: 1, column: 24, problem: #"duplicate key "c" in one object"#)) {
      try JSONValue.parse(text, rejectingDuplicateKeys: true)
    }
  }

  @Test func limitsNameTheRangeAndUnit() throws {
    let limit = Limit("cellSizeM", 1...20_000, unit: "m")
    #expect(limit.problem(500) == nil)
    #expect(limit.problem(0.5) == "cellSizeM must be between 1 and 20000 m, got 0.5")
    #expect(limit.problem(.nan) == "cellSizeM must be between 1 and 20000 m, got nan")
    #expect(
      throws: FileError(
        file: "cost.json", problem: "cellSizeM must be between 1 and 20000 m, got 1000000000000")
    ) {
      try limit.check(1e12, source: "cost.json")
    }
    #expect(
      Limit("lagDays", -3650...(.greatestFiniteMagnitude), unit: "days").rangeText == "at least -3650 days")
  }
}
