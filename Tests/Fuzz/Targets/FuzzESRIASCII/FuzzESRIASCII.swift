// libFuzzer entry for the ESRI ASCII grid reader (build and run with Tools/fuzz.sh).
// A thrown error is a correct answer to bad input; only crashes, traps, hangs and huge
// allocations are findings.
import CaspianGeodata
import Foundation
import FuzzDriver

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
  let data = fuzzInput(start, count)
  _ = try? ElevationGrid(esriASCII: data, source: "fuzz.asc")
  return 0
}

/// Runs libFuzzer's driver on `fuzz`.
@main
enum FuzzMain {
  static func main() { runFuzzer(fuzz) }
}
