import ArgumentParser

extension CaspianLink {
  struct Schedule: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "schedule",
      abstract: "Track construction milestones to ready-for-service.",
      subcommands: [Status.self, Update.self, History.self, Trend.self, Export.self, Risk.self]
    )
  }
}
