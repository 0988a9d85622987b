// libFuzzer entry for the lay vessel's position-log reader (build and run with Tools/fuzz.sh):
// parses the bytes as a CSV log and as a GeoJSON log, and projects what it reads onto a fixed
// route, so the as-laid figures are fuzzed too. A thrown error is a correct answer to bad input;
// only crashes, traps, hangs and huge allocations are findings.
import CaspianAnalysis
import CaspianGeometry
import CaspianProject
import Foundation
import FuzzDriver

// Built once; a failure here is a broken fuzz target, not a finding.
let track = try! RouteTrack(points: [
  Coordinate(longitude: 51.14, latitude: 43.635), Coordinate(longitude: 50.4, latitude: 42.1),
  Coordinate(longitude: 49.67, latitude: 40.61),
])

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
  let data = fuzzInput(start, count)
  for file in ["fuzz.csv", "fuzz.geojson"] {
    guard let (fixes, _) = try? LayLog.parse(data, file: file) else { continue }
    _ = AsLaid(fixes: fixes, track: track, maxOffsetM: 1000)
  }
  return 0
}

/// Runs libFuzzer's driver on `fuzz`.
@main
enum FuzzMain {
  static func main() { runFuzzer(fuzz) }
}
