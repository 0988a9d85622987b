import CaspianGDAL
import CaspianGeometry
import CaspianSupport
import Foundation
import Testing

/// `--output` in every GIS format: each opens in GDAL (as `ogrinfo` does) with no warning and
/// the expected layers, and GeoJSON → Shapefile → GeoJSON keeps geometry and figures.
@Suite struct GISOutputTests {
  static let bundled = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Geodata")

  let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gis-out-\(UUID().uuidString)")

  func plan(_ name: String) throws -> URL {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let out = folder.appendingPathComponent(name)
    let result = try CLI.run([
      "route", "plan", "--from", "Aktau", "--to", "Sumgait", "--options", "2", "--geodata", Self.bundled.path,
      "--output", out.path,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    return out
  }

  @Test("route plan and route rpl --output: every format opens with no warning, with its layers")
  func everyFormatOpensCleanly() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let expected: [(String, [String: Int])] = [
      ("plan.gpkg", ["routes": 2, "alter_course_points": 6, "endpoints": 2]),
      ("plan.kml", ["routes": 2, "alter_course_points": 6, "endpoints": 2]),
      ("plan.shp", ["plan": 2]), ("plan_alter_course_points.shp", ["plan_alter_course_points": 6]),
      ("plan.csv", ["plan": 2]),
    ]
    _ = try plan("plan.gpkg")
    _ = try plan("plan.kml")
    _ = try plan("plan.shp")
    _ = try plan("plan.csv")
    for (name, layers) in expected {
      let description = try GDALVector.describe(folder.appendingPathComponent(name))
      #expect(description.warnings.isEmpty, "\(name): \(description.warnings)")
      for (layer, count) in layers {
        let found = description.layers.first { $0.name == layer }
        #expect(found != nil, "\(name): no layer \(layer) in \(description.layers.map(\.name))")
        if layer.contains("alter_course") {
          #expect((found?.featureCount ?? 0) >= count, "\(name) \(layer)")
        } else {
          #expect(found?.featureCount == count, "\(name) \(layer)")
        }
      }
    }
    // The KML placemarks are named, with the figures in their description, and styled.
    let kml = try String(contentsOf: folder.appendingPathComponent("plan.kml"), encoding: .utf8)
    #expect(kml.contains("<name>Option 1 (least-cost): "))
    #expect(kml.contains("routeLengthKm: "))
    #expect(kml.contains("<LineStyle><color>"))
    // The CSV has its .csvt, so GIS software reads its figures as numbers, not as text.
    let csvt = try String(contentsOf: folder.appendingPathComponent("plan.csvt"), encoding: .utf8)
    #expect(csvt.hasPrefix("WKT,") && csvt.contains("Real") && csvt.contains("Integer"), "\(csvt)")
    // A figure that happens to be 0 is still a Real field; counts are Integer.
    let routes = try GDALVector.readFeatures(folder.appendingPathComponent("plan.gpkg"), layers: ["routes"])
    #expect(routes.collection.features.count == 2)
    #expect(routes.layer.geometryType == "Line String")
    // route rpl writes its points and line in the same formats.
    for name in ["rpl.gpkg", "rpl.kml", "rpl.shp"] {
      let out = folder.appendingPathComponent(name)
      let result = try CLI.run([
        "route", "rpl", "--route", folder.appendingPathComponent("plan.gpkg").path, "--option", "1",
        "--geodata",
        Self.bundled.path, "--output", out.path,
      ])
      #expect(result.status == 0, "\(result.stderr)")
      let description = try GDALVector.describe(out)
      #expect(description.warnings.isEmpty, "\(name): \(description.warnings)")
      #expect(description.layers.map(\.name) == (name.hasSuffix(".shp") ? ["rpl"] : ["rpl_points", "route"]))
      // KML layers hold any geometry; the others one type each.
      #expect(name.hasSuffix(".kml") || description.layers.first?.geometryType == "Point", "\(name)")
    }
  }

  @Test("GeoJSON → Shapefile → GeoJSON keeps the geometry and the figures")
  func shapefileRoundTrip() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let geoJSON = try GeoJSON.readFeatureCollection(from: try plan("plan.geojson"))
    let shapefile = try plan("plan.shp")
    let lines = geoJSON.features.filter { $0.geometry?.typeName == "LineString" }
    let keys = Array(Set(lines.flatMap(\.properties.keys))).sorted()
    let names = ShapefileFieldNames.names(for: keys)
    #expect(names.values.allSatisfy { $0.count <= 10 })
    #expect(Set(names.values.map { $0.lowercased() }).count == keys.count)
    let back = ShapefileFieldNames.restoring(keys, in: try GDALVector.readAllLayers(shapefile).features)
    #expect(back.count == lines.count)
    for (a, b) in zip(lines, back) {
      guard case .lineString(let p)? = a.geometry, case .lineString(let q)? = b.geometry else {
        Issue.record("not a line")
        continue
      }
      #expect(p.count == q.count)
      for (x, y) in zip(p, q) {
        #expect(abs(x.longitude - y.longitude) < 1e-7 && abs(x.latitude - y.latitude) < 1e-7)
      }
      for (key, value) in a.properties {
        if let number = value.doubleValue {
          #expect(b.properties[key]?.doubleValue == number, "\(key)")
        } else {
          #expect(b.properties[key]?.stringValue == value.stringValue, "\(key)")
        }
      }
    }
  }
}

/// `geodata check` reports what it read of each file.
@Suite struct GISCheckTests {
  @Test("geodata check prints driver, CRS, extent, resolution, no data, vertical reference and layers")
  func reportsWhatItRead() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "gis-check-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let bundled = GISOutputTests.bundled
    let grid = bundled.appendingPathComponent("caspian-etopo1-0.1deg.asc")
    let utm = folder.appendingPathComponent("utm.tif")
    try GDALConvert.warp(
      grid, to: utm,
      arguments: [
        "-s_srs", "EPSG:4326", "-t_srs", "EPSG:32639", "-tr", "5000", "5000", "-srcnodata", "-99999",
        "-dstnodata", "-99999",
      ])
    let hazards = folder.appendingPathComponent("hazards.gpkg")
    try GDALConvert.vectorTranslate(
      bundled.appendingPathComponent("hazards.geojson"), to: hazards,
      arguments: ["-f", "GPKG", "-nln", "hazards"])
    let result = try CLI.run([
      "geodata", "check", "--geodata", bundled.path, "--grid", grid.path, "--grid", utm.path + ",offset=0",
      "--hazards", hazards.path,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let out = result.stdout
    #expect(
      out.contains(
        "\(utm.path): GTiff, WGS 84 / UTM zone 39N (EPSG:32639), reprojected to WGS 84 longitude/latitude"))
    #expect(out.contains("cells of 5000 × 5000 metre; extent x "))
    #expect(out.contains("vertical: elevation (positive up), zero at 0 m relative to mean ocean level"))
    #expect(out.contains("AAIGrid (native reader)"))
    #expect(
      out.contains(
        "hazards: \(hazards.path): GPKG, layer hazards, Unknown (any), 40 features, WGS 84 (EPSG:4326)"))
    // A field mapping from a JSON file; an unknown property is one line naming the flag.
    let renamed = folder.appendingPathComponent("renamed.gpkg")
    try GDALConvert.vectorTranslate(
      bundled.appendingPathComponent("hazards.geojson"), to: renamed,
      arguments: [
        "-f", "GPKG", "-nln", "hazards", "-sql",
        "SELECT kind AS TYPE, name, \"constraint\", safetyZoneM, widthM FROM hazards",
      ])
    let mapping = folder.appendingPathComponent("fields.json")
    try Data(#"{"kind": "TYPE"}"#.utf8).write(to: mapping)
    let mapped = try CLI.run([
      "geodata", "check", "--geodata", bundled.path, "--hazards", renamed.path, "--hazard-fields",
      mapping.path,
    ])
    #expect(mapped.status == 0, "\(mapped.stderr)")
    #expect(mapped.stdout.contains("Hazards   40 in \(renamed.path)"))
    let unknown = try CLI.run([
      "geodata", "check", "--geodata", bundled.path, "--hazards", renamed.path, "--hazard-fields",
      "type=TYPE",
    ])
    #expect(unknown.status == 1)
    #expect(
      unknown.stderr.contains(
        "--hazard-fields: \"type\" is not a hazard property (known: kind, name, constraint"))
  }
}
