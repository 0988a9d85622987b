// libFuzzer entry for the plan parser (build and run with Tools/fuzz.sh).
// The bytes are decoded as UTF-8 with invalid sequences replaced, as a text editor would show
// them. A thrown error is a correct answer to bad input; only crashes, traps, hangs and huge
// allocations are findings.
import CaspianSchedule
import Foundation
import FuzzDriver

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
  let bytes = UnsafeRawBufferPointer(start: start, count: start == nil ? 0 : count)
  let yaml = String(decoding: bytes, as: UTF8.self)
  _ = try? PlanParser.parse(yaml, file: "fuzz.yaml")
  return 0
}

/// Runs libFuzzer's driver on `fuzz`.
@main
enum FuzzMain {
  static func main() { runFuzzer(fuzz) }
}
