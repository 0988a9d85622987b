import CGEOS

/// The planar geometry engine: one GEOS context (`GEOS_init_r`) and the operations that run in it.
///
/// Create one per task and keep it on that task: the class is deliberately not `Sendable`, since
/// a GEOS context must not be used from two threads at once. Geometries go in and come out as
/// Swift values (lon/lat degrees, WGS84); GEOS objects never leave this module.
///
/// Which space each operation works in:
/// - `validity`, `makeValid`, `intersection`, `intersects`, and the `PreparedGeometry` predicates are
///   planar in lon/lat degrees (edges are straight lines in lon/lat), as GeoJSON geometries are.
/// - `buffer`, `nearestPoints` and `distanceMetres` work in metres, in an azimuthal equidistant
///   projection (PROJ) centred on the geometries, and return lon/lat; `distanceMetres` is the
///   geodesic distance on WGS84 between the nearest points.
///
/// Every GEOS failure is thrown as `GeometryError.geos` with the message GEOS gave.
public final class GeometryEngine {
  /// The reentrant GEOS handle; freed by `GEOS_finish_r` in `deinit`.
  let handle: GEOSContextHandle_t
  /// The last message GEOS sent to the error handler, taken by `error(_:)`.
  private var lastErrorMessage: String?

  /// A fresh GEOS context with an error-message handler that records GEOS's text for the next
  /// thrown error (`GEOS_init_r`, `GEOSContext_setErrorMessageHandler_r`).
  public init() throws {
    // GEOS_init_r returns NULL when the context cannot be allocated.
    guard let handle = GEOS_init_r() else {
      throw GeometryError.geos(function: "GEOS_init_r", message: "could not create a GEOS context")
    }
    self.handle = handle
    // The handler is a C function pointer, so it cannot capture: the engine travels as userdata,
    // unretained (the engine owns the context, so it outlives every call into it).
    _ = GEOSContext_setErrorMessageHandler_r(
      handle,
      { message, userdata in
        guard let message, let userdata else { return }
        let engine = Unmanaged<GeometryEngine>.fromOpaque(userdata).takeUnretainedValue()
        engine.lastErrorMessage = String(cString: message)
      },
      Unmanaged.passUnretained(self).toOpaque())
  }

  deinit {
    GEOS_finish_r(handle)
  }

  /// Forgets any earlier GEOS message, before a call whose failure shows only in the handler.
  func clearErrorMessage() {
    lastErrorMessage = nil
  }

  /// Throws if GEOS reported an error since `clearErrorMessage()`: for the calls that return
  /// nothing (`GEOSSTRtree_insert_r`, `GEOSSTRtree_query_r`) this is their only failure signal.
  func throwIfErrorReported(_ function: String) throws {
    if lastErrorMessage != nil { throw error(function) }
  }

  /// The error for a failed call to `function`, carrying (and clearing) GEOS's last message.
  func error(_ function: String) -> GeometryError {
    defer { lastErrorMessage = nil }
    return .geos(function: function, message: lastErrorMessage ?? "failed without a message")
  }
}
