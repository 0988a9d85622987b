import CaspianGeometry
import CaspianSupport
import Foundation

/// Loads the files of a data set in dependency order (grid, sea, landings, hazards) and checks
/// each against the data-set contract. Owns one GEOS context for the duration of the load.
struct GeodataLoader {
  let name: String
  let files: GeodataFiles
  let waterSurfaceM: Double
  /// The layer to read from vector files with several (`--layer`).
  let layer: String?
  /// Hazard property → field (`--hazard-fields`).
  let hazardFields: [String: String]
  let engine: GeometryEngine
  var repairs: [String] = []
  var warnings: [String] = []
  /// The vector files read, in order (for `geodata check`).
  var vectorFiles: [VectorFileInfo] = []

  /// A polygon repair is "safe" when GEOS make-valid changes the geodesic area by less than this.
  static let maximumRepairAreaChange = 0.01

  init(sources: GeodataSources) throws {
    let directory = sources.directory
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory),
      isDirectory.boolValue
    else {
      throw FileError(file: directory.relativePath, problem: "no such data directory")
    }
    let manifestURL = directory.appendingPathComponent("manifest.json")
    var manifest = GeodataManifest.defaults
    let hasManifest = FileManager.default.fileExists(atPath: manifestURL.path)
    if hasManifest {
      (manifest, warnings) = try GeodataManifest.read(from: manifestURL)
    }
    func file(_ name: String) -> URL { directory.appendingPathComponent(name) }
    var hazards = sources.hazards ?? manifest.hazards.map(file)
    if sources.hazards == nil, !hasManifest, let url = hazards.first,
      !FileManager.default.fileExists(atPath: url.path)
    {
      hazards = []
    }
    if hazards.isEmpty { warnings.append("\(directory.relativePath): the data set has no hazards file") }
    files = GeodataFiles(
      seaPolygon: sources.seaPolygon ?? file(manifest.seaPolygon),
      grids: try sources.bathymetry
        ?? manifest.bathymetry.map {
          try GridSource.parse($0, relativeTo: directory, source: manifestURL.relativePath)
        },
      landings: sources.landings ?? file(manifest.landings), hazards: hazards)
    name = manifest.name ?? directory.standardizedFileURL.lastPathComponent
    layer = sources.layer
    for property in sources.hazardFields.keys where !(Self.hazardKeys + ["no-go"]).contains(property) {
      throw FileError(
        file: "--hazard-fields",
        problem:
          "\"\(property)\" is not a hazard property (known: \((Self.hazardKeys + ["no-go"]).joined(separator: ", ")))"
      )
    }
    hazardFields = sources.hazardFields
    if let level = sources.waterSurfaceM ?? manifest.waterSurfaceM {
      if let problem = Limits.named("waterSurfaceM").problem(level) {
        let source = sources.waterSurfaceM != nil ? "--water-surface" : manifestURL.relativePath
        throw FileError(file: source, problem: problem)
      }
      waterSurfaceM = level
    } else {
      waterSurfaceM = GeodataSet.defaultWaterSurfaceM
      warnings.append(
        "\(hasManifest ? manifestURL.relativePath : directory.relativePath): no waterSurfaceM given;"
          + " assuming \(GeodataSet.defaultWaterSurfaceM) m (the Caspian in 2025)")
    }
    engine = try GeometryEngine()
  }

  mutating func load() throws -> GeodataSet {
    let loaded = try files.grids.map(ElevationGrid.load)
    let grid = ElevationGrid.mosaic(loaded.map(\.grid))
    try checkHasSea(grid)
    let sea = try loadSea(grid: grid)
    let landings = try loadLandings(sea: sea, grid: grid)
    let hazards = try files.hazardFiles.flatMap { try loadHazards(from: $0, grid: grid) }
    return GeodataSet(
      name: name, files: files, sea: sea, grid: grid, waterSurfaceM: waterSurfaceM, landings: landings,
      hazards: hazards, grids: loaded, vectorFiles: vectorFiles, repairs: repairs, warnings: warnings)
  }

  /// A grid with no cell below the water surface holds no sea: every depth would be land.
  func checkHasSea(_ grid: ElevationGrid) throws {
    let surface = Float(waterSurfaceM)
    let values = grid.layers.flatMap(\.elevations)
    guard !values.contains(where: { $0 < surface }) else { return }
    let lowest = values.filter { !$0.isNaN }.min().map { Double($0) } ?? .nan
    throw FileError(
      file: files.bathymetry.relativePath,
      problem:
        "no cell is below the water surface (\(waterSurfaceM) m; the lowest elevation is \(Self.metres(lowest))):"
        + " the grid holds no sea")
  }

  // MARK: Sea

  mutating func loadSea(grid: ElevationGrid) throws -> SeaArea {
    let path = files.seaPolygon.relativePath
    let collection = try readFeatures(files.seaPolygon, role: "sea", keys: ["name", "source"])
    guard collection.features.count == 1 else {
      throw FileError(
        file: path, problem: "expected exactly one feature (the sea), found \(collection.features.count)")
    }
    let properties = FeatureProperties(collection.features[0], index: 0, path: path)
    let geometry = try properties.geometry(allowed: ["Polygon", "MultiPolygon"], role: "the sea")
    let envelope = try properties.envelope(of: geometry)
    guard envelope.intersects(grid.coverage) else {
      throw properties.fail(
        "the sea (\(envelope.degreesText)) does not overlap the grid (\(grid.coverage.degreesText))"
          + (envelope.axesSwapped.intersects(grid.coverage) ? Self.swapHint : ""))
    }
    if !envelope.isWithin(grid.coverage) {
      warnings.append(
        "\(path): the sea (\(envelope.degreesText)) reaches beyond the grid (\(grid.coverage.degreesText));"
          + " depths there are unknown")
    }
    return SeaArea(
      name: try properties.string("name"), source: try properties.string("source"),
      polygons: try validPolygons(geometry, properties))
  }

  static let swapHint = "; longitude and latitude look swapped (GeoJSON order is [longitude, latitude])"

  /// The polygons of a polygonal geometry, made valid if needed and safe (see
  /// `maximumRepairAreaChange`); a repair is recorded in `repairs`.
  mutating func validPolygons(_ geometry: Geometry, _ properties: FeatureProperties) throws -> [Polygon] {
    guard case .invalid(let reason, let location) = try engine.validity(of: geometry) else {
      return Self.polygons(of: geometry)
    }
    let at = location.map { " at \(Self.positionText($0))" } ?? ""
    let repaired = Self.polygons(of: try engine.makeValid(geometry))
    let before = Geodesic.wgs84.area(of: geometry)
    let after = Geodesic.wgs84.area(of: .multiPolygon(repaired))
    let change = before > 0 ? abs(after - before) / before : .infinity
    guard !repaired.isEmpty, change < Self.maximumRepairAreaChange else {
      let effect = change.isFinite ? "by \(Self.percent(change))" : "from zero"
      throw properties.fail(
        "invalid polygon: \(reason)\(at); repairing it with GEOS make-valid would change its area \(effect)"
          + " (more than \(Self.percent(Self.maximumRepairAreaChange))), so it is not repaired")
    }
    repairs.append(
      "\(properties.path): \(properties.location): invalid polygon (\(reason)\(at)) repaired with GEOS"
        + " make-valid; area changed by \(Self.percent(change))")
    return repaired
  }

  static func polygons(of geometry: Geometry) -> [Polygon] {
    switch geometry {
    case .polygon(let p): [p]
    case .multiPolygon(let ps): ps
    case .geometryCollection(let gs): gs.flatMap(polygons)
    default: []
    }
  }

  static func percent(_ fraction: Double) -> String {
    String(format: "%.3g %%", fraction * 100)
  }

  // MARK: Landings

  mutating func loadLandings(sea: SeaArea, grid: ElevationGrid) throws -> [Landing] {
    let path = files.landings.relativePath
    let collection = try readFeatures(
      files.landings, role: "landings",
      keys: ["name", "country", "source", "confidence", "note", "snappedM", "approachBearingDeg"])
    let water = try engine.prepare(sea.geometry)
    var landings: [Landing] = []
    var names: [String: (index: Int, name: String)] = [:]
    for (index, feature) in collection.features.enumerated() {
      let properties = FeatureProperties(feature, index: index, path: path)
      let c = try properties.point(role: "a landing")
      let name = try properties.requiredString("name")
      if let earlier = names[name.lowercased()] {
        throw properties.fail(
          "duplicate name: feature \(earlier.index) is already \"\(earlier.name)\" (names must be unique, ignoring case)"
        )
      }
      names[name.lowercased()] = (index, name)
      let position = Self.positionText(c)
      guard grid.coverage.contains(c) else {
        let swapped = Coordinate(longitude: c.latitude, latitude: c.longitude)
        throw properties.fail(
          "point \(position) is outside the grid (\(grid.coverage.degreesText))"
            + (grid.coverage.contains(swapped) ? Self.swapHint : ""))
      }
      guard try water.contains(c) else {
        let distance = try engine.distanceMetres(.point(c), sea.geometry)
        throw properties.fail("point \(position) is on land, \(Self.kilometres(distance)) from the water")
      }
      var original: Coordinate?
      if let value = properties.value("originalLonLat") {
        guard case .array(let items) = value, items.count == 2, let lon = items[0].doubleValue,
          let lat = items[1].doubleValue, Coordinate(longitude: lon, latitude: lat).isInRange
        else {
          throw properties.fail(
            "property \"originalLonLat\" must be [longitude, latitude], got \(value.serialized())")
        }
        original = Coordinate(longitude: lon, latitude: lat)
      }
      let landing = Landing(
        name: name, coordinate: c, country: try properties.string("country"),
        source: try properties.string("source"),
        confidence: try properties.choice("confidence", Confidence.self), note: try properties.string("note"),
        originalCoordinate: original, snappedM: try properties.metres("snappedM"),
        approachBearingDegrees: try properties.metres("approachBearingDeg", unit: "degrees"))
      switch grid.depthMetres(at: c, waterSurfaceM: waterSurfaceM) {
      case nil:
        warnings.append("\(path): \(properties.location): the grid has no data at \(position)")
      case let depth? where depth <= 0:
        warnings.append(
          "\(path): \(properties.location): the grid shows dry seabed at \(position) (depth \(Self.metres(depth))"
            + " at water surface \(waterSurfaceM) m); the grid is coarser than the coastline")
      default: break
      }
      landings.append(landing)
    }
    if landings.count < 2 {
      warnings.append("\(path): \(landings.count) landing point(s); a route needs at least 2")
    }
    return landings
  }

  static func kilometres(_ metres: Double) -> String {
    metres < 1000 ? String(format: "%.0f m", metres) : String(format: "%.1f km", metres / 1000)
  }

  static func metres(_ value: Double) -> String { String(format: "%.1f m", value) }

  // MARK: Hazards

  mutating func loadHazards(from url: URL, grid: ElevationGrid) throws -> [Hazard] {
    let path = url.relativePath
    let collection = try readFeatures(url, role: "hazards", keys: Self.hazardKeys, mapping: hazardFields)
    var hazards: [Hazard] = []
    for (index, feature) in collection.features.enumerated() {
      let properties = FeatureProperties(feature, index: index, path: path)
      let kind = try properties.requiredChoice("kind", HazardKind.self)
      let name = try properties.requiredString("name")
      let constraint = try properties.requiredChoice("constraint", HazardConstraint.self)
      var geometry = try properties.geometry(allowed: kind.allowedGeometryTypes, role: "a \(kind.rawValue)")
      let envelope = try properties.envelope(of: geometry)
      if !envelope.intersects(grid.coverage) {
        if envelope.axesSwapped.intersects(grid.coverage) {
          throw properties.fail(
            "the \(kind.rawValue) (\(envelope.degreesText)) lies outside the grid\(Self.swapHint)")
        }
        warnings.append("\(path): \(properties.location): lies outside the grid (\(envelope.degreesText))")
      }
      switch geometry {
      case .polygon, .multiPolygon:
        let polygons = try validPolygons(geometry, properties)
        geometry = polygons.count == 1 ? .polygon(polygons[0]) : .multiPolygon(polygons)
      default: break
      }
      let widthM = try properties.metres("widthM")
      if kind == .ferryLane, ["LineString", "MultiLineString"].contains(geometry.typeName), (widthM ?? 0) <= 0
      {
        throw properties.fail("a ferry lane drawn as a line needs \"widthM\" (metres, > 0)")
      }
      let safetyZone = try properties.metres("safetyZoneM")
      hazards.append(
        Hazard(
          kind: kind, name: name, geometry: geometry, constraint: constraint,
          source: try properties.string("source"),
          confidence: try properties.choice("confidence", Confidence.self),
          schematic: try properties.bool("schematic") ?? false,
          safetyZoneM: kind == .platform ? safetyZone ?? Hazard.defaultPlatformSafetyZoneM : safetyZone,
          bufferM: try properties.metres("bufferM"), widthM: widthM, note: try properties.string("note"),
          properties: feature.properties))
    }
    return hazards
  }
}

extension GeodataLoader {
  /// `[lon, lat]` as in GeoJSON, for messages.
  static func positionText(_ c: Coordinate) -> String {
    "[\(Envelope.degreesText(c.longitude)), \(Envelope.degreesText(c.latitude))]"
  }
}

extension Envelope {
  /// The box with longitude and latitude exchanged (to recognise swapped coordinates).
  var axesSwapped: Envelope {
    Envelope(
      minLongitude: minLatitude, minLatitude: minLongitude, maxLongitude: maxLatitude,
      maxLatitude: maxLongitude)
  }

  /// Whether this box lies entirely inside `other`.
  func isWithin(_ other: Envelope) -> Bool {
    minLongitude >= other.minLongitude && maxLongitude <= other.maxLongitude
      && minLatitude >= other.minLatitude
      && maxLatitude <= other.maxLatitude
  }

  /// "longitude 49.5…52.5, latitude 39.5…42.5", for messages.
  var degreesText: String {
    "longitude \(Self.degreesText(minLongitude))…\(Self.degreesText(maxLongitude)),"
      + " latitude \(Self.degreesText(minLatitude))…\(Self.degreesText(maxLatitude))"
  }

  /// Degrees with up to 4 decimals (about 10 m), trailing zeros dropped.
  static func degreesText(_ value: Double) -> String {
    var text = String(format: "%.4f", value)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text
  }
}
