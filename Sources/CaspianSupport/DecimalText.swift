/// Parsing of decimal numbers straight from file bytes, shared by the JSON reader and the
/// ESRI ASCII grid reader (which must read millions of values per second).
package enum DecimalText {
  /// Exact powers of ten that a `Double` represents without rounding (10⁰…10²²).
  private static let exactPowersOfTen: [Double] = (0...22).map { exponent in
    var value = 1.0
    for _ in 0..<exponent { value *= 10 }
    return value
  }

  /// The value of the ASCII decimal number in `bytes[start..<end]`, or nil if that is not one.
  ///
  /// Accepted: an optional sign, digits with an optional fraction (`12`, `-3.5`, `.5`, `7.`),
  /// and an optional exponent (`1e-3`, `2.5E+02`). Not accepted: `nan`, `inf`, hexadecimal,
  /// spaces. The result is correctly rounded: common numbers (up to 19 significant digits and a
  /// small exponent) take an exact fast path (Clinger's), the rest go to the standard library.
  package static func parse(_ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Double? {
    var i = start
    guard i < end else { return nil }
    var negative = false
    let first = bytes[i]
    if first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
      negative = first == UInt8(ascii: "-")
      i += 1
    }
    var mantissa: UInt64 = 0
    var significantDigits = 0
    var digitCount = 0
    var decimalExponent = 0
    var exact = true
    // Integer part.
    while i < end {
      let d = bytes[i] &- UInt8(ascii: "0")
      guard d < 10 else { break }
      digitCount += 1
      if mantissa != 0 || d != 0 {
        if significantDigits < 19 {
          mantissa = mantissa &* 10 &+ UInt64(d)
          significantDigits += 1
        } else {
          exact = false
          decimalExponent += 1
        }
      }
      i += 1
    }
    // Fraction.
    if i < end, bytes[i] == UInt8(ascii: ".") {
      i += 1
      while i < end {
        let d = bytes[i] &- UInt8(ascii: "0")
        guard d < 10 else { break }
        digitCount += 1
        if mantissa != 0 || d != 0 {
          if significantDigits < 19 {
            mantissa = mantissa &* 10 &+ UInt64(d)
            significantDigits += 1
            decimalExponent -= 1
          } else {
            exact = false
          }
        } else {
          decimalExponent -= 1
        }
        i += 1
      }
    }
    guard digitCount > 0 else { return nil }
    // Exponent.
    if i < end, bytes[i] | 0x20 == UInt8(ascii: "e") {
      i += 1
      var exponentNegative = false
      if i < end, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
        exponentNegative = bytes[i] == UInt8(ascii: "-")
        i += 1
      }
      var exponent = 0
      var exponentDigits = 0
      while i < end {
        let d = bytes[i] &- UInt8(ascii: "0")
        guard d < 10 else { break }
        if exponent < 100_000 { exponent = exponent * 10 + Int(d) }
        exponentDigits += 1
        i += 1
      }
      guard exponentDigits > 0 else { return nil }
      decimalExponent += exponentNegative ? -exponent : exponent
    }
    guard i == end else { return nil }
    if mantissa == 0 { return negative ? -0.0 : 0.0 }
    if exact, mantissa <= 1 << 53, (-22...22).contains(decimalExponent) {
      var value = Double(mantissa)
      if decimalExponent >= 0 {
        value *= exactPowersOfTen[decimalExponent]
      } else {
        value /= exactPowersOfTen[-decimalExponent]
      }
      return negative ? -value : value
    }
    let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    return Double(text)
  }
}
