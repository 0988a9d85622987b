import ArgumentParser

/// `--format table|json`: tables for people, JSON for programs.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
  case table
  case json
}
