import CaspianSchedule
import CaspianSupport
import Foundation

/// A project folder made by `caspian-link init`: the project file, the user's own plan and its
/// update log, and the selected route.
///
/// ```
/// DIR/caspian-project.json     name, data set, cost-model and engineering overrides, plan file
/// DIR/plan.yaml                the plan (copied from the bundled one, or the empty template)
/// DIR/plan.updates.jsonl       its update log (append-only)
/// DIR/route/selected-route.geojson, DIR/route/selection.json   after `route select`
/// ```
///
/// Commands find the project as git finds a repository: the folder named by `--project` or
/// `$CASPIAN_PROJECT`, else the current folder and its parents (`find(startingAt:)`).
public struct Project: Sendable {
  /// The project file's name.
  public static let fileName = "caspian-project.json"
  /// The environment variable naming the project folder.
  public static let environmentVariable = "CASPIAN_PROJECT"

  /// The project folder.
  public let directory: URL
  public let name: String
  /// The data directory (with manifest.json); nil for the bundled data set.
  public let geodataDirectory: URL?
  /// A cost-model JSON (as `route plan --config`), if the project overrides the defaults.
  public let costModel: URL?
  /// An engineering JSON (as `--engineering`), if the project overrides the defaults.
  public let engineering: URL?
  /// The plan; its log is `UpdateLog.url(forPlan:)`.
  public let planURL: URL

  /// The project file.
  public var fileURL: URL { directory.appendingPathComponent(Self.fileName) }
  /// Where the selected route lives.
  public var routeDirectory: URL { directory.appendingPathComponent("route", isDirectory: true) }
  /// The selected route's geometry, as `route plan --output` writes it (its line and alter-course points).
  public var selectedRouteURL: URL { routeDirectory.appendingPathComponent("selected-route.geojson") }
  /// The selected route's figures and where it came from (`RouteSelection`).
  public var selectionURL: URL { routeDirectory.appendingPathComponent("selection.json") }

  /// The folder holding a project file: `start` or the nearest of its parents; nil if none does.
  public static func find(startingAt start: URL) -> URL? {
    var directory = start.standardizedFileURL
    while true {
      if FileManager.default.fileExists(atPath: directory.appendingPathComponent(fileName).path) {
        return directory
      }
      let parent = directory.deletingLastPathComponent()
      if parent.path == directory.path { return nil }
      directory = parent
    }
  }

  /// Reads the project file of the folder `directory`.
  /// - Throws: `FileError` naming the project file and the problem.
  public static func read(directory given: URL) throws -> Project {
    let directory = URL(fileURLWithPath: given.standardizedFileURL.path, isDirectory: true)
    let file = directory.appendingPathComponent(fileName)
    let data: Data
    do {
      data = try Data(contentsOf: file)
    } catch {
      throw FileError(
        file: file.path, problem: "no project file here (caspian-link init \(directory.path) makes one)")
    }
    let value: JSONValue
    do {
      value = try JSONValue.parse(data, rejectingDuplicateKeys: true)
    } catch {
      throw FileError(file: file.path, problem: "not JSON: \(error)")
    }
    guard case .object(let fields) = value else {
      throw FileError(file: file.path, problem: "not a JSON object")
    }
    let known: Set<String> = ["name", "geodata", "costModel", "engineering", "plan"]
    if let unknown = fields.keys.sorted().first(where: { !known.contains($0) }) {
      throw FileError(
        file: file.path,
        problem:
          "unknown key '\(CloseMatches.echo(unknown))'\(CloseMatches.hint(for: unknown, in: known.sorted()))")
    }
    func text(_ key: String) throws -> String? {
      guard let field = fields[key], field != .null else { return nil }
      guard let string = field.stringValue, !string.isEmpty else {
        throw FileError(file: file.path, problem: "\(key) must be a non-empty string")
      }
      if let problem = TerminalText.problem(in: string, allowingNewlines: false) {
        throw FileError(file: file.path, problem: "\(key) \(problem)")
      }
      return string
    }
    func path(_ key: String) throws -> URL? {
      try text(key).map { URL(fileURLWithPath: $0, relativeTo: directory).standardizedFileURL }
    }
    let geodata = try text("geodata")
    return Project(
      directory: directory, name: try text("name") ?? directory.lastPathComponent,
      geodataDirectory: geodata == nil || geodata == "bundled"
        ? nil : URL(fileURLWithPath: geodata!, isDirectory: true, relativeTo: directory).standardizedFileURL,
      costModel: try path("costModel"), engineering: try path("engineering"),
      planURL: try path("plan") ?? directory.appendingPathComponent("plan.yaml"))
  }

  /// The project file's text for a new project.
  static func fileText(name: String) -> String {
    let document: JSONValue = [
      "name": .string(name), "geodata": "bundled", "costModel": .null, "engineering": .null,
      "plan": "plan.yaml",
    ]
    return document.prettyPrinted()
  }

  /// Makes a project in `directory` (created if needed): the project file, `plan.yaml` with
  /// `planText`, its log with `logData`, and the empty `route/` folder. Every file or none.
  /// - Throws: `FileError` if the folder already holds a project, a plan or a log (nothing
  ///   the user has is overwritten), or a file cannot be written.
  @discardableResult
  public static func create(at directory: URL, name: String, planText: String, logData: Data) throws
    -> Project
  {
    let fileManager = FileManager.default
    var isDirectory: ObjCBool = false
    if fileManager.fileExists(atPath: directory.path, isDirectory: &isDirectory), !isDirectory.boolValue {
      throw FileError(file: directory.path, problem: "is a file, not a folder for the project")
    }
    let plan = directory.appendingPathComponent("plan.yaml")
    let files: [(Data, URL)] = [
      (Data(fileText(name: name).utf8), directory.appendingPathComponent(fileName)),
      (Data(planText.utf8), plan), (logData, UpdateLog.url(forPlan: plan)),
    ]
    for (_, url) in files where fileManager.fileExists(atPath: url.path) {
      throw FileError(
        file: url.path,
        problem: url.lastPathComponent == fileName
          ? "a project is already here" : "already exists (init never overwrites a file)")
    }
    do {
      try fileManager.createDirectory(
        at: directory.appendingPathComponent("route", isDirectory: true), withIntermediateDirectories: true)
    } catch {
      throw FileError(
        file: directory.path, problem: "cannot create the project folder: \(error.localizedDescription)")
    }
    try AtomicFile.write(files)
    return try read(directory: directory)
  }

  /// A commented plan with one task and the ready-for-service milestone, starting on `start`,
  /// for `init --empty`.
  public static func emptyPlanTemplate(name: String, start: CalendarDate) -> String {
    let finish = start.adding(days: 29)
    let deadline = start.adding(days: 364)
    return """
      # Milestone plan of \(name) (caspian-link init --empty).
      #
      # Replace the example entries with your own. Dates are calendar days, YYYY-MM-DD; finish
      # dates are inclusive. `caspian-link schedule update` never rewrites this file: records go
      # to plan.updates.jsonl next to it. Keys of an activity: id, name, phase, milestone,
      # baselineStart, baselineFinish, dependsOn ([ID] or [{id: ID, lagDays: N}]), weight,
      # responsible, notes, source, assumed, progress (kp for the cable lay: percent from the KP
      # reached; duration: earn by elapsed days until a percent is reported; default: what was
      # reported).

      project: \(name)
      deadline: \(deadline)
      finish: RFS
      # The selected route (`caspian-link route select`) gives the lay length; this is the fallback.
      # routeLengthKm: 380

      activities:
        - id: WORK
          name: Example task (replace)
          baselineStart: \(start)
          baselineFinish: \(finish)
          weight: 1

        - id: RFS
          name: Ready for service
          milestone: true
          baselineFinish: \(finish)
          dependsOn: [WORK]

      """
  }

  /// The log of an empty project: comments only.
  public static let emptyLogText = """
    # Progress records of this project, one JSON object per line (caspian-link schedule update).
    # Append-only: correct a record with `schedule update --correct RECORD`, never by editing.

    """
}
