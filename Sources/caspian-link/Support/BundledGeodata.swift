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
  return installedGeodataDirectory()
}

/// The installed data directory: the first `Geodata/` walking up from the executable's
/// directory (the package's own), with symlinks resolved; nil if there is none.
func installedGeodataDirectory() -> URL? {
  guard let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() else { return nil }
  var directory = executable.deletingLastPathComponent()
  while directory.path != "/" {
    let candidate = directory.appendingPathComponent("Geodata")
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory),
      isDirectory.boolValue
    {
      return realPath(candidate)
    }
    directory = directory.deletingLastPathComponent()
  }
  return nil
}

/// `url` with symlinks resolved: of the file, else of the nearest folder above it that exists.
func realPath(_ url: URL) -> URL {
  var tail: [String] = []
  var current = url.standardizedFileURL
  while current.path != "/" {
    if let real = realpath(current.path, nil) {
      defer { free(real) }
      return tail.reversed().reduce(URL(fileURLWithPath: String(cString: real))) {
        $0.appendingPathComponent($1)
      }
    }
    tail.append(current.lastPathComponent)
    current = current.deletingLastPathComponent()
  }
  return url.standardizedFileURL
}

/// The bundled data set is read-only by path: refuses a write to `url` whose real path is inside
/// the installed `Geodata/`, whatever flag named it.
func refuseWritingIntoInstalledGeodata(_ url: URL) throws {
  guard let installed = installedGeodataDirectory() else { return }
  let target = realPath(url).path
  guard target == installed.path || target.hasPrefix(installed.path + "/") else { return }
  throw BundledDataReadOnly(path: url.path)
}

/// A write into the installed `Geodata/` was refused.
struct BundledDataReadOnly: Error, CustomStringConvertible {
  let path: String
  var description: String {
    "\(path): inside the bundled Geodata/, which is never written: run `caspian-link init DIR` to start a project of your own (it copies the plan and its record) and work there"
  }
}
