import ArgumentParser

@main
struct CaspianLink: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "caspian-link",
    abstract: "Plan submarine cable routes across the Caspian Sea and track construction.",
    version: "0.1.0",
    subcommands: [Geodata.self, Route.self, Schedule.self]
  )
}
