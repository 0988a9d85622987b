import CaspianGDAL
import CaspianGeodata
import CaspianGeometry
import Foundation
import Testing

@testable import CaspianRouting

/// The data set shipped in Geodata/ at the package root.
private let bundled = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent().appendingPathComponent("Geodata", isDirectory: true)

/// Fixtures made with GDAL itself from the bundled data, in a temporary folder.
private struct GISFixtures {
  let folder: URL
  let grid = bundled.appendingPathComponent("caspian-etopo1-0.1deg.asc")

  init() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("gis-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }

  func file(_ name: String) -> URL { folder.appendingPathComponent(name) }

  func remove() { try? FileManager.default.removeItem(at: folder) }

  /// The bundled grid warped to UTM zone 39N (2 km cells) as a GeoTIFF.
  func utmGeoTIFF() throws -> URL {
    let out = file("utm39n.tif")
    try GDALConvert.warp(
      grid, to: out,
      arguments: [
        "-of", "GTiff", "-s_srs", "EPSG:4326", "-t_srs", "EPSG:32639", "-tr", "2000", "2000", "-r",
        "bilinear",
        "-srcnodata", "-99999", "-dstnodata", "-99999",
      ])
    return out
  }

  /// The bundled grid as NetCDF.
  func netCDF() throws -> URL {
    let out = file("grid.nc")
    try GDALConvert.translate(grid, to: out, arguments: ["-of", "netCDF", "-a_srs", "EPSG:4326"])
    return out
  }
}

private func plan(_ sources: GeodataSources) throws -> PlannedRoute {
  let planner = try RoutePlanner(data: try GeodataSet.load(sources))
  return try planner.plan(
    from: try planner.landing(named: "Aktau"), to: try planner.landing(named: "Sumgait"))
}

/// Same options (count, kinds) with lengths within 0.5 %.
private func expectSameOptions(_ a: PlannedRoute, _ b: PlannedRoute) {
  #expect(a.options.map(\.kind) == b.options.map(\.kind))
  for (x, y) in zip(a.options, b.options) {
    let ratio = y.measures.routeLengthKm / x.measures.routeLengthKm
    #expect(
      abs(ratio - 1) < 0.005, "option \(x.id): \(x.measures.routeLengthKm) vs \(y.measures.routeLengthKm) km")
  }
}

@Suite("GIS inputs through GDAL")
struct GISInputTests {
  static let reference = Result { try plan(GeodataSources(directory: bundled)) }

  @Test("A GeoTIFF in UTM 39N and a NetCDF made from the bundled grid plan the same options")
  func rastersInOtherFormatsAndCRS() throws {
    let fixtures = try GISFixtures()
    defer { fixtures.remove() }
    let reference = try Self.reference.get()
    let utm = try fixtures.utmGeoTIFF()
    let loaded = try ElevationGrid.load(GridSource(url: utm))
    #expect(loaded.description.driver == "GTiff")
    #expect(loaded.description.crs.contains("EPSG:32639"))
    #expect(loaded.description.warped)
    expectSameOptions(
      reference, try plan(GeodataSources(directory: bundled, bathymetry: [GridSource(url: utm)])))
    let netCDF = try fixtures.netCDF()
    #expect(try ElevationGrid.load(GridSource(url: netCDF)).description.driver == "netCDF")
    expectSameOptions(
      reference, try plan(GeodataSources(directory: bundled, bathymetry: [GridSource(url: netCDF)])))
  }

  @Test("A survey patch mosaicked over the bundled grid changes depths only inside the patch")
  func patchChangesDepthsOnlyInsideIt() throws {
    let fixtures = try GISFixtures()
    defer { fixtures.remove() }
    // A 0.02° patch of depths (positive down) below a datum 50 m under ocean level: the
    // bundled elevations negated, so that the mosaic is 50 m deeper inside the patch.
    let patch = fixtures.file("patch.tif")
    try GDALConvert.warp(
      fixtures.grid, to: patch,
      arguments: [
        "-of", "GTiff", "-s_srs", "EPSG:4326", "-t_srs", "EPSG:4326", "-te", "50.0", "41.0", "51.0", "42.0",
        "-tr", "0.02", "0.02", "-r", "bilinear",
        "-srcnodata", "-99999", "-dstnodata", "-99999",
      ])
    let depths = fixtures.file("patch-depths.tif")
    try GDALConvert.translate(
      patch, to: depths,
      arguments: ["-scale", "-1000", "1000", "1000", "-1000", "-ot", "Float32", "-a_nodata", "none"])
    let base = try ElevationGrid.load(GridSource(url: fixtures.grid)).grid
    let refined = try ElevationGrid.load(GridSource(url: depths, positiveDown: true, verticalOffsetM: -50))
      .grid
    let mosaic = ElevationGrid.mosaic([base, refined])
    #expect(mosaic.cellWidthDegrees == base.cellWidthDegrees)
    #expect(mosaic.refinements.count == 1)
    var inside = 0
    var outside = 0
    for latitude in stride(from: 40.0, through: 43.0, by: 0.037) {
      for longitude in stride(from: 49.0, through: 52.0, by: 0.041) {
        let c = Coordinate(longitude: longitude, latitude: latitude)
        guard let before = base.elevation(at: c) else { continue }
        let after = try #require(mosaic.elevation(at: c))
        if refined.extent.contains(c) {
          // The patch resamples the base bilinearly: within a few metres of it, 50 m lower.
          #expect(abs(after - (before - 50)) < 15, "\(c): \(before) → \(after)")
          inside += 1
        } else {
          #expect(after == before, "\(c) is outside the patch")
          outside += 1
        }
      }
    }
    #expect(inside > 100 && outside > 1000)
  }

  @Test("GDAL's errors name the file and carry GDAL's message")
  func errorsNameTheFile() throws {
    let fixtures = try GISFixtures()
    defer { fixtures.remove() }
    let junk = fixtures.file("junk.tif")
    try Data("not a raster".utf8).write(to: junk)
    #expect {
      _ = try ElevationGrid.load(GridSource(url: junk))
    } throws: { error in
      let text = "\(error)"
      return text.hasPrefix(junk.relativePath + ": cannot open as a raster: ") && !text.contains("\n")
    }
  }
}
