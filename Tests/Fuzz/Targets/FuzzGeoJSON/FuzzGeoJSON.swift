import CLibFuzzer
// libFuzzer entry for the GeoJSON reader (build and run with Tools/fuzz.sh).
// A thrown error is a correct answer to bad input; only crashes, traps, hangs and huge
// allocations are findings.
import CaspianGeometry
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
  let data = start.map { Data(bytes: $0, count: count) } ?? Data()
  _ = try? GeoJSON.decodeFeatureCollection(data, source: "fuzz.geojson")
  return 0
}

/// Runs libFuzzer's driver on `fuzz` (flags and corpus directories as for any libFuzzer binary).
@main
enum FuzzMain {
  static func main() {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, fuzz))
  }
}
