import CGDAL
import Foundation

/// The one place GDAL is set up and its messages are collected.
///
/// GDAL reports problems through an error handler (by default it prints them to stderr). The
/// process-wide handler installed here drops them, so the library never prints; each operation
/// pushes a handler of its own on its thread (`GDALSession`) that keeps the messages, so errors
/// can carry GDAL's text and callers can see warnings.
enum GDALLibrary {
  /// Registers every driver once and silences the default handler.
  static let ready: Void = {
    CPLSetErrorHandler { _, _, _ in }
    GDALAllRegister()
  }()
}

/// The messages GDAL gave during one operation (on this thread).
final class GDALSession {
  /// Failures and warnings, in order, as GDAL worded them.
  private(set) var errors: [String] = []
  private(set) var warnings: [String] = []

  fileprivate func record(_ level: CPLErr, _ message: String) {
    switch level {
    case CE_Warning: warnings.append(message)
    case CE_Failure, CE_Fatal: errors.append(message)
    default: break
    }
  }

  /// GDAL's latest failure message, for an error text ("" when it gave none).
  var lastError: String { errors.last.map { ": \($0)" } ?? "" }

  /// Runs `body` with GDAL's messages on this thread collected into a new session.
  static func run<T>(_ body: (GDALSession) throws -> T) rethrows -> T {
    GDALLibrary.ready
    let session = GDALSession()
    let box = Unmanaged.passRetained(session)
    CPLPushErrorHandlerEx(
      { level, _, message in
        guard let data = CPLGetErrorHandlerUserData() else { return }
        let session = Unmanaged<GDALSession>.fromOpaque(data).takeUnretainedValue()
        session.record(level, message.map { String(cString: $0) } ?? "")
      }, box.toOpaque())
    defer {
      CPLPopErrorHandler()
      box.release()
    }
    return try body(session)
  }
}

/// A NULL-terminated C string list (`char **`) for GDAL's option arguments.
func withStringList<T>(
  _ items: [String], _ body: (UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) throws -> T
)
  rethrows -> T
{
  var list: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = nil
  for item in items { list = CSLAddString(list, item) }
  defer { CSLDestroy(list) }
  return try body(list)
}

/// The strings of a C string list (`char **`), e.g. metadata `KEY=VALUE` items.
func strings(of list: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> [String] {
  guard let list else { return [] }
  var out: [String] = []
  var i = 0
  while let item = list[i] {
    out.append(String(cString: item))
    i += 1
  }
  return out
}

/// A spatial reference as a person reads it: "WGS 84 / UTM zone 39N (EPSG:32639)".
func crsDescription(_ srs: OGRSpatialReferenceH?) -> String {
  guard let srs else { return "none" }
  let name = OSRGetName(srs).map { String(cString: $0) } ?? "unnamed"
  let target: String? = OSRIsProjected(srs) != 0 ? "PROJCS" : (OSRIsGeographic(srs) != 0 ? "GEOGCS" : nil)
  if let authority = OSRGetAuthorityName(srs, target), let code = OSRGetAuthorityCode(srs, target) {
    return "\(name) (\(String(cString: authority)):\(String(cString: code)))"
  }
  return name
}

/// Whether `srs` is geographic longitude/latitude on the WGS84 ellipsoid (within 1 m), so that
/// its coordinates can be used as they are.
func isWGS84Geographic(_ srs: OGRSpatialReferenceH) -> Bool {
  guard OSRIsGeographic(srs) != 0 else { return false }
  var error = OGRERR_NONE
  let a = OSRGetSemiMajor(srs, &error)
  let inverseFlattening = OSRGetInvFlattening(srs, &error)
  return abs(a - 6_378_137) < 1 && abs(inverseFlattening - 298.257_223_563) < 0.01
}
