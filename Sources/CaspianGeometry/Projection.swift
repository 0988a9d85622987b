import CPROJ

/// A transformation between longitude/latitude on WGS84 (degrees) and a metric map projection
/// (x east, y north, metres), done by PROJ.
///
/// Each instance owns its own PROJ context (`proj_context_create`) with a log function that keeps
/// PROJ's error text for the thrown error (PROJ never prints). Not `Sendable`: use one per task.
///
/// ```swift
/// let utm39 = try Projection(definition: "EPSG:32639")
/// let (x, y) = try utm39.forward(Coordinate(longitude: 51.14, latitude: 43.635))
/// ```
public final class Projection {
  /// The target CRS or pipeline this projection was made from.
  public let definition: String
  private let context: PROJContext
  /// The PROJ transformation object; freed by `proj_destroy` in `deinit`.
  private let transform: OpaquePointer

  /// A projection from lon/lat WGS84 (EPSG:4326) to the projected CRS `definition`: an authority
  /// code ("EPSG:32639"), a PROJ string ("+proj=utm +zone=39 +datum=WGS84 +units=m +type=crs") or
  /// WKT (`proj_create_crs_to_crs`, then `proj_normalize_for_visualization` so that coordinates
  /// are longitude first).
  ///
  /// - Throws: `GeometryError.proj` with PROJ's message if the definition is not understood.
  public init(definition: String) throws {
    let context = try PROJContext()
    // proj_create_crs_to_crs returns NULL on failure; the reason goes to the log function.
    guard let raw = proj_create_crs_to_crs(context.pointer, "EPSG:4326", definition, nil) else {
      throw context.error("proj_create_crs_to_crs", code: proj_context_errno(context.pointer))
    }
    defer { proj_destroy(raw) }
    // proj_normalize_for_visualization returns NULL on failure; it returns a new object.
    guard let normalized = proj_normalize_for_visualization(context.pointer, raw) else {
      throw context.error("proj_normalize_for_visualization", code: proj_context_errno(context.pointer))
    }
    self.definition = definition
    self.context = context
    self.transform = normalized
  }

  /// A projection given as a PROJ pipeline whose input is lon/lat degrees (`proj_create`); needs
  /// no database lookup, so it is quick to make.
  private init(pipeline: String) throws {
    let context = try PROJContext()
    // proj_create returns NULL on failure; the reason goes to the log function.
    guard let pj = proj_create(context.pointer, pipeline) else {
      throw context.error("proj_create", code: proj_context_errno(context.pointer))
    }
    self.definition = pipeline
    self.context = context
    self.transform = pj
  }

  deinit {
    proj_destroy(transform)
  }

  /// The azimuthal equidistant projection on the WGS84 ellipsoid centred on `centre`: distances
  /// and azimuths from the centre are true, and within a few hundred kilometres of it every
  /// distance is true to better than 0.2 %. Equivalent to the CRS
  /// `+proj=aeqd +lat_0=… +lon_0=… +datum=WGS84 +units=m`, built as a pipeline without a database
  /// lookup, so it is cheap enough to make per operation.
  public static func azimuthalEquidistant(centre: Coordinate) throws -> Projection {
    try Projection(
      pipeline: "+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad "
        + "+step +proj=aeqd +lat_0=\(centre.latitude) +lon_0=\(centre.longitude) +ellps=WGS84")
  }

  /// The project's metric frame for the whole Caspian: azimuthal equidistant centred at 50.5 E,
  /// 42 N on WGS84 (`+proj=aeqd +lat_0=42 +lon_0=50.5 +datum=WGS84 +units=m`).
  public static func caspianEquidistant() throws -> Projection {
    try azimuthalEquidistant(centre: Coordinate(longitude: 50.5, latitude: 42))
  }

  /// Projects lon/lat degrees to x, y metres (`proj_trans`, forward).
  public func forward(_ c: Coordinate) throws -> (x: Double, y: Double) {
    let out = try trans(PJ_FWD, c.longitude, c.latitude)
    return (out.x, out.y)
  }

  /// Unprojects x, y metres to lon/lat degrees (`proj_trans`, inverse).
  public func inverse(x: Double, y: Double) throws -> Coordinate {
    let out = try trans(PJ_INV, x, y)
    return Coordinate(longitude: out.x, latitude: out.y)
  }

  private func trans(_ direction: PJ_DIRECTION, _ x: Double, _ y: Double) throws -> (x: Double, y: Double) {
    proj_errno_reset(transform)
    let out = proj_trans(transform, direction, proj_coord(x, y, 0, 0))
    // proj_trans returns HUGE_VAL in every component and sets proj_errno on failure.
    guard out.xy.x.isFinite, out.xy.y.isFinite else {
      throw context.error("proj_trans", code: proj_errno(transform), detail: "input \(x), \(y)")
    }
    return (out.xy.x, out.xy.y)
  }

  /// Projects many lon/lat coordinates to x, y metres in one call (`proj_trans_generic`).
  public func forward(_ cs: [Coordinate]) throws -> [(x: Double, y: Double)] {
    var xs = cs.map(\.longitude)
    var ys = cs.map(\.latitude)
    try transGeneric(PJ_FWD, &xs, &ys)
    return zip(xs, ys).map { ($0, $1) }
  }

  /// Unprojects many x, y metre pairs to lon/lat in one call (`proj_trans_generic`, inverse).
  public func inverse(_ points: [(x: Double, y: Double)]) throws -> [Coordinate] {
    var xs = points.map(\.x)
    var ys = points.map(\.y)
    try transGeneric(PJ_INV, &xs, &ys)
    return zip(xs, ys).map { Coordinate(longitude: $0, latitude: $1) }
  }

  /// Transforms the arrays in place.
  private func transGeneric(_ direction: PJ_DIRECTION, _ xs: inout [Double], _ ys: inout [Double]) throws {
    guard !xs.isEmpty else { return }
    proj_errno_reset(transform)
    let stride = MemoryLayout<Double>.stride
    xs.withUnsafeMutableBufferPointer { x in
      ys.withUnsafeMutableBufferPointer { y in
        // proj_trans_generic returns how many points it transformed; a point that fails is set
        // to HUGE_VAL and proj_errno is set, so each result is checked below.
        _ = proj_trans_generic(
          transform, direction, x.baseAddress, stride, x.count, y.baseAddress, stride, y.count,
          nil, 0, 0, nil, 0, 0)
      }
    }
    if let bad = xs.indices.first(where: { !xs[$0].isFinite || !ys[$0].isFinite }) {
      throw context.error("proj_trans_generic", code: proj_errno(transform), detail: "point \(bad)")
    }
  }
}

/// A PROJ context (`proj_context_create`) whose log function records PROJ's error messages.
final class PROJContext {
  /// Freed by `proj_context_destroy` in `deinit`, after every object made in it.
  let pointer: OpaquePointer
  private var lastLogMessage: String?

  init() throws {
    // proj_context_create returns NULL when the context cannot be allocated.
    guard let pointer = proj_context_create() else {
      throw GeometryError.proj(function: "proj_context_create", message: "could not create a PROJ context")
    }
    self.pointer = pointer
    // The log function is a C function pointer, so it cannot capture: this object travels as
    // app data, unretained (it owns the context, so it outlives every call into it). At the
    // default log level only errors arrive here, and nothing is printed.
    proj_log_func(
      pointer, Unmanaged.passUnretained(self).toOpaque(),
      { appData, _, message in
        guard let appData, let message else { return }
        Unmanaged<PROJContext>.fromOpaque(appData).takeUnretainedValue().lastLogMessage = String(
          cString: message)
      })
  }

  deinit {
    proj_context_destroy(pointer)
  }

  /// The error for a failed call: PROJ's logged message, else the text of its error code
  /// (`proj_context_errno_string`), and which input failed when there is one.
  func error(_ function: String, code: Int32, detail: String? = nil) -> GeometryError {
    defer { lastLogMessage = nil }
    var message = lastLogMessage ?? proj_context_errno_string(pointer, code).map { String(cString: $0) } ?? ""
    if message.isEmpty { message = "failed with error code \(code)" }
    if let detail { message += " (\(detail))" }
    return .proj(function: function, message: message)
  }
}
