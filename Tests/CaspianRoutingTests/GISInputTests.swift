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

  /// The bundled hazards as one GeoPackage layer.
  func hazardsGeoPackage(_ arguments: [String] = []) throws -> URL {
    let out = file("hazards-\(UUID().uuidString).gpkg")
    try GDALConvert.vectorTranslate(
      bundled.appendingPathComponent("hazards.geojson"), to: out,
      arguments: ["-f", "GPKG", "-nln", "hazards"] + arguments)
    return out
  }

  /// The bundled hazards as three Shapefiles (one holds one geometry type): areas, points, lines.
  func hazardShapefiles() throws -> [URL] {
    try ["POLYGON", "POINT", "LINESTRING"].map { type in
      let out = file("hazards-\(type.lowercased()).shp")
      try GDALConvert.vectorTranslate(
        bundled.appendingPathComponent("hazards.geojson"), to: out,
        arguments: [
          "-f", "ESRI Shapefile", "-mapFieldType", "RealList=String", "-where",
          "OGR_GEOMETRY='\(type)' OR OGR_GEOMETRY='MULTI\(type)'",
        ])
      return out
    }
  }

  /// The bundled landings in another vector format (`KML`, `CSV`, …).
  func landings(_ driver: String, _ name: String, _ arguments: [String] = []) throws -> URL {
    let out = file(name)
    try GDALConvert.vectorTranslate(
      bundled.appendingPathComponent("landings.geojson"), to: out, arguments: ["-f", driver] + arguments)
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

  @Test("A GeoTIFF in UTM 39N, a NetCDF, an XYZ and a BAG made from the bundled grid plan the same options")
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
    // XYZ (no CRS, degrees) from the bundled grid; BAG (UTM 39N, as survey contractors deliver) from the GeoTIFF.
    let xyz = fixtures.file("grid.xyz")
    try GDALConvert.translate(fixtures.grid, to: xyz, arguments: ["-of", "XYZ"])
    let bag = fixtures.file("survey.bag")
    try GDALConvert.translate(utm, to: bag, arguments: ["-of", "BAG"])
    for (file, driver) in [(xyz, "XYZ"), (bag, "BAG")] {
      #expect(try ElevationGrid.load(GridSource(url: file)).description.driver == driver)
      expectSameOptions(
        reference, try plan(GeodataSources(directory: bundled, bathymetry: [GridSource(url: file)])))
    }
  }

  @Test("Hazards as a GeoPackage and as three merged Shapefiles, landings as KML, plan the same options")
  func vectorsInOtherFormats() throws {
    let fixtures = try GISFixtures()
    defer { fixtures.remove() }
    let reference = try Self.reference.get()
    let kml = try fixtures.landings("KML", "landings.kml")
    let geoPackage = GeodataSources(
      directory: bundled, landings: kml, hazards: [try fixtures.hazardsGeoPackage()])
    #expect(try GeodataSet.load(geoPackage).hazards.count == 40)
    expectSameOptions(reference, try plan(geoPackage))
    let shapefiles = GeodataSources(directory: bundled, hazards: try fixtures.hazardShapefiles())
    let data = try GeodataSet.load(shapefiles)
    #expect(data.hazards.count == 40)
    // `safetyZoneM` comes back from the Shapefile's 10-character `safetyZone`.
    #expect(data.hazards.filter { $0.kind == .platform }.allSatisfy { $0.safetyZoneM != nil })
    expectSameOptions(reference, try plan(shapefiles))
  }

  @Test("CSV landings (lon/lat columns or WKT), hazard field mapping, and unknown kinds listed")
  func csvAndFieldMapping() throws {
    let fixtures = try GISFixtures()
    defer { fixtures.remove() }
    let bundledData = try GeodataSet.load(GeodataSources(directory: bundled))
    for (name, option) in [("xy.csv", "GEOMETRY=AS_XY"), ("wkt.csv", "GEOMETRY=AS_WKT")] {
      let csv = try fixtures.landings("CSV", name, ["-lco", option])
      let data = try GeodataSet.load(GeodataSources(directory: bundled, landings: csv))
      #expect(data.landings.map(\.name) == bundledData.landings.map(\.name))
      for (a, b) in zip(data.landings, bundledData.landings) {
        #expect(abs(a.coordinate.longitude - b.coordinate.longitude) < 1e-9)
        #expect(abs(a.coordinate.latitude - b.coordinate.latitude) < 1e-9)
      }
    }
    let renamed = try fixtures.hazardsGeoPackage([
      "-sql",
      "SELECT kind AS TYPE, name AS LABEL, \"constraint\" AS STATUS, safetyZoneM, widthM FROM hazards",
    ])
    let mapped = GeodataSources(
      directory: bundled, hazards: [renamed],
      hazardFields: ["kind": "TYPE", "name": "LABEL", "constraint": "STATUS"])
    #expect(try GeodataSet.load(mapped).hazards.map(\.name) == bundledData.hazards.map(\.name))
    #expect {
      _ = try GeodataSet.load(GeodataSources(directory: bundled, hazards: [renamed]))
    } throws: { "\($0)".contains("property \"kind\" is missing (one of: field, platform, pipeline") }
    // A yes/no field for the constraint: no-go where it says yes, soft elsewhere.
    let flagged = try fixtures.hazardsGeoPackage([
      "-dialect", "SQLite", "-sql",
      "SELECT geometry, kind, name, safetyZoneM, widthM, CASE WHEN \"constraint\" = 'no-go' THEN 'Y' ELSE 'N' END"
        + " AS RESTRICTED FROM hazards",
    ])
    let restricted = try GeodataSet.load(
      GeodataSources(directory: bundled, hazards: [flagged], hazardFields: ["no-go": "RESTRICTED"])
    ).hazards
    #expect(restricted.map(\.name) == bundledData.hazards.map(\.name))
    #expect(
      restricted.map { $0.constraint == .noGo } == bundledData.hazards.map { $0.constraint == .noGo })
    #expect(restricted.allSatisfy { $0.constraint != .info })
    let unknown = fixtures.file("unknown.csv")
    try Data("WKT,kind,name,constraint\n\"POINT (50.5 41.5)\",wellhead,W1,no-go\n".utf8).write(to: unknown)
    #expect {
      _ = try GeodataSet.load(GeodataSources(directory: bundled, hazards: [unknown]))
    } throws: {
      "\($0)" == "\(unknown.relativePath): feature 0 \"W1\": kind \"wellhead\" is not one of: "
        + HazardKind.allCases.map(\.rawValue).joined(separator: ", ")
    }
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
