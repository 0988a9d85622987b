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
  /// - Throws: `FileReadError`, or `GeodataError` naming the file and the line.
  public static func read(from url: URL) throws -> ElevationGrid {
    try ElevationGrid(esriASCII: FileBytes.read(url), source: url.relativePath)
  }

  /// Parses the text of an ESRI ASCII grid; `source` names it in errors.
  /// - Throws: `GeodataError`.
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

  func fail(at offset: Int? = nil, _ problem: String) -> GeodataError {
    GeodataError(path: source, location: offset.map { "line \(line(at: $0))" }, problem: problem)
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
      guard let keyRange = nextToken() else { break }
      let first = bytes[keyRange.lowerBound] | 0x20
      guard first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z") else {
        position = before
        break
      }
      let key = text(keyRange).lowercased()
      guard Self.headerKeys.contains(key) else {
        throw fail(
          at: keyRange.lowerBound,
          "\"\(text(keyRange))\" is not an ESRI ASCII grid header key (expected \(Self.headerKeys.joined(separator: ", ")))"
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
    func count(_ key: String) throws -> Int {
      let value = try required(key)
      guard value >= 1, value == value.rounded(), value <= 1_000_000 else {
        throw fail(at: header[key]!.offset, "\(key) must be a positive whole number, got \(value)")
      }
      return Int(value)
    }
    func one(of a: String, _ b: String) throws -> (value: Double, isCentre: Bool) {
      switch (header[a], header[b]) {
      case (let corner?, nil): return (corner.value, false)
      case (nil, let centre?): return (centre.value, true)
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
    case (let size?, nil, nil): (dx, dy) = (size.value, size.value)
    case (nil, let w?, let h?): (dx, dy) = (w.value, h.value)
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
          + " the grid must be geographic longitude/latitude, not projected")
    }
    let noData = header["nodata_value"].map { Float($0.value) }

    let expected = columns * rows
    // Every value takes at least two bytes (a digit and a separator): refuse before allocating.
    guard expected <= (bytes.count - position + 1) / 2 else {
      throw tooFew(expected: expected, columns: columns, rows: rows)
    }
    var values = [Float](repeating: .nan, count: expected)
    var count = 0
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
            "row \(count / columns + 1), column \(count % columns + 1): \"\(text(start..<min(p, start + 30)))\" is not a number"
          )
        }
        let single = Float(value)
        if single != noData {
          guard single.isFinite else {
            throw fail(
              at: start, "row \(count / columns + 1), column \(count % columns + 1): \(value) is out of range"
            )
          }
          out[count] = single
        }
        count += 1
      }
    }
    guard count == expected else {
      throw tooFew(expected: expected, columns: columns, rows: rows, found: count)
    }
    return ElevationGrid(
      columnCount: columns, rowCount: rows, westLongitude: west, northLatitude: north, cellWidthDegrees: dx,
      cellHeightDegrees: dy, elevations: values)
  }

  /// The error for a data part shorter than the header promises, with the count of values found.
  func tooFew(expected: Int, columns: Int, rows: Int, found: Int? = nil) -> GeodataError {
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
