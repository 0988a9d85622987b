import ArgumentParser
import Foundation

@main
struct CaspianLink: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "caspian-link",
    abstract: "Plan submarine cable routes across the Caspian Sea and track construction.",
    discussion: """
      Exit codes: 0 success; 1 bad input or an impossible request; 2 usage error.
      Errors are printed on standard error as one line.
      """,
    version: "0.1.0",
    subcommands: [Init.self, Geodata.self, Route.self, Schedule.self, Lay.self, Report.self, Progress.self]
  )

  /// Runs the command and maps failures onto the documented exit codes: 0 for success (and
  /// `--help`/`--version`), 1 for bad input or an impossible request (one line on stderr),
  /// 2 for usage errors.
  static func main() async {
    StandardOutput.protectDescriptors()
    do {
      var command = try await asyncParseAsRoot(nil)
      if var asyncCommand = command as? AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
      exitAfterFlushingOutput(0)
    } catch {
      let code = exitCode(for: error)
      if code == .success {
        print(fullMessage(for: error))
        exitAfterFlushingOutput(0)
      }
      if code == .validationFailure {
        StandardError.write(fullMessage(for: error) + "\n")
        Foundation.exit(2)
      }
      if error is ExitCode {
        Foundation.exit(code.rawValue)
      }
      StandardError.write("caspian-link: error: \(Self.oneLine(error))\n")
      Foundation.exit(1)
    }
  }

  /// Exits with `code`, or with 1 and one line on stderr if standard output could not take
  /// everything printed.
  private static func exitAfterFlushingOutput(_ code: Int32) -> Never {
    if let problem = StandardOutput.finish() {
      StandardError.write("caspian-link: error: \(problem)\n")
      Foundation.exit(1)
    }
    Notes.flush()
    Foundation.exit(code)
  }

  /// The error's message on one line.
  private static func oneLine(_ error: Error) -> String {
    let text = (error as? LocalizedError)?.errorDescription ?? String(describing: error)
    return text.split(whereSeparator: \.isNewline).joined(separator: " ")
  }
}
