import Foundation

/// Keeps a command's outputs off its inputs: an output path that is, after symbolic links,
/// `..` and hard links, a file the command reads is refused before anything is written.
public enum OutputPaths {
  /// An output the user asked for: the flag it came from and the path as given.
  public struct Output: Sendable {
    public let flag: String
    public let path: String
    public init(flag: String, path: String) {
      self.flag = flag
      self.path = path
    }
  }

  /// An input the command reads: what it is ("the plan", "the grid") and its path. An input
  /// that does not exist yet (an update log) still counts by its path.
  public struct Input: Sendable {
    public let role: String
    public let url: URL
    public init(_ role: String, _ url: URL) {
      self.role = role
      self.url = url
    }
  }

  /// Refuses any output that is one of the inputs, or the same file as another output.
  /// - Throws: `FileError` naming the output, its flag and the input it would replace.
  public static func check(_ outputs: [Output], against inputs: [Input]) throws {
    let known = inputs.map { (input: $0, identity: FileIdentity(path: $0.url.path)) }
    var seen: [(output: Output, identity: FileIdentity)] = []
    for output in outputs {
      let identity = FileIdentity(path: output.path)
      if let clash = known.first(where: { $0.identity == identity }) {
        throw FileError(
          file: output.path,
          problem:
            "\(output.flag) would overwrite \(clash.input.role) (\(clash.input.url.relativePath)), which this command reads; choose another file"
        )
      }
      // Several outputs may go to one device (`/dev/null`), never to one file.
      if !identity.isDevice, let earlier = seen.first(where: { $0.identity == identity }) {
        throw FileError(
          file: output.path, problem: "\(output.flag) names the same file as \(earlier.output.flag)")
      }
      seen.append((output, identity))
    }
  }
}

/// Which file a path is: its device and inode when it exists (so hard links and symbolic links
/// meet), else its canonical path (the directory's real path plus the name).
struct FileIdentity: Equatable {
  static func == (a: FileIdentity, b: FileIdentity) -> Bool { a.kind == b.kind }
  private enum Kind: Equatable {
    case node(device: UInt64, inode: UInt64)
    case path(String)
  }
  private let kind: Kind
  /// A character device or FIFO, which many outputs can share.
  let isDevice: Bool

  init(path: String) {
    var info = stat()
    if stat(path, &info) == 0 {
      kind = .node(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
      isDevice = [S_IFCHR, S_IFIFO].contains(info.st_mode & S_IFMT)
      return
    }
    isDevice = false
    let resolved = (try? AtomicFile.resolvingLinks(path)) ?? path
    let url = URL(fileURLWithPath: resolved)
    let directory = url.deletingLastPathComponent().path
    let real = realpath(directory, nil).map { pointer -> String in
      defer { free(pointer) }
      return String(cString: pointer)
    }
    kind = .path(
      (real ?? url.deletingLastPathComponent().standardizedFileURL.path) + "/" + url.lastPathComponent)
  }
}
