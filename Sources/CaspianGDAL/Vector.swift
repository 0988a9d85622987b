import CGDAL
import CaspianGeometry
import CaspianSupport
import Foundation

/// One layer of a vector file, as GDAL describes it: for `geodata check` and messages.
public struct VectorLayerDescription: Sendable, Hashable {
  public let name: String
  /// OGR's geometry type name ("Point", "Line String", "Multi Polygon", "Unknown (any)").
  public let geometryType: String
  public let featureCount: Int
  /// The layer's CRS ("none (assumed WGS 84 longitude/latitude)" when it states none).
  public let crs: String
}

/// A vector file: its driver and layers.
public struct VectorFileDescription: Sendable, Hashable {
  /// GDAL's short driver name ("GPKG", "ESRI Shapefile", "KML", "LIBKML", "CSV", "GeoJSON").
  public let driver: String
  public let layers: [VectorLayerDescription]
  /// What GDAL warned about while opening the file and reading every feature (as `ogrinfo`
  /// would print them); empty for a clean file.
  public let warnings: [String]
}

/// Reading any vector file GDAL knows (Shapefile, GeoPackage, KML/KMZ, CSV, …) as GeoJSON
/// features in WGS84 longitude/latitude, so that the readers of the data set see the same
/// features whatever the format.
public enum GDALVector {
  /// Open options for CSV files: longitude/latitude columns or a WKT column make the geometry.
  static let csvOptions = [
    "X_POSSIBLE_NAMES=lon,longitude,lng,x", "Y_POSSIBLE_NAMES=lat,latitude,y",
    "GEOM_POSSIBLE_NAMES=wkt,geometry,geom,the_geom", "KEEP_GEOM_COLUMNS=NO",
    "AUTODETECT_TYPE=YES",
  ]

  static func open(_ url: URL, session: GDALSession) throws -> GDALDatasetH {
    let path = url.relativePath
    guard FileManager.default.fileExists(atPath: url.path) else {
      throw FileError(file: path, problem: "cannot read: no such file")
    }
    let options = url.pathExtension.lowercased() == "csv" ? csvOptions : []
    let dataset = withStringList(options) { list in
      let constant = list.map { UnsafeRawPointer($0).assumingMemoryBound(to: UnsafePointer<CChar>?.self) }
      return GDALOpenEx(
        url.path, UInt32(GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR), nil, constant, nil)
    }
    guard let dataset else {
      throw FileError(file: path, problem: "cannot open as a vector file\(session.lastError)")
    }
    return dataset
  }

  /// The driver and layers of the vector file at `url`, after reading every feature.
  /// - Throws: `FileError` naming the file.
  public static func describe(_ url: URL) throws -> VectorFileDescription {
    try GDALSession.run { session in
      let dataset = try open(url, session: session)
      defer { GDALClose(dataset) }
      let described = layers(of: dataset)
      for i in 0..<GDALDatasetGetLayerCount(dataset) {
        guard let layer = GDALDatasetGetLayer(dataset, i) else { continue }
        OGR_L_ResetReading(layer)
        while let feature = OGR_L_GetNextFeature(layer) { OGR_F_Destroy(feature) }
      }
      return VectorFileDescription(driver: driverName(dataset), layers: described, warnings: session.warnings)
    }
  }

  static func driverName(_ dataset: GDALDatasetH) -> String {
    GDALGetDatasetDriver(dataset).flatMap { GDALGetDriverShortName($0) }.map { String(cString: $0) }
      ?? "unknown"
  }

  static func layers(of dataset: GDALDatasetH) -> [VectorLayerDescription] {
    (0..<GDALDatasetGetLayerCount(dataset)).compactMap { i -> VectorLayerDescription? in
      guard let layer = GDALDatasetGetLayer(dataset, i) else { return nil }
      let srs = OGR_L_GetSpatialRef(layer)
      return VectorLayerDescription(
        name: String(cString: OGR_L_GetName(layer)),
        geometryType: String(cString: OGRGeometryTypeToName(OGR_L_GetGeomType(layer))),
        featureCount: Int(OGR_L_GetFeatureCount(layer, 1)),
        crs: srs == nil ? "none (assumed WGS 84 longitude/latitude)" : crsDescription(srs))
    }
  }

  /// The features of one layer of the vector file at `url`, reprojected to WGS84
  /// longitude/latitude, with their fields as properties: the file's only layer, or else the
  /// first of `layers` it has (e.g. the `--layer` name, then the role's name).
  /// - Throws: `FileError` naming the file, or `FileError` for a geometry the data set
  ///   cannot hold.
  public static func readFeatures(_ url: URL, layers preferred: [String]) throws -> (
    driver: String, layer: VectorLayerDescription, collection: FeatureCollection
  ) {
    let path = url.relativePath
    return try GDALSession.run { session in
      let dataset = try open(url, session: session)
      defer { GDALClose(dataset) }
      let described = layers(of: dataset)
      let names = described.map(\.name)
      let chosen: String
      if names.count == 1 {
        chosen = names[0]
      } else if let match = preferred.first(where: names.contains) {
        chosen = match
      } else {
        throw FileError(
          file: path,
          problem: names.isEmpty
            ? "the file has no layer"
            : "the file has \(names.count) layers (\(names.joined(separator: ", "))); choose one with --layer NAME"
        )
      }
      return (
        driverName(dataset), described.first { $0.name == chosen }!,
        try translate(dataset, layer: chosen, path: path, session: session)
      )
    }
  }

  /// Every feature of every layer of the vector file at `url`, in layer order, reprojected to
  /// WGS84 longitude/latitude (a route file: lines and their alter-course points).
  /// - Throws: `FileError` naming the file, or `FileError`.
  public static func readAllLayers(_ url: URL) throws -> FeatureCollection {
    try GDALSession.run { session in
      let dataset = try open(url, session: session)
      defer { GDALClose(dataset) }
      let features = try layers(of: dataset).flatMap {
        try translate(dataset, layer: $0.name, path: url.relativePath, session: session).features
      }
      return FeatureCollection(features: features)
    }
  }

  /// One layer as GeoJSON features (through GDAL's GeoJSON writer in memory, then the project's
  /// GeoJSON reader, so that every format gives the features GeoJSON would).
  static func translate(_ dataset: GDALDatasetH, layer chosen: String, path: String, session: GDALSession)
    throws
    -> FeatureCollection
  {
    let hasCRS = GDALDatasetGetLayerByName(dataset, chosen).flatMap { OGR_L_GetSpatialRef($0) } != nil
    let memory = "/vsimem/caspian-\(UUID().uuidString).geojson"
    let arguments =
      ["-f", "GeoJSON", "-lco", "WRITE_NAME=NO"] + (hasCRS ? ["-t_srs", "OGC:CRS84"] : []) + [chosen]
    guard let translated = GDALConvert.vectorTranslate(dataset, to: memory, arguments: arguments) else {
      throw FileError(file: path, problem: "cannot read layer \"\(chosen)\"\(session.lastError)")
    }
    GDALClose(translated)
    var length: vsi_l_offset = 0
    guard let buffer = VSIGetMemFileBuffer(memory, &length, 1) else {
      throw FileError(file: path, problem: "cannot read layer \"\(chosen)\"\(session.lastError)")
    }
    defer { VSIFree(buffer) }
    let data = Data(bytes: buffer, count: Int(length))
    return try GeoJSON.decodeFeatureCollection(data, source: path)
  }
}
