import CaspianSupport
import Foundation
import Testing

@Suite struct AtomicFileTests {
  @Test func replacesContentAndLeavesNoTemporaryFile() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("out.txt")
    try AtomicFile.write("first", to: file)
    try AtomicFile.write("second", to: file)
    #expect(try String(contentsOf: file, encoding: .utf8) == "second")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out.txt"])
  }

  @Test func missingDirectoryIsAnErrorNamingTheFile() {
    let file = URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)/out.txt")
    #expect {
      try AtomicFile.write("x", to: file)
    } throws: { error in
      "\(error)".hasPrefix(file.path) && "\(error)".contains("does not exist")
    }
  }

  /// A fresh directory, removed by the caller.
  private func scratch() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
  }

  @Test func symlinkIsFollowedAndKeptAsALink() throws {
    let dir = try scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let target = dir.appendingPathComponent("target.txt")
    let link = dir.appendingPathComponent("link.txt")
    try AtomicFile.write("old", to: target)
    try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "target.txt")
    try AtomicFile.write("new", to: link)
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "target.txt")
    #expect(try String(contentsOf: target, encoding: .utf8) == "new")
  }

  @Test func modeOfTheReplacedFileIsKept() throws {
    let dir = try scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("private.jsonl")
    try AtomicFile.write("old", to: file)
    #expect(chmod(file.path, 0o600) == 0)
    try AtomicFile.write("new", to: file)
    let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
    #expect(mode == 0o600)
  }

  @Test func devicesAndFIFOsAreWrittenThroughNotReplaced() throws {
    try AtomicFile.write("discarded", to: URL(fileURLWithPath: "/dev/null"))
    var info = stat()
    #expect(stat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
    #expect {
      try AtomicFile.write("x", to: URL(fileURLWithPath: "/dev/full"))
    } throws: { "\($0)" == "/dev/full: cannot write: No space left on device" }

    let dir = try scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let fifo = dir.appendingPathComponent("pipe")
    #expect(mkfifo(fifo.path, 0o644) == 0)
    #expect {
      try AtomicFile.write("x", to: fifo)
    } throws: { "\($0)".hasSuffix("cannot write: is a FIFO with no reader") }
    let reader = open(fifo.path, O_RDONLY | O_NONBLOCK)
    defer { close(reader) }
    try AtomicFile.write("through the pipe", to: fifo)
    var buffer = [UInt8](repeating: 0, count: 64)
    let n = read(reader, &buffer, buffer.count)
    #expect(String(decoding: buffer.prefix(max(0, n)), as: UTF8.self) == "through the pipe")
    #expect(stat(fifo.path, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
  }

  @Test func directoryIsRefused() throws {
    let dir = try scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    #expect { try AtomicFile.write("x", to: dir) } throws: {
      "\($0)".hasSuffix("cannot write: is a directory")
    }
  }

  @Test func severalFilesAreWrittenAllOrNone() throws {
    let dir = try scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let first = dir.appendingPathComponent("a.txt")
    let second = dir.appendingPathComponent("missing/b.txt")
    #expect(throws: FileError.self) {
      try AtomicFile.write([(Data("a".utf8), first), (Data("b".utf8), second)])
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    // A device that fails is written before any file is replaced.
    try AtomicFile.write("kept", to: first)
    #expect(throws: FileError.self) {
      try AtomicFile.write([(Data("new".utf8), first), (Data("x".utf8), URL(fileURLWithPath: "/dev/full"))])
    }
    #expect(try String(contentsOf: first, encoding: .utf8) == "kept")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["a.txt"])
  }

  @Test func temporariesOfDeadProcessesAreRemovedByTheNextWrite() throws {
    let dir = try scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("log.jsonl")
    // A process id that is not running: a child that has exited and been reaped.
    let child = Process()
    child.executableURL = URL(fileURLWithPath: "/bin/true")
    try child.run()
    child.waitUntilExit()
    let stale = ".log.jsonl.\(child.processIdentifier).\(UUID().uuidString).tmp"
    let live = ".log.jsonl.\(getpid()).\(UUID().uuidString).tmp"
    let unrelated = ".log.jsonl.notes.tmp"
    for name in [stale, live, unrelated] {
      #expect(FileManager.default.createFile(atPath: dir.appendingPathComponent(name).path, contents: nil))
    }
    try AtomicFile.write("x", to: file)
    #expect(
      Set(try FileManager.default.contentsOfDirectory(atPath: dir.path)) == ["log.jsonl", live, unrelated])
  }
}

@Suite struct OutputPathsTests {
  @Test func outputOntoAnInputIsRefusedThroughLinksDotsAndHardLinks() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("outputs-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let input = dir.appendingPathComponent("plan.yaml")
    try AtomicFile.write("project: x", to: input)
    let hard = dir.appendingPathComponent("hard.yaml")
    #expect(link(input.path, hard.path) == 0)
    try FileManager.default.createSymbolicLink(
      atPath: dir.appendingPathComponent("soft.yaml").path, withDestinationPath: "plan.yaml")
    let log = dir.appendingPathComponent("plan.updates.jsonl")  // does not exist yet
    let inputs = [OutputPaths.Input("the plan", input), OutputPaths.Input("the plan's update log", log)]
    for path in [
      input.path, hard.path, dir.appendingPathComponent("soft.yaml").path,
      dir.appendingPathComponent("sub/../plan.yaml").path,
      dir.appendingPathComponent("sub/../plan.updates.jsonl").path,
    ] {
      #expect(throws: FileError.self, "\(path)") {
        try OutputPaths.check([.init(flag: "--output", path: path)], against: inputs)
      }
    }
    try OutputPaths.check(
      [.init(flag: "--output", path: dir.appendingPathComponent("out.csv").path)], against: inputs)
    #expect {
      try OutputPaths.check(
        [.init(flag: "--geojson", path: "a.geojson"), .init(flag: "--rpl", path: "./a.geojson")], against: [])
    } throws: { "\($0)" == "./a.geojson: --rpl names the same file as --geojson" }
    try OutputPaths.check(
      [.init(flag: "--geojson", path: "/dev/null"), .init(flag: "--rpl", path: "/dev/null")], against: [])
  }
}
