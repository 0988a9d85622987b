import CaspianSupport
import Foundation

/// Reading whole input files, with the system's reason when that fails.
package enum FileBytes {
  /// The contents of the file at `url` (memory-mapped where that is safe).
  package static func read(_ url: URL) throws(FileError) -> Data {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
      throw FileError(file: url.relativePath, problem: "cannot read: no such file")
    }
    guard !isDirectory.boolValue else {
      throw FileError(file: url.relativePath, problem: "cannot read: is a directory")
    }
    do {
      return try Data(contentsOf: url, options: .mappedIfSafe)
    } catch {
      let reason =
        FileManager.default.isReadableFile(atPath: url.path)
        ? error.localizedDescription : "permission denied"
      throw FileError(file: url.relativePath, problem: "cannot read: " + reason)
    }
  }
}
