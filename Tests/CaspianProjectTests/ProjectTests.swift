import CaspianProject
import CaspianSchedule
import CaspianSupport
import Foundation
import Testing

@Suite struct ProjectTests {
  static func scratch() throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "project-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory
  }

  @Test func createMakesTheFilesAndFindWalksUp() throws {
    let root = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: root) }
    let folder = root.appendingPathComponent("season")
    let start = CalendarDate("2027-01-04")!
    let project = try Project.create(
      at: folder, name: "Test project",
      planText: Project.emptyPlanTemplate(name: "Test project", start: start),
      logData: Data(Project.emptyLogText.utf8))
    #expect(project.name == "Test project")
    #expect(project.geodataDirectory == nil)
    #expect(project.planURL.lastPathComponent == "plan.yaml")
    // The template is a valid plan with an empty log.
    let plan = try PlanParser.read(from: project.planURL)
    #expect(plan.activities.map(\.id) == ["WORK", "RFS"])
    let history = try UpdateLog.read(from: UpdateLog.url(forPlan: project.planURL), plan: plan)
    #expect(history.records.isEmpty)
    // Found from a folder below; not found from the root above it.
    let below = folder.appendingPathComponent("route")
    #expect(Project.find(startingAt: below)?.standardizedFileURL.path == folder.standardizedFileURL.path)
    #expect(Project.find(startingAt: root) == nil)
    #expect(try project.selection() == nil)
    // A second init there is refused and changes nothing.
    let before = try Data(contentsOf: project.fileURL)
    #expect(throws: FileError.self) {
      try Project.create(at: folder, name: "Other", planText: "", logData: Data())
    }
    #expect(try Data(contentsOf: project.fileURL) == before)
  }

  @Test func projectFileErrorsNameTheFile() throws {
    let folder = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent(Project.fileName)
    try Data(#"{"name": "x", "planfile": "p.yaml"}"#.utf8).write(to: file)
    #expect {
      try Project.read(directory: folder)
    } throws: { "\($0)".hasPrefix("\(file.path): unknown key 'planfile'") }
    try Data(#"{"name": "x", "geodata": "data", "plan": "my.yaml"}"#.utf8).write(to: file)
    let project = try Project.read(directory: folder)
    #expect(project.geodataDirectory?.lastPathComponent == "data")
    #expect(project.planURL.lastPathComponent == "my.yaml")
  }
}
