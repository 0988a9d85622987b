import ArgumentParser

extension CaspianLink {
  struct Geodata: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "geodata",
      abstract: "Load and validate the geodata set.",
      subcommands: [Check.self],
      defaultSubcommand: Check.self
    )
  }
}
