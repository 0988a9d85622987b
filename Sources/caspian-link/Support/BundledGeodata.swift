import Foundation

/// The bundled data directory (`Geodata/`): `$CASPIAN_GEODATA` if set, else `./Geodata` if it
/// exists, else the first `Geodata/` found walking up from the executable's directory (so the
/// binary finds the repository's data when run from `.build/debug`).
/// - Returns: nil if none of these exists.
func bundledGeodataDirectory() -> URL? {
  let fileManager = FileManager.default
  func isDirectory(_ url: URL) -> Bool {
    var directory: ObjCBool = false
    return fileManager.fileExists(atPath: url.path, isDirectory: &directory) && directory.boolValue
  }
  if let variable = ProcessInfo.processInfo.environment["CASPIAN_GEODATA"], !variable.isEmpty {
    return URL(fileURLWithPath: variable)
  }
  // Relative, so messages name `Geodata/…` as the user sees it.
  let local = URL(fileURLWithPath: "Geodata", isDirectory: true)
  if isDirectory(local) { return local }
  guard let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() else { return nil }
  var directory = executable.deletingLastPathComponent()
  while directory.path != "/" {
    let candidate = directory.appendingPathComponent("Geodata")
    if isDirectory(candidate) { return candidate }
    directory = directory.deletingLastPathComponent()
  }
  return nil
}
