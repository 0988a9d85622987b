import Foundation
import Testing

/// The conventions every command shares: help with examples, version, exit codes.
@Suite struct ConventionsTests {
  static let commands = [
    ["geodata", "check"], ["route", "plan"], ["route", "rpl"], ["schedule", "status"],
    ["schedule", "update"], ["schedule", "trend"], ["schedule", "export"], ["progress"],
  ]

  @Test(arguments: commands)
  func helpShowsExamplesOfThisCommand(_ command: [String]) throws {
    let result = try CLI.run(command + ["--help"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("Examples:\n  caspian-link \(command.joined(separator: " "))"))
  }

  @Test func versionPrintsAndExitsZero() throws {
    let result = try CLI.run(["--version"])
    #expect(result.status == 0)
    #expect(result.stdout.split(separator: ".").count == 3)
  }

  @Test func usageErrorsExitTwoAndBadInputExitsOne() throws {
    let usage = try CLI.run(["route", "plan", "--no-such-flag"])
    #expect(usage.status == 2)
    // --select beyond --options is known before any planning: this command's usage, exit 2.
    let select = try CLI.run(["route", "plan", "--from", "Aktau", "--to", "Sumgait", "--select", "7"])
    #expect(select.status == 2)
    #expect(select.stderr.contains("--select 7: there are 3 option(s) (--options)"), "\(select.stderr)")
    #expect(select.stderr.contains("Usage: caspian-link route plan"), "\(select.stderr)")
    let bad = try CLI.run(["route", "plan", "--from", "Atlantis", "--to", "Sumgait"])
    #expect(bad.status == 1)
    #expect(bad.stderr.hasPrefix("caspian-link: error: "))
    #expect(bad.stderr.split(separator: "\n").count == 1)
  }

  @Test func pipedOutputHasNoColourCodes() throws {
    let result = try CLI.run(["schedule", "status", "--as-of", "2026-02-24"])
    #expect(result.status == 0)
    #expect(!result.stdout.contains("\u{1B}["))
  }
}
