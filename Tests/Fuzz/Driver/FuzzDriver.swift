import CLibFuzzer
import Foundation

/// The bytes libFuzzer hands to a target's `LLVMFuzzerTestOneInput`.
public func fuzzInput(_ start: UnsafeRawPointer?, _ count: Int) -> Data {
  start.map { Data(bytes: $0, count: count) } ?? Data()
}

/// Runs libFuzzer's driver on `testOneInput` (flags and corpus directories from the command
/// line, as for any libFuzzer binary) and exits with its status. Each target's `main` calls it:
/// SwiftPM renames an executable's `main` on Linux, so libFuzzer's own `main` cannot be used.
public func runFuzzer(_ testOneInput: @convention(c) (UnsafeRawPointer?, Int) -> CInt) -> Never {
  var argc = CommandLine.argc
  var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
  exit(LLVMFuzzerRunDriver(&argc, &argv, testOneInput))
}
