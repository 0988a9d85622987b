import ArgumentParser

extension CaspianLink {
  struct Route: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "route",
      abstract: "Plan cable routes and produce their engineering figures.",
      subcommands: [Plan.self, RPL.self, Select.self]
    )
  }
}
