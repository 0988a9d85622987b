import ArgumentParser
import CaspianProject
import CaspianSchedule
import CaspianSupport
import Foundation

extension CaspianLink {
  struct Init: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "init",
      abstract: "Start a project folder: project file, your own plan and update log, a place for the route.",
      discussion: """
        Writes DIR/caspian-project.json (name, data set, cost-model and engineering overrides), \
        DIR/plan.yaml and DIR/plan.updates.jsonl, and makes DIR/route/ for `route select`. The plan \
        and its log are copied from the bundled ones, so the project starts where the public record \
        stands; with --empty the plan is a commented template and the log is empty. From then on \
        the log is yours; the bundled data set is never written. Nothing that exists is overwritten.

        Commands find the project as git finds a repository: the current folder and upward, or \
        --project DIR, or $CASPIAN_PROJECT.

        Examples:
          caspian-link init caspian-2026
          caspian-link init . --name "Aktau - Sumgait, contractor copy"
          caspian-link init scratch --empty
        """)

    @Argument(
      help: ArgumentHelp(
        "The project folder (created if needed; default: the current folder).", valueName: "dir"))
    var directory = "."

    @Option(
      help: "The project's name (default: the bundled plan's project, or the folder's name with --empty).")
    var name: String?

    @Flag(help: "Start from a commented empty plan template and an empty log instead of the bundled plan.")
    var empty = false

    func run() async throws {
      let folder = URL(fileURLWithPath: directory, isDirectory: true).standardizedFileURL
      try refuseWritingIntoInstalledGeodata(folder.appendingPathComponent(Project.fileName))
      let planText: String
      let logData: Data
      let projectName: String
      if empty {
        projectName = name ?? folder.lastPathComponent
        planText = Project.emptyPlanTemplate(name: projectName, start: .today)
        logData = Data(Project.emptyLogText.utf8)
      } else {
        guard let bundled = bundledGeodataDirectory() else { throw GeodataDirectoryNotFound() }
        let planURL = bundled.appendingPathComponent("plan.yaml")
        let plan = try PlanParser.read(from: planURL)
        // The bundled record must be sound before it becomes the project's.
        _ = try UpdateLog.read(from: UpdateLog.url(forPlan: planURL), plan: plan)
        planText = try String(contentsOf: planURL, encoding: .utf8)
        logData = (try? Data(contentsOf: UpdateLog.url(forPlan: planURL))) ?? Data()
        projectName = name ?? plan.project
      }
      if let problem = TerminalText.problem(in: projectName, allowingNewlines: false) {
        throw FileError(file: "--name", problem: problem)
      }
      let project = try Project.create(at: folder, name: projectName, planText: planText, logData: logData)
      let records = try UpdateLog.parse(logData, file: "log").records.count
      print(
        "Started project \"\(project.name)\" in \(directory): \(Project.fileName), plan.yaml"
          + (empty ? " (template)" : " (copied from the bundled plan)")
          + ", plan.updates.jsonl (\(records) record\(records == 1 ? "" : "s")), route/")
      print(
        "Next: caspian-link route plan --from Aktau --to Sumgait --output routes.geojson, then caspian-link route select --route routes.geojson --option 1"
      )
    }
  }
}
