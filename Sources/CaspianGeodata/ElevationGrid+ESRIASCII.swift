import CaspianGeometry
import CaspianSupport
import Foundation

extension ElevationGrid {
  /// Reads an ESRI ASCII grid (`.asc`) in geographic WGS84 degrees.
  ///
  /// Header keys, case-insensitive, one per line: `ncols`, `nrows`, `xllcorner` or `xllcenter`,
  /// `yllcorner` or `yllcenter`, `cellsize` (square cells) or `dx` and `dy`, optional
  /// `NODATA_value`. Then `nrows × ncols` numbers, rows from north to south, separated by any
  /// white space. A grid of 6 million cells reads in well under two seconds (release build).
  /// - Throws: `FileError`, or `FileError` naming the file and the line.
  public static func read(from url: URL) throws -> ElevationGrid {
    try ElevationGrid(esriASCII: FileBytes.read(url), source: url.relativePath)
  }

  /// Parses the text of an ESRI ASCII grid; `source` names it in errors.
  /// - Throws: `FileError`.
  public init(esriASCII data: Data, source: String) throws {
    self = try data.withUnsafeBytes { bytes in
      var parser = ESRIASCIIParser(bytes: bytes, source: source)
      return try parser.grid()
    }
  }
}

/// A hand-written parser over the file's bytes: millions of values must not go through
/// `String` splitting.
private struct ESRIASCIIParser {
  let bytes: UnsafeRawBufferPointer
  let source: String
  var position = 0

  init(bytes: UnsafeRawBufferPointer, source: String) {
    self.bytes = bytes
    self.source = source
  }

  static let headerKeys = [
    "ncols", "nrows", "xllcorner", "xllcenter", "yllcorner", "yllcenter", "cellsize", "dx", "dy",
    "nodata_value",
  ]

  func fail(at offset: Int? = nil, _ problem: String) -> FileError {
    FileError(file: source, location: offset.map { "line \(line(at: $0))" }, problem: problem)
  }

  /// The line number (from 1) of a byte offset; counted only when an error is reported.
  func line(at offset: Int) -> Int {
    var line = 1
    for i in 0..<min(offset, bytes.count) where bytes[i] == UInt8(ascii: "\n") { line += 1 }
    return line
  }

  static func isSpace(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
      || byte == UInt8(ascii: "\t")
  }

  func text(_ range: Range<Int>) -> String {
    String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self)
  }

  /// A token for a message: at most 24 bytes, printable ASCII as it is and every other byte as
  /// `\xNN`, so that a binary or sparse file cannot put NUL bytes or escapes on the terminal.
  func quoted(_ range: Range<Int>) -> String {
    var out = "\""
    for byte in bytes[range.lowerBound..<min(range.upperBound, range.lowerBound + 24)] {
      if byte >= 0x20, byte < 0x7F, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") {
        out.append(Character(Unicode.Scalar(byte)))
      } else {
        out += "\\x" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
      }
    }
    out += range.count > 24 ? "…\" (\(range.count) bytes)" : "\""
    return out
  }

  /// Words some tools write for a missing or non-finite value.
  static let nonNumbers: Set<String> = ["nan", "inf", "infinity", "null", "none", "na", "n/a"]

  /// Whether the header read so far has every key a grid needs (so that a letter-led token after
  /// it, such as `nan`, is a data value, not a misspelt key).
  static func isComplete(_ header: [String: (value: Double, offset: Int)]) -> Bool {
    ["ncols", "nrows"].allSatisfy { header[$0] != nil }
      && (header["xllcorner"] != nil || header["xllcenter"] != nil)
      && (header["yllcorner"] != nil || header["yllcenter"] != nil)
      && (header["cellsize"] != nil || (header["dx"] != nil && header["dy"] != nil))
  }

  /// Skips white space (newlines too) and returns the next token's byte range, or nil at the end.
  mutating func nextToken() -> Range<Int>? {
    while position < bytes.count, Self.isSpace(bytes[position]) { position += 1 }
    guard position < bytes.count else { return nil }
    let start = position
    while position < bytes.count, !Self.isSpace(bytes[position]) { position += 1 }
    return start..<position
  }

  mutating func grid() throws -> ElevationGrid {
    // Header: `key value` lines until the first token that is not a letter-led key.
    var header: [String: (value: Double, offset: Int)] = [:]
    while true {
      let before = position
      while position < bytes.count, Self.isSpace(bytes[position]) { position += 1 }
      // Binary data (a sparse or zero-filled file) is refused at its first byte, unscanned.
      if header.isEmpty, position < bytes.count, bytes[position] < 0x20 || bytes[position] >= 0x7F {
        throw fail(
          at: position,
          "not an ESRI ASCII grid: the file starts with the bytes \(quoted(position..<bytes.count)), not a header key (ncols, nrows, …)"
        )
      }
      guard let keyRange = nextToken() else { break }
      let first = bytes[keyRange.lowerBound] | 0x20
      guard first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z") else {
        position = before
        break
      }
      let key = keyRange.count <= 12 ? text(keyRange).lowercased() : ""
      guard Self.headerKeys.contains(key) else {
        // After a complete header, a word such as `nan` or `inf` is a value the data cannot hold.
        if Self.isComplete(header), Self.nonNumbers.contains(key) {
          position = before
          break
        }
        throw fail(
          at: keyRange.lowerBound,
          "\(quoted(keyRange)) is not an ESRI ASCII grid header key (expected \(Self.headerKeys.joined(separator: ", ")))"
        )
      }
      guard header[key] == nil else { throw fail(at: keyRange.lowerBound, "header key \(key) appears twice") }
      guard let valueRange = nextToken(),
        let value = DecimalText.parse(bytes, from: valueRange.lowerBound, to: valueRange.upperBound),
        value.isFinite
      else { throw fail(at: keyRange.lowerBound, "header key \(key) needs a number") }
      header[key] = (value, keyRange.lowerBound)
    }

    func required(_ key: String) throws -> Double {
      guard let entry = header[key] else { throw fail("the header has no \(key)") }
      return entry.value
    }
    /// The value of `key` within its `Limits` range (reported at its line).
    func limited(_ key: String, _ value: Double) throws -> Double {
      let limit = Limits.named(key == "nodata_value" ? "NODATA_value" : key)
      if let problem = limit.problem(value) { throw fail(at: header[key]?.offset, problem) }
      return value
    }
    func degrees(_ key: String, _ value: Double) throws -> Double {
      guard let problem = Limits.named(key).problem(value) else { return value }
      throw fail(
        at: header[key]?.offset,
        "\(problem); an .asc without a .prj file must be geographic longitude/latitude (WGS84 degrees); give a projected grid its .prj"
      )
    }
    func count(_ key: String) throws -> Int {
      let value = try required(key)
      guard value == value.rounded() else {
        throw fail(at: header[key]!.offset, "\(key) must be a whole number, got \(value)")
      }
      // A grid of fewer than 2 × 2 cells has no slope and cannot hold a route.
      return Int(try limited(key, value))
    }
    func one(of a: String, _ b: String) throws -> (value: Double, isCentre: Bool) {
      switch (header[a], header[b]) {
      case (let corner?, nil): return (try degrees(a, corner.value), false)
      case (nil, let centre?): return (try degrees(b, centre.value), true)
      case (_?, _?): throw fail("the header has both \(a) and \(b)")
      case (nil, nil): throw fail("the header has neither \(a) nor \(b)")
      }
    }
    let columns = try count("ncols")
    let rows = try count("nrows")
    let x = try one(of: "xllcorner", "xllcenter")
    let y = try one(of: "yllcorner", "yllcenter")
    let dx: Double
    let dy: Double
    switch (header["cellsize"], header["dx"], header["dy"]) {
    case (let size?, nil, nil): (dx, dy) = (try limited("cellsize", size.value), size.value)
    case (nil, let w?, let h?): (dx, dy) = (try limited("dx", w.value), try limited("dy", h.value))
    case (nil, nil, nil): throw fail("the header has no cellsize (or dx and dy)")
    case (nil, _, _): throw fail("the header needs both dx and dy")
    default: throw fail("the header has both cellsize and dx/dy")
    }
    guard dx > 0, dy > 0 else { throw fail("the cell size must be positive, got \(dx) × \(dy)") }
    let west = x.value - (x.isCentre ? dx / 2 : 0)
    let south = y.value - (y.isCentre ? dy / 2 : 0)
    let east = west + Double(columns) * dx
    let north = south + Double(rows) * dy
    let tolerance = 1e-9
    guard west >= -180 - tolerance, east <= 180 + tolerance, south >= -90 - tolerance, north <= 90 + tolerance
    else {
      throw fail(
        "the grid extent (longitude \(west)…\(east), latitude \(south)…\(north)) is not in WGS84 degrees;"
          + " an .asc without a .prj file must be geographic longitude/latitude; give a projected grid its .prj"
      )
    }
    let noData = try header["nodata_value"].map { Float(try limited("nodata_value", $0.value)) }
    let elevation = Limits.named("elevation")

    let expected = columns * rows
    // Every value takes at least two bytes (a digit and a separator): refuse before allocating.
    guard expected <= (bytes.count - position + 1) / 2 else {
      throw tooFew(expected: expected, columns: columns, rows: rows)
    }
    var values = [Float](repeating: .nan, count: expected)
    var count = 0
    var hasData = false
    try values.withUnsafeMutableBufferPointer { out in
      let end = bytes.count
      var p = position
      while true {
        while p < end, Self.isSpace(bytes[p]) { p += 1 }
        if p == end { break }
        let start = p
        while p < end, !Self.isSpace(bytes[p]) { p += 1 }
        guard count < expected else {
          throw fail(
            at: start, "more values than the header's \(rows) rows × \(columns) columns = \(expected)")
        }
        guard let value = DecimalText.parse(bytes, from: start, to: p) else {
          throw fail(
            at: start,
            "row \(count / columns + 1), column \(count % columns + 1): value \(quoted(start..<p)) is not a number"
          )
        }
        let single = Float(value)
        if single != noData {
          guard elevation.range.contains(value) else {
            throw fail(
              at: start,
              "row \(count / columns + 1), column \(count % columns + 1): \(elevation.problem(value)!)")
          }
          out[count] = single
          hasData = true
        }
        count += 1
      }
    }
    guard count == expected else {
      throw tooFew(expected: expected, columns: columns, rows: rows, found: count)
    }
    guard hasData else {
      throw fail(
        "every one of the \(expected) values is NODATA (\(noData.map { "\($0)" } ?? "none")): the grid has no depths"
      )
    }
    return ElevationGrid(
      columnCount: columns, rowCount: rows, westLongitude: west, northLatitude: north, cellWidthDegrees: dx,
      cellHeightDegrees: dy, elevations: values)
  }

  /// The error for a data part shorter than the header promises, with the count of values found.
  func tooFew(expected: Int, columns: Int, rows: Int, found: Int? = nil) -> FileError {
    var found = found
    if found == nil {
      var scanner = self
      var n = 0
      while scanner.nextToken() != nil { n += 1 }
      found = n
    }
    let n = found!
    let missing =
      n % columns == 0
      ? (n / columns + 1 == rows ? "row \(rows) is missing" : "rows \(n / columns + 1)…\(rows) are missing")
      : "row \(n / columns + 1) is incomplete"
    return fail(
      "the header says \(rows) rows × \(columns) columns = \(expected) values, but the data has \(n) (\(missing))"
    )
  }
}

extension String {
  /// The string with zeros in front up to `width` characters.
  fileprivate func leftPadded(to width: Int) -> String {
    String(repeating: "0", count: max(0, width - count)) + self
  }
}
