import Foundation

/// A file that could not be read (missing, a directory, no permission, an I/O error).
public struct FileReadError: Error, LocalizedError, CustomStringConvertible, Sendable {
  public let path: String
  public let reason: String

  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }

  public var description: String { "\(path): cannot read: \(reason)" }
  public var errorDescription: String? { description }
}

/// Reading whole input files, with the system's reason when that fails.
package enum FileBytes {
  /// The contents of the file at `url` (memory-mapped where that is safe).
  package static func read(_ url: URL) throws(FileReadError) -> Data {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
      throw FileReadError(path: url.relativePath, reason: "no such file")
    }
    guard !isDirectory.boolValue else {
      throw FileReadError(path: url.relativePath, reason: "is a directory")
    }
    do {
      return try Data(contentsOf: url, options: .mappedIfSafe)
    } catch {
      let reason =
        FileManager.default.isReadableFile(atPath: url.path)
        ? error.localizedDescription : "permission denied"
      throw FileReadError(path: url.relativePath, reason: reason)
    }
  }
}
