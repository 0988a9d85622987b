// libFuzzer entry for the GeoJSON reader (build and run with Tools/fuzz.sh).
// A thrown error is a correct answer to bad input; only crashes, traps, hangs and huge
// allocations are findings.
import CaspianGeometry
import Foundation
import FuzzDriver

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
  let data = fuzzInput(start, count)
  _ = try? GeoJSON.decodeFeatureCollection(data, source: "fuzz.geojson")
  return 0
}

/// Runs libFuzzer's driver on `fuzz`.
@main
enum FuzzMain {
  static func main() { runFuzzer(fuzz) }
}
