import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// `caspian-link report`, run as a user would.
@Suite struct ReportCLITests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let plan = root.appendingPathComponent("Geodata/plan.yaml").path
  static let basin = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/engineering", isDirectory: true)

  static func scratch() throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "report-cli-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory
  }

  /// Whether `text` is well-formed XML, with the parser's complaint when it is not.
  /// Script elements other than the JSON data block (which is data, never run).
  static func executableScripts(_ page: String) -> Int {
    page.components(separatedBy: "<script").count - 1
      - (page.components(separatedBy: "<script type=\"application/json\" id=\"report-data\">").count - 1)
  }

  static func wellFormed(_ text: String) -> String? {
    let parser = XMLParser(data: Data(text.utf8))
    return parser.parse() ? nil : "\(String(describing: parser.parserError)) at line \(parser.lineNumber)"
  }

  @Test func aktauToSumgaitOnTheBundledData() throws {
    let directory = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: directory) }
    let html = directory.appendingPathComponent("report.html")
    let svg = directory.appendingPathComponent("figures")
    let result = try CLI.run(
      [
        "report", "--html", html.path, "--svg", svg.path, "--from", "aktau", "--to", "Sumgait", "--as-of",
        "2026-02-24", "--plan", Self.plan,
      ], environment: ["CASPIAN_GEODATA": Self.root.appendingPathComponent("Geodata").path])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("Report written to \(html.path)"))
    let page = try String(contentsOf: html, encoding: .utf8)
    #expect(Self.wellFormed(page) == nil, "\(Self.wellFormed(page) ?? "")")
    for id in ["map", "straight-line-diagrams", "schedule", "figures"] {
      #expect(page.contains("<section id=\"\(id)\">"), "section \(id)")
    }
    #expect(page.contains("Aktau → Sumgait"))
    // The figures table carries the planner's lengths (route plan --format json, run separately).
    let plan = try CLI.run(
      ["route", "plan", "--from", "Aktau", "--to", "Sumgait", "--format", "json"],
      environment: ["CASPIAN_GEODATA": Self.root.appendingPathComponent("Geodata").path])
    let json = try JSONSerialization.jsonObject(with: Data(plan.stdout.utf8)) as? [String: Any]
    let lengths = try #require(json?["options"] as? [[String: Any]]).compactMap {
      $0["routeLengthKm"] as? Double
    }
    #expect(!lengths.isEmpty)
    let lengthRow = lengths.map { "<td>" + String(format: "%.1f", $0) + "</td>" }.joined()
    #expect(page.contains("<td>Route length, geodesic WGS84 (km)</td>" + lengthRow))
    #expect(page.contains("as of 2026-02-24"))
    #expect(page.contains("+proj=aeqd +lat_0=42 +lon_0=50.5"))
    #expect(Self.executableScripts(page) == 0 && !page.contains("https://"))
    // The figures as standalone SVG: the map, the Gantt chart and one diagram per option.
    let files = try FileManager.default.contentsOfDirectory(atPath: svg.path).sorted()
    #expect(files.contains("map.svg") && files.contains("gantt.svg"))
    let diagrams = files.filter { $0.hasPrefix("sld-") }
    #expect(
      diagrams.count >= 2
        && diagrams.count == page.components(separatedBy: "Straight line diagram, route option").count - 1)
    for file in files {
      let text = try String(contentsOf: svg.appendingPathComponent(file), encoding: .utf8)
      #expect(text.hasPrefix("<?xml") && Self.wellFormed(text) == nil, "\(file)")
    }
  }

  @Test func routeFileWithHostileNamesIsEscaped() throws {
    let directory = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: directory) }
    // The synthetic basin with a pipeline and a landing named like markup.
    let data = directory.appendingPathComponent("basin", isDirectory: true)
    try FileManager.default.copyItem(at: Self.basin.appendingPathComponent("basin"), to: data)
    for (file, old, new) in [
      ("hazards.geojson", "Test oil line", "<script>alert(1)</script>"),
      ("landings.geojson", "\"East\"", "\"East <b>&amp;</b>\""),
    ] {
      let url = data.appendingPathComponent(file)
      let text = try String(contentsOf: url, encoding: .utf8)
      try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
    }
    let html = directory.appendingPathComponent("report.html")
    let result = try CLI.run([
      "report", "--html", html.path, "--route", Self.basin.appendingPathComponent("basin-route.geojson").path,
      "--geodata", data.path, "--plan", Self.plan, "--as-of", "2025-09-01",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let page = try String(contentsOf: html, encoding: .utf8)
    #expect(Self.wellFormed(page) == nil, "\(Self.wellFormed(page) ?? "")")
    #expect(Self.executableScripts(page) == 0)
    #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(page.contains("East &lt;b&gt;&amp;amp;&lt;/b&gt;") && !page.contains("<b>"))
    // Both routes of the file, and the crossing of the hostile pipeline on the diagrams.
    #expect(page.contains("Route option A: West → East &lt;b&gt;"))
    #expect(page.contains("Route option B: West → East &lt;b&gt;"))
    #expect(page.contains("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>"))
  }

  @Test func badInputWritesNothing() throws {
    let directory = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: directory) }
    let html = directory.appendingPathComponent("report.html")
    let unknown = try CLI.run(
      ["report", "--html", html.path, "--from", "Atlantis", "--to", "Sumgait", "--plan", Self.plan],
      environment: ["CASPIAN_GEODATA": Self.root.appendingPathComponent("Geodata").path])
    #expect(unknown.status == 1)
    #expect(unknown.stderr.hasPrefix("caspian-link: error: ") && unknown.stderr.contains("Atlantis"))
    #expect(unknown.stderr.split(separator: "\n").count == 1)
    #expect(!FileManager.default.fileExists(atPath: html.path))

    let both = try CLI.run([
      "report", "--html", html.path, "--from", "Aktau", "--to", "Sumgait", "--route", "x.geojson",
    ])
    #expect(both.status == 2)
    #expect(both.stderr.contains("either --from/--to or --route"))
    let options = try CLI.run(["report", "--html", html.path, "--route", "x.geojson", "--options", "2"])
    #expect(options.status == 2)
    #expect(options.stderr.contains("--options applies to planning"))
    let neither = try CLI.run(["report", "--html", html.path])
    #expect(neither.status == 2)
    #expect(!FileManager.default.fileExists(atPath: html.path))
  }
}
