import CaspianSchedule
import Foundation
import Testing

enum Fixture {
  static let directory = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
  static func url(_ name: String) -> URL { directory.appendingPathComponent(name) }

  /// The repository's bundled plan (Geodata/plan.yaml), found from this source file.
  static let bundledPlan = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Geodata/plan.yaml")

  static func load(_ url: URL) throws -> (Plan, UpdateHistory) {
    let plan = try PlanParser.read(from: url)
    return (plan, try UpdateLog.read(from: UpdateLog.url(forPlan: url), plan: plan))
  }

  /// A fresh temporary directory with copies of the given files.
  static func scratch(copying files: [URL] = []) throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "schedule-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    for file in files {
      try FileManager.default.copyItem(at: file, to: directory.appendingPathComponent(file.lastPathComponent))
    }
    return directory
  }
}

func day(_ text: String) -> CalendarDate { CalendarDate(text)! }
