import Foundation
import Testing

/// Nothing the user has is lost: outputs never land on inputs, special files stay what they
/// are, a failing command leaves no output behind, and a broken standard output is an error.
@Suite("CLI: outputs never destroy inputs", .serialized)
struct OutputSafetyTests {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()

  /// A scratch folder holding a copy of the "strait" data set (`data/`) and of the bundled
  /// plan with its log.
  static func scratch() throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "outputs-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: RouteCLITests.strait, to: directory.appendingPathComponent("data"))
    for name in ["plan.yaml", "plan.updates.jsonl"] {
      try FileManager.default.copyItem(
        at: repository.appendingPathComponent("Geodata/\(name)"), to: directory.appendingPathComponent(name))
    }
    return directory
  }

  /// Every regular file below `directory` with its bytes.
  static func snapshot(_ directory: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(atPath: directory.path)!
    while let name = enumerator.nextObject() as? String {
      let url = directory.appendingPathComponent(name)
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
        files[name] = try Data(contentsOf: url)
      }
    }
    return files
  }

  static let plan = [
    "route", "plan", "--geodata", "data", "--from", "West", "--to", "East", "--options", "1",
  ]
  static let rpl = ["route", "rpl", "--geodata", "data", "--route", "routes.geojson", "--option", "1"]
  static let report = [
    "report", "--geodata", "data", "--plan", "plan.yaml", "--as-of", "2026-02-24", "--route",
    "routes.geojson",
  ]

  @Test(
    "An output onto an input is refused, the input unchanged",
    arguments: [
      plan + ["--geojson", "data/sea.geojson"],
      plan + ["--geojson", "data/../data/grid.asc"],
      plan + ["--rpl", "data/landings.geojson"],
      plan + ["--geojson", "hard-link.geojson"],
      plan + ["--geojson", "soft-link.geojson"],
      rpl + ["--output", "routes.geojson"],
      rpl + ["--output", "data/hazards.geojson"],
      report + ["--html", "plan.yaml"],
      report + ["--html", "routes.geojson"],
      report + ["--html", "plan.updates.jsonl"],
      ["schedule", "export", "--plan", "plan.yaml", "--format", "json", "--output", "plan.yaml"],
      ["schedule", "export", "--plan", "plan.yaml", "--format", "csv", "--output", "./plan.updates.jsonl"],
      ["schedule", "export", "--plan", "other.yaml", "--format", "csv", "--output", "other.updates.jsonl"],
    ])
  func outputOntoInput(_ arguments: [String]) throws {
    let directory = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: directory) }
    let routes = try CLI.run(Self.plan + ["--geojson", "routes.geojson"], in: directory)
    try #require(routes.status == 0, "\(routes.stderr)")
    #expect(
      link(
        directory.appendingPathComponent("data/hazards.geojson").path,
        directory.appendingPathComponent("hard-link.geojson").path) == 0)
    try FileManager.default.createSymbolicLink(
      atPath: directory.appendingPathComponent("soft-link.geojson").path,
      withDestinationPath: "data/sea.geojson")
    // A second plan whose log does not exist yet, and a plan whose log is another's name.
    try FileManager.default.copyItem(
      at: directory.appendingPathComponent("plan.yaml"), to: directory.appendingPathComponent("other.yaml"))
    let before = try Self.snapshot(directory)

    let result = try CLI.run(arguments, in: directory)
    #expect(result.status == 1, "\(arguments): \(result.stdout)")
    let lines = result.stderr.split(separator: "\n")
    #expect(lines.count == 1, "\(result.stderr)")
    #expect(result.stderr.contains("which this command reads; choose another file"), "\(result.stderr)")
    #expect(try Self.snapshot(directory) == before, "\(arguments)")
  }

  @Test("A failing route plan or report leaves none of its outputs behind")
  func allOrNothing() throws {
    let directory = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: directory) }
    let routes = try CLI.run(Self.plan + ["--geojson", "routes.geojson"], in: directory)
    try #require(routes.status == 0, "\(routes.stderr)")
    let before = try Self.snapshot(directory)
    let plan = try CLI.run(
      Self.plan + ["--geojson", "new.geojson", "--rpl", "missing/rpl.csv"], in: directory)
    #expect(plan.status == 1)
    #expect(
      plan.stderr == "caspian-link: error: missing/rpl.csv: cannot write: directory missing does not exist\n")
    let report = try CLI.run(
      Self.report + ["--svg", "figures", "--html", "missing/report.html"], in: directory)
    #expect(report.status == 1)
    #expect(report.stderr.split(separator: "\n").count == 1, "\(report.stderr)")
    #expect(try Self.snapshot(directory) == before)
    #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("figures").path))
    let same = try CLI.run(Self.plan + ["--geojson", "x.geojson", "--rpl", "./x.geojson"], in: directory)
    #expect(same.stderr == "caspian-link: error: ./x.geojson: --rpl names the same file as --geojson\n")
  }

  @Test("Symbolic links are followed, modes kept, devices written through")
  func specialDestinations() throws {
    let directory = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: directory) }
    let export = ["schedule", "export", "--plan", "plan.yaml", "--format", "csv", "--output"]
    let target = directory.appendingPathComponent("status.csv")
    try Data("old".utf8).write(to: target)
    #expect(chmod(target.path, 0o600) == 0)
    try FileManager.default.createSymbolicLink(
      atPath: directory.appendingPathComponent("latest.csv").path, withDestinationPath: "status.csv")
    let viaLink = try CLI.run(export + ["latest.csv"], in: directory)
    #expect(viaLink.status == 0, "\(viaLink.stderr)")
    #expect(
      try FileManager.default.destinationOfSymbolicLink(
        atPath: directory.appendingPathComponent("latest.csv").path) == "status.csv")
    #expect(try String(contentsOf: target, encoding: .utf8).hasPrefix("id,"))
    #expect(try FileManager.default.attributesOfItem(atPath: target.path)[.posixPermissions] as? Int == 0o600)

    #expect(try CLI.run(export + ["/dev/null"], in: directory).status == 0)
    let full = try CLI.run(export + ["/dev/full"], in: directory)
    #expect(full.status == 1)
    #expect(full.stderr == "caspian-link: error: /dev/full: cannot write: No space left on device\n")
  }

  /// Runs the binary through the shell so standard output can be closed or sent to /dev/full.
  static func shell(_ redirection: String, _ arguments: [String]) throws -> CLI.Result {
    let command = ([CLI.binary.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", "\(command) \(redirection)"]
    process.currentDirectoryURL = repository
    let err = Pipe()
    process.standardError = err
    try process.run()
    let data = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CLI.Result(
      status: process.terminationStatus, stdout: "", stderr: String(decoding: data, as: UTF8.self))
  }

  @Test(
    "A full or closed standard output is exit 1 with one line, for tables and JSON",
    arguments: [
      ["schedule", "status"], ["schedule", "status", "--format", "json"], ["progress", "--format", "json"],
    ])
  func brokenStandardOutput(_ arguments: [String]) throws {
    let full = try Self.shell(">/dev/full", arguments)
    #expect(full.status == 1)
    #expect(full.stderr == "caspian-link: error: cannot write to standard output: No space left on device\n")
    let closed = try Self.shell(">&-", arguments)
    #expect(closed.status == 1)
    #expect(closed.stderr == "caspian-link: error: cannot write to standard output: it is closed\n")
    // With standard error closed too there is nowhere to say it, but no crash: exit 1.
    #expect(try Self.shell(">&- 2>&-", arguments).status == 1)
  }
}
