import CaspianGeodata
import CaspianGeometry
import Foundation
import Testing

@Suite struct ElevationGridTests {
  let grid: ElevationGrid

  init() throws {
    grid = try ElevationGrid.read(from: Fixture.small.appendingPathComponent("grid.asc"))
  }

  @Test func readsHeaderAndValues() {
    #expect(grid.columnCount == 30)
    #expect(grid.rowCount == 30)
    #expect(grid.cellWidthDegrees == 0.1)
    #expect(grid.cellHeightDegrees == 0.1)
    let e = grid.extent
    #expect(abs(e.minLongitude - 49.5) < 1e-12 && abs(e.maxLongitude - 52.5) < 1e-12)
    #expect(abs(e.minLatitude - 39.5) < 1e-12 && abs(e.maxLatitude - 42.5) < 1e-12)
    // Row 0 is the north; the NODATA cell is the north-west corner.
    #expect(grid.elevation(row: 0, column: 0) == nil)
    #expect(grid.elevation(row: 0, column: 1) == 27.5)
    #expect(grid.elevation(row: 29, column: 29) == Double(Float(-30 - 100 * 2.45 - 50 * 2.45)))
  }

  @Test func cellsAndCentresAgree() throws {
    for (row, column) in [(0, 0), (3, 17), (29, 29), (12, 0)] {
      let centre = grid.coordinate(row: row, column: column)
      let cell = try #require(grid.cell(containing: centre))
      #expect(cell.row == row && cell.column == column)
      #expect(grid.index(row: row, column: column) == row * 30 + column)
    }
    #expect(grid.cell(containing: Coordinate(longitude: 52.5, latitude: 39.5))! == (29, 29))
    #expect(grid.cell(containing: Coordinate(longitude: 52.51, latitude: 41)) == nil)
  }

  /// The fixture is a plane, so bilinear interpolation must reproduce it exactly between centres.
  @Test func bilinearReproducesThePlane() throws {
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<500 {
      let c = Coordinate(
        longitude: Double.random(in: 49.75...52.45, using: &generator),
        latitude: Double.random(in: 39.55...42.25, using: &generator))
      let value = try #require(grid.elevation(at: c))
      #expect(abs(value - Fixture.planeElevation(longitude: c.longitude, latitude: c.latitude)) < 1e-3)
      let depth = try #require(grid.depthMetres(at: c, waterSurfaceM: -29.35))
      #expect(abs(depth - (-29.35 - value)) < 1e-9)
    }
  }

  @Test func edgesOutsideAndNoData() throws {
    // In the half cell between the last centre and the edge, the edge value is extended.
    let border = try #require(grid.elevation(at: Coordinate(longitude: 52.48, latitude: 41.0)))
    #expect(abs(border - Fixture.planeElevation(longitude: 52.45, latitude: 41.0)) < 1e-3)
    #expect(grid.elevation(at: Coordinate(longitude: 49.4, latitude: 41)) == nil)
    #expect(grid.elevation(at: Coordinate(longitude: 51, latitude: 42.6)) == nil)
    // Next to the NODATA corner the depth is unknown, not guessed …
    #expect(grid.elevation(at: Coordinate(longitude: 49.6, latitude: 42.42)) == nil)
    // … but a cell centre with data does not depend on its neighbours.
    #expect(grid.elevation(at: grid.coordinate(row: 0, column: 1)) == 27.5)
  }

  @Test func centreRegistrationAndRectangularCells() throws {
    let text = "NCOLS 3\nnrows 2\nxllcenter 10\nYLLCENTER 20\ndx 0.5\ndy 0.25\n1 2 3\n4 5 6\n"
    let grid = try ElevationGrid(esriASCII: Data(text.utf8), source: "t.asc")
    #expect(
      grid.extent
        == Envelope(minLongitude: 9.75, minLatitude: 19.875, maxLongitude: 11.25, maxLatitude: 20.375))
    #expect(grid.elevation(row: 0, column: 0) == 1)
    #expect(grid.elevation(row: 1, column: 2) == 6)
    // Halfway between the four centres (10, 20.25), (10.5, 20.25), (10, 20), (10.5, 20).
    #expect(grid.elevation(at: Coordinate(longitude: 10.25, latitude: 20.125)) == 3)
    #expect(grid.elevation(at: Coordinate(longitude: 10.75, latitude: 20.25)) == 2.5)
  }

  @Test func maskHasTheCellCentresInsideTheSea() {
    let sea = Polygon(
      exterior: [(50, 40), (52, 40), (52, 42), (50, 42), (50, 40)].map {
        Coordinate(longitude: $0, latitude: $1)
      },
      holes: [
        [(50.8, 40.8), (50.8, 41.2), (51.2, 41.2), (51.2, 40.8), (50.8, 40.8)].map {
          Coordinate(longitude: $0, latitude: $1)
        }
      ])
    let mask = grid.mask(inside: [sea])
    // 20 × 20 centres in the square, minus 4 × 4 in the island.
    #expect(mask.filter { $0 }.count == 384)
    #expect(mask[grid.index(row: 5, column: 6)])  // (50.15, 41.95)
    #expect(!mask[grid.index(row: 4, column: 6)])  // north of the sea
    #expect(!mask[grid.index(row: 14, column: 14)])  // (50.95, 41.05): on the island
    #expect(mask[grid.index(row: 14, column: 12)])  // (50.75, 41.05): water west of it
  }

  @Test(
    "Bad grids give one line naming the file and the problem",
    arguments: [
      (
        "grid-short.asc",
        "the header says 30 rows × 30 columns = 900 values, but the data has 870 (row 30 is missing)"
      ),
      ("grid-token.asc", "line 9: row 3, column 5: value \"abc\" is not a number"),
      ("grid-extra.asc", "line 37: more values than the header's 30 rows × 30 columns = 900"),
      (
        "grid-projected.asc",
        "an .asc without a .prj file must be geographic longitude/latitude (WGS84 degrees)"
      ),
      ("grid-no-ncols.asc", "the header has no ncols"),
      ("no-such.asc", "cannot read: no such file"),
    ])
  func rejects(file: String, message: String) {
    let url = Fixture.bad(file)
    do {
      _ = try ElevationGrid.read(from: url)
      Issue.record("\(file) was accepted")
    } catch {
      let text = "\(error)"
      #expect(text.hasPrefix(url.relativePath + ": "), "\(text)")
      #expect(text.contains(message), "\(text)")
      #expect(!text.contains("\n"))
    }
  }

  @Test(
    arguments: [
      (
        "ncols 2\nnrows 2\nxllcorner 0\nyllcorner 0\ncellsize 1\ncellsize 1\n1 2\n3 4\n",
        "line 6: header key cellsize appears twice"
      ),
      (
        "ncols 2\nnrows 2\nxllcorner 0\nxllcenter 0\nyllcorner 0\ncellsize 1\n1 2\n3 4\n",
        "both xllcorner and xllcenter"
      ),
      ("ncols 2\nnrows 2\nxllcorner 0\nyllcorner 0\ndx 1\n1 2\n3 4\n", "needs both dx and dy"),
      (
        "ncols 2.5\nnrows 2\nxllcorner 0\nyllcorner 0\ncellsize 1\n1 2\n3 4\n",
        "line 1: ncols must be a whole number, got 2.5"
      ),
      (
        "ncols 2\nnrows 2\nxllcorner 0\nyllcorner 0\ncellsize 0\n1 2\n3 4\n",
        "line 5: cellsize must be between 1e-06 and 10 °, got 0"
      ),
      (
        "ncols 2\nnrows 2\nxllcorner 0\nyllcorner 0\ncellsize 1\nfoo 3\n1 2\n",
        "\"foo\" is not an ESRI ASCII grid header key"
      ),
      (
        "ncols 2\nnrows 2\nxllcorner 0\nyllcorner 0\ncellsize 1\n1 2\n3 1e999\n",
        "line 7: row 2, column 2: elevation must be between -12000 and 9000 m, got inf"
      ),
      (
        "ncols 4\nnrows 3\nxllcorner 0\nyllcorner 0\ncellsize 1\n1 2 3 4\n5\n",
        "data has 5 (row 2 is incomplete)"
      ),
      // Issue 9: a grid too small to use, values out of any real range, no data at all, and a
      // `nan` after a complete header (a value, not a header key).
      (
        "ncols 2\nnrows 1\nxllcorner 0\nyllcorner 0\ncellsize 1\n1 2\n",
        "line 2: nrows must be between 2 and 1000000 rows, got 1"
      ),
      (
        "ncols 2\nnrows 2\nxllcorner 0\nyllcorner 0\ncellsize 1\n1 2\n-3e38 4\n",
        "line 7: row 2, column 1: elevation must be between -12000 and 9000 m, got -3e+38"
      ),
      (
        "ncols 2\nnrows 2\nxllcorner 0\nyllcorner 0\ncellsize 1\nNODATA_value -9999\n-9999 -9999\n-9999 -9999\n",
        "every one of the 4 values is NODATA (-9999.0): the grid has no depths"
      ),
      (
        "ncols 2\nnrows 2\nxllcorner 0\nyllcorner 0\ncellsize 1\nnan 2\n3 4\n",
        "line 6: row 1, column 1: value \"nan\" is not a number"
      ),
      (
        "ncols 2\nnrows 2\nxllcorner 0\nyllcorner 0\ncellsize 1\n1 2\n3 \u{1B}[2J\n",
        "line 7: row 2, column 2: value \"\\x1B[2J\" is not a number"
      ),
    ])
  func rejectsBadHeaders(text: String, message: String) {
    #expect {
      _ = try ElevationGrid(esriASCII: Data(text.utf8), source: "x.asc")
    } throws: { error in
      "\(error)".hasPrefix("x.asc: ") && "\(error)".contains(message)
    }
  }

  /// A 1 GB sparse file (all NUL bytes) and binary data after a header: a short message, its
  /// bytes shown as escapes, never the bytes themselves.
  @Test func binaryFilesGiveAShortPrintableMessage() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("grid-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let sparse = directory.appendingPathComponent("sparse.asc")
    FileManager.default.createFile(atPath: sparse.path, contents: nil)
    let handle = try FileHandle(forWritingTo: sparse)
    try handle.truncate(atOffset: 1 << 30)
    try handle.close()
    let header = Data("ncols 2\nnrows 2\nxllcorner 0\nyllcorner 0\ncellsize 1\n".utf8) + Data(count: 4000)
    for (data, expected) in [
      (
        try Data(contentsOf: sparse, options: .alwaysMapped),
        "line 1: not an ESRI ASCII grid: the file starts with the bytes \"\\x00\\x00"
      ),
      (header, "line 6: row 1, column 1: value \"\\x00\\x00"),
    ] {
      #expect {
        _ = try ElevationGrid(esriASCII: data, source: "s.asc")
      } throws: { error in
        let text = "\(error)"
        return text.hasPrefix("s.asc: \(expected)") && text.count < 300 && !text.contains("\u{0}")
          && !text.contains("\n")
      }
    }
  }
}
