import Foundation

/// Runs the built `caspian-link` binary (next to the test bundle) and captures what it prints.
enum CLI {
  struct Result {
    let status: Int32
    let stdout: String
    let stderr: String
  }

  static let binary: URL = {
    var directory = Bundle.module.bundleURL.deletingLastPathComponent()
    if !FileManager.default.fileExists(atPath: directory.appendingPathComponent("caspian-link").path) {
      directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(".build/debug")
    }
    return directory.appendingPathComponent("caspian-link")
  }()

  /// The data-set fixtures of the geodata tests (shared, not copied).
  static let geodataFixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("CaspianGeodataTests/Fixtures", isDirectory: true)

  static func run(
    _ arguments: [String], environment: [String: String] = [:], removing: [String] = [],
    in directory: URL? = nil
  ) throws -> Result {
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    for key in removing { env[key] = nil }
    process.environment = env
    if let directory { process.currentDirectoryURL = directory }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read both pipes before waiting, so a large output cannot block the child.
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }
}
